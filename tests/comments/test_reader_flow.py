"""Done-when 1 over HTTP: post without JavaScript, moderate, see it threaded, reply under it."""

import pytest
from django.urls import reverse

from comments.models import CommentStatus, ReaderComment
from tests.comments.conftest import READER, post_comment
from tests.html import soup_of, text_of


def header_count(response):
    return text_of(soup_of(response).select_one(".article__comment-count"))


@pytest.mark.django_db
def test_post_moderate_show_and_reply(client, article, moderator):
    response = post_comment(client, article)
    assert response.status_code == 303
    assert response["Location"].startswith(article.url)
    page = client.get(response["Location"])
    notice = soup_of(page).select_one("#comment-status")
    assert "بانتظار المراجعة" in text_of(notice)
    comment = ReaderComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert READER["body"] not in page.content.decode()
    assert header_count(page) == "لا تعليقات"

    # The moderator approves it from the queue's bulk action.
    client.force_login(moderator)
    approve = (
        reverse("wagtail_bulk_action", args=["comments", "readercomment", "approve"])
        + f"?id={comment.pk}&next=/admin/"
    )
    assert client.get(approve).status_code == 200
    assert client.post(approve).status_code == 302
    client.logout()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED

    page = client.get(article.url)
    soup = soup_of(page)
    assert header_count(page) == "تعليق واحد"
    shown = soup.select_one(f"#comment-{comment.pk}")
    assert READER["name"] in text_of(shown.select_one(".comment__author"))
    assert READER["body"] in text_of(shown.select_one(".comment__body"))

    # A reply through the comment's own reply link (no JavaScript: a link to the form).
    reply_link = shown.select_one(".comment__reply")["href"]
    response = post_comment(
        client,
        article,
        query="?" + reply_link.split("?")[1].split("#")[0],
        name="يوسف",
        email="youssef@example.com",
        body="أتفق معك تماماً.",
    )
    assert response.status_code == 303
    reply = ReaderComment.objects.get(parent=comment)
    reply.status = CommentStatus.APPROVED
    reply.save()

    soup = soup_of(client.get(article.url))
    nested = soup.select(f"#comment-{comment.pk} > ol.comment-list--replies > li")
    assert [item["id"] for item in nested] == [f"comment-{reply.pk}"]
    assert text_of(soup.select_one(".article__comment-count")) == "تعليقان"


@pytest.mark.django_db
def test_reply_link_without_javascript_opens_the_form_for_that_reply(client, article):
    from tests.comments.conftest import make_comment

    comment = make_comment(article, author_name="ليلى")
    soup = soup_of(client.get(article.url + f"?reply_to={comment.pk}"))
    form = soup.select_one("[data-comment-form]")
    assert "ليلى" in text_of(form.select_one(".comment-form__title"))
    assert form.select_one("input[name=parent]")["value"] == str(comment.pk)


@pytest.mark.django_db
def test_auto_approved_comment_redirects_to_its_permalink(client, article, comment_settings):
    from tests.comments.conftest import make_comment

    comment_settings.auto_approve_known_authors = True
    comment_settings.save()
    make_comment(article, author_email=READER["email"], body="تعليق سابق")
    response = post_comment(client, article)
    comment = ReaderComment.objects.latest("pk")
    assert comment.status == CommentStatus.APPROVED
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    soup = soup_of(client.get(response["Location"]))
    link = soup.select_one("#comment-status a")
    assert link["href"] == f"#comment-{comment.pk}"
