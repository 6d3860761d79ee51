"""Moderating from the queue in one click, the comment's own page, and a short undo."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from comments.models import CommentStatus
from comments.one_click import UNDO_GRACE_SECONDS, UNDO_SECONDS
from tests.comments.conftest import make_comment
from tests.html import soup_of, text_of

QUEUE = "wagtailsnippets_comments_readercomment:list"
DETAIL = "wagtailsnippets_comments_readercomment:inspect"


def row_forms(response, comment):
    """The one-click forms in the comment's row: {action name: (url, values to send)}."""
    title = soup_of(response).find(id=f"snippet_{comment.pk}_title")
    assert title is not None, "the comment is not in the queue"
    forms = {}
    for form in title.find_parent("tr").select("form[data-comment-action]"):
        values = {field["name"]: field.get("value", "") for field in form.select("input")}
        button = form.select_one("button")
        forms[form["data-comment-action"]] = (form["action"], values, button.has_attr("disabled"))
    return forms


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
def test_each_comment_in_the_queue_has_its_own_buttons(client, article, moderator):
    waiting = make_comment(article, status=CommentStatus.PENDING)
    published = make_comment(article)
    client.force_login(moderator)
    response = client.get(reverse(QUEUE))
    assert {
        name: disabled for name, (_u, _v, disabled) in row_forms(response, waiting).items()
    } == {
        "approve": False,
        "spam": False,
        "remove": False,
    }
    # The action that would change nothing is there but disabled.
    assert row_forms(response, published)["approve"][2] is True
    # The comment links to its own page; the bulk actions stay.
    link = soup_of(response).find(id=f"snippet_{waiting.pk}_title").find_parent("a")
    assert link["href"] == reverse(DETAIL, args=[waiting.pk])
    assert soup_of(response).select("[data-bulk-action-checkbox]")


@pytest.mark.django_db
def test_one_click_approves_with_the_pages_own_csrf_token(csrf_client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    csrf_client.force_login(moderator)
    queue = reverse(QUEUE) + "?status=pending"
    url, values, _disabled = row_forms(csrf_client.get(queue), comment)["approve"]
    response = csrf_client.post(url, values)
    assert response.status_code == 302 and response["Location"] == queue
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert ModelLogEntry.objects.filter(action="comments.approve", user=moderator).count() == 1
    page = csrf_client.get(queue)
    message = soup_of(page).select_one(".messages")
    assert "تمت الموافقة على التعليق" in text_of(message)
    assert "تراجع" in text_of(message)


@pytest.mark.django_db
def test_without_the_csrf_token_nothing_changes(csrf_client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    csrf_client.force_login(moderator)
    url = reverse("comments_moderate", args=[comment.pk, "spam"])
    assert csrf_client.post(url).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_writers_get_403_and_nothing_changes(client, article, writer):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(writer)
    for action in ("approve", "spam", "remove"):
        assert (
            client.post(reverse("comments_moderate", args=[comment.pk, action])).status_code == 403
        )
    assert client.get(reverse(DETAIL, args=[comment.pk])).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, article):
    comment = make_comment(article, status=CommentStatus.PENDING)
    response = client.post(reverse("comments_moderate", args=[comment.pk, "approve"]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_get_and_unknown_actions_are_refused(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    assert client.get(reverse("comments_moderate", args=[comment.pk, "approve"])).status_code == 405
    unknown = reverse("comments_moderate", args=[comment.pk, "approve"]).replace(
        "approve", "publish"
    )
    assert client.post(unknown, follow=True).status_code == 404
    missing = reverse("comments_moderate", args=[999999, "approve"])
    assert client.post(missing, follow=True).status_code == 404
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_next_never_leaves_the_site(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    response = client.post(
        reverse("comments_moderate", args=[comment.pk, "remove"]),
        {"next": "https://evil.example/phish"},
    )
    assert response["Location"] == reverse(QUEUE)


def moderate_as_script(client, comment, action):
    """What moderation.js sends: the same form, asking for JSON."""
    return client.post(
        reverse("comments_moderate", args=[comment.pk, action]),
        headers={"accept": "application/json"},
    )


@pytest.mark.django_db
def test_undo_puts_the_comment_back_for_a_few_seconds(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    done = moderate_as_script(client, comment, "spam").json()
    assert done["status"] == "spam" and done["undo_seconds"] == UNDO_SECONDS
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM
    undone = client.post(
        done["undo_url"], {"token": done["undo_token"]}, headers={"accept": "application/json"}
    )
    assert undone.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert ModelLogEntry.objects.filter(action="comments.unapprove").count() == 1


@pytest.mark.django_db
def test_undo_expires(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    done = moderate_as_script(client, comment, "remove").json()
    later = timezone.now() + timedelta(seconds=UNDO_SECONDS + UNDO_GRACE_SECONDS + 1)
    with freeze_time(later):
        response = client.post(
            done["undo_url"], {"token": done["undo_token"]}, headers={"accept": "application/json"}
        )
        assert response.status_code == 410
        assert response.json()["message"] == "لم يعد التراجع عن هذا الإجراء ممكناً."
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED


@pytest.mark.django_db
def test_undo_never_overrides_a_later_decision(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    done = moderate_as_script(client, comment, "approve").json()
    moderate_as_script(client, comment, "remove")  # a colleague, meanwhile
    response = client.post(
        done["undo_url"], {"token": done["undo_token"]}, headers={"accept": "application/json"}
    )
    assert response.status_code == 409
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED


@pytest.mark.django_db
def test_undo_without_javascript_asks_first(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    client.post(reverse("comments_moderate", args=[comment.pk, "approve"]))
    message = soup_of(client.get(reverse(QUEUE))).select_one(".messages")
    undo_link = message.find("a", string=lambda text: text and "تراجع" in text)
    confirm = client.get(undo_link["href"])
    assert confirm.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED  # a GET changes nothing
    form = soup_of(confirm).select_one("form[data-undo-confirm]")
    values = {field["name"]: field.get("value", "") for field in form.select("input")}
    client.post(form["action"], values)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_forged_undo_tokens_are_refused(client, article, moderator):
    comment = make_comment(article, status=CommentStatus.SPAM)
    client.force_login(moderator)
    response = client.post(reverse("comments_moderation_undo"), {"token": "forged"}, follow=True)
    assert "لم يعد التراجع عن هذا الإجراء ممكناً." in text_of(
        soup_of(response).select_one(".messages")
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM


@pytest.mark.django_db
def test_the_comments_own_page_shows_the_article_and_the_thread(client, article, moderator):
    first = make_comment(article, body="التعليق الأول في المحادثة")
    reply = make_comment(article, parent=first, status=CommentStatus.PENDING, body="رد ينتظر")
    make_comment(article, body="تعليق في محادثة أخرى")
    client.force_login(moderator)
    response = client.get(reverse(DETAIL, args=[reply.pk]))
    assert response.status_code == 200
    page = soup_of(response)
    article_part = text_of(page.select_one(".comment-detail__article"))
    assert article.title in article_part
    assert article.standfirst.split()[0] in article_part
    thread = [text_of(item) for item in page.select(".comment-thread__item")]
    assert len(thread) == 2
    assert "التعليق الأول في المحادثة" in thread[0] and "رد ينتظر" in thread[1]
    assert (
        page.select_one(".comment-thread__item--current") is page.select(".comment-thread__item")[1]
    )
    forms = {form["data-comment-action"] for form in page.select("form[data-comment-action]")}
    assert forms == {"approve", "spam", "remove"}
    assert text_of(page.select_one("[data-comment-status]")) == "بانتظار المراجعة"
