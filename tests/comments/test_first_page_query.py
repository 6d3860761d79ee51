"""comments/first_page.py: the conversation's first page as the ORM reads it, in one query.

The reference is the ORM's statement it replaced: the page of comments with the two totals
annotated on each row. The conversation here has what makes the statement's conditions
matter: pending and spam comments, a reply whose first comment is pending, replies two levels
deep, another article's comments, and more first comments than a page holds.
"""

from datetime import timedelta

import pytest
from django.db.models import Count, IntegerField, Subquery
from django.utils import timezone

from comments.first_page import first_page_of_comments
from comments.models import CommentStatus, ReaderComment
from comments.threads import DISPLAY_FIELDS, page_of_comments, visible_comments
from tests.comments.conftest import make_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PER_PAGE = 4


def count_of(queryset):
    return Subquery(
        queryset.order_by().values("page").annotate(total=Count("pk")).values("total"),
        output_field=IntegerField(),
    )


def orm_first_page(page):
    """The ORM's statement for the first page, as comments/threads.py read it before."""
    totals = {
        "top_level_total": count_of(
            ReaderComment.objects.filter(
                page=page, status=CommentStatus.APPROVED, parent__isnull=True
            )
        ),
        "visible_total": count_of(visible_comments(page)),
    }
    return list(page_of_comments(page, 0).annotate(**totals))


def orm_page(page, per_page, monkeypatch):
    from comments import threads

    monkeypatch.setattr(threads, "TOP_LEVEL_PER_PAGE", per_page)
    return orm_first_page(page)


@pytest.fixture
def conversation(demo_site):
    article = demo_site["article"]
    start = timezone.now() - timedelta(days=1)
    made = []

    def comment(minutes, **fields):
        made.append(make_comment(article, **fields))
        # Posted at its own time (the field is set when a comment is saved).
        made[-1].created_at = start + timedelta(minutes=minutes)
        ReaderComment.objects.filter(pk=made[-1].pk).update(created_at=made[-1].created_at)
        return made[-1]

    first = comment(1)
    reply = comment(2, parent=first)
    comment(3, parent=reply)  # two levels deep
    comment(4, parent=first, status=CommentStatus.PENDING)
    pending_first = comment(5, status=CommentStatus.PENDING)
    comment(6, parent=pending_first)  # approved, but its first comment is not
    comment(7, status=CommentStatus.SPAM)
    for minutes in range(8, 14):  # more first comments than a page holds
        comment(minutes)
    late = made[-1]
    comment(20, parent=late)  # a reply to a first comment beyond the first page
    second = comment(21, parent=made[7])
    # The same minute as another comment: the id decides.
    comment(21, parent=second)
    make_comment(make_article(demo_site["politics"]))  # another article's comment
    return article


def test_the_first_page_is_the_orms_in_one_query(
    conversation, monkeypatch, django_assert_num_queries
):
    expected = orm_page(conversation, PER_PAGE, monkeypatch)
    with django_assert_num_queries(1):
        comments, top_level, total = first_page_of_comments(conversation, PER_PAGE)

    assert [comment.pk for comment in comments] == [comment.pk for comment in expected]
    assert (top_level, total) == (expected[0].top_level_total, expected[0].visible_total)
    # Seven approved first comments; twelve comments in conversations whose first is approved.
    assert (top_level, total) == (7, 12)
    fields = [name if name != "pk" else "id" for name in DISPLAY_FIELDS]
    for mine, theirs in zip(comments, expected, strict=True):
        assert {name: getattr(mine, name) for name in fields} == {
            name: getattr(theirs, name) for name in fields
        }
        # Loaded as only() loads them: the other fields are left for later.
        assert mine.get_deferred_fields() == theirs.get_deferred_fields()


def test_more_than_the_conversation_is_all_of_it(conversation, monkeypatch):
    expected = orm_page(conversation, 50, monkeypatch)
    comments, top_level, total = first_page_of_comments(conversation, 50)
    assert [comment.pk for comment in comments] == [comment.pk for comment in expected]
    assert (len(comments), top_level, total) == (12, 7, 12)


def test_an_article_without_approved_comments_has_none(demo_site):
    make_comment(demo_site["article"], status=CommentStatus.PENDING)
    assert first_page_of_comments(demo_site["article"], PER_PAGE) == ([], 0, 0)
