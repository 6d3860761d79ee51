"""Issue 13, item 4: every field posted at the longest its form allows is stored, never a 500.

SQLite does not enforce a column's length, so only PostgreSQL shows a form that allows more
than its column holds (an email field of 320 characters over a column of 254). The values are
built from each form field's own ``max_length``, whatever it is, and are Arabic where a field
takes words (two bytes a letter in UTF-8, six in a URL's percent-encoding).
"""

import json

import pytest
from django import forms
from django.db import connection
from django.urls import reverse

from comments.forms import ReaderCommentForm, StaffReplyForm
from comments.models import CommentStatus, ReaderComment
from search.forms import ArticleSearchForm
from tests.comments.conftest import make_comment, moderators_group, open_form
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite does not enforce column lengths"
    ),
]

# Fields a person never fills: the form's own hidden values and the robots' trap.
NOT_TYPED = {"ticket", "parent", "homepage"}


def longest_email(length: int) -> str:
    """A deliverable-looking address of exactly ``length`` characters (labels of 63 at most)."""
    local = "salma." + "b" * (64 - 6)
    domain_length = length - len(local) - 1
    labels, remaining = [], domain_length - len(".ma")
    while remaining > 0:
        label = min(63, remaining)
        if remaining - label == 1:  # never leave a lone dot for the next label
            label -= 1
        labels.append("d" * label)
        remaining -= label + 1
    address = f"{local}@{'.'.join(labels)}.ma"
    assert len(address) == length, len(address)
    return address


def longest_value(field: forms.Field) -> str:
    length = field.max_length
    if isinstance(field, forms.EmailField):
        return longest_email(length)
    if isinstance(field, forms.URLField):
        start = "https://salma.example/"
        return start + "مقال" * ((length - len(start)) // 4) + "a" * ((length - len(start)) % 4)
    words = ("كلمة " * length)[: length - 1] + "ة"
    assert len(words) == length
    return words


def typed_fields(form_class, **kwargs):
    form = form_class(**kwargs)
    return {
        name: longest_value(field)
        for name, field in form.fields.items()
        if name not in NOT_TYPED and getattr(field, "max_length", None)
    }


@pytest.mark.django_db
def test_a_comment_with_every_field_at_its_longest_is_stored(client, demo_site):
    article = demo_site["article"]
    values = typed_fields(ReaderCommentForm, page=article)
    assert set(values) == {"name", "email", "url", "body"}
    action, form_values = open_form(client, article)
    response = client.post(action, {**form_values, **values, "remember": "on"})
    assert response.status_code == 303
    comment = ReaderComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert (comment.author_name, comment.author_email, comment.author_url, comment.body) == (
        values["name"],
        values["email"],
        values["url"],
        values["body"],
    )
    # The remembered details fit in the cookie and come back whole.
    state = json.loads(client.get(reverse("comments:form_state", args=[article.pk])).content)
    assert (state["name"], state["email"], state["url"]) == (
        values["name"],
        values["email"],
        values["url"],
    )


@pytest.mark.django_db
def test_a_staff_reply_at_its_longest_from_a_moderator_with_the_longest_name(client, demo_site):
    user = UserFactory(
        username="u" * 150, first_name="ف" * 150, last_name="ل" * 150, email=longest_email(254)
    )
    user.groups.add(moderators_group())
    waiting = make_comment(demo_site["article"], status=CommentStatus.PENDING)
    client.force_login(user)
    values = typed_fields(StaffReplyForm)
    response = client.post(reverse("comments_staff_reply", args=[waiting.pk]), values)
    assert response.status_code == 302
    reply = ReaderComment.objects.get(is_staff_reply=True)
    assert reply.body == values["body"]
    assert reply.author_name.startswith("ف")


@pytest.mark.django_db
def test_a_search_with_every_field_at_its_longest_answers(client, demo_site):
    values = typed_fields(ArticleSearchForm, language_code="ar")
    assert "q" in values
    response = client.get(reverse("article_search"), {**values, "date_from": "2024-01-01"})
    assert response.status_code == 200
