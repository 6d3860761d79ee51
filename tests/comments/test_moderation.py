"""The moderation queue: moderators and only moderators; every action in the audit log."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry

from comments.models import CommentStatus, ReaderComment
from tests.comments.conftest import make_comment, post_comment
from tests.html import soup_of, text_of

QUEUE = "wagtailsnippets_comments_readercomment:list"


def bulk_url(action, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return reverse("wagtail_bulk_action", args=["comments", "readercomment", action]) + (
        f"?{ids}&next=/admin/"
    )


def test_comment_moderators_group_is_created_with_the_permission(db):
    group = Group.objects.get(permissions__codename="moderate_readercomment")
    # Stored as the catalogue's source text, read in the admin user's language.
    assert str.__str__(group.name) == "Comment moderators"
    with translation.override("ar"):
        assert str(group) == str(group.name) == "مشرفو التعليقات"
    with translation.override("fr"):
        assert str(group) == "Modérateurs des commentaires"
    assert group.permissions.filter(codename="access_admin").exists()


@pytest.mark.django_db
def test_moderators_reach_the_queue_and_writers_get_403(client, article, moderator, writer):
    comment = make_comment(article, status=CommentStatus.PENDING)
    urls = [
        reverse(QUEUE),
        reverse("wagtailsnippets_comments_readercomment:edit", args=[comment.pk]),
        reverse("wagtailsnippets_comments_readercomment:inspect", args=[comment.pk]),
        reverse("comments_staff_reply", args=[comment.pk]),
        bulk_url("approve", comment),
    ]
    client.force_login(moderator)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(writer)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "لا يطّلع على تعليقات القراء إلا مشرفو التعليقات" in text_of(soup_of(response))
    assert client.post(bulk_url("approve", comment)).status_code == 403
    assert (
        client.post(reverse("comments_staff_reply", args=[comment.pk]), {"body": "رد"}).status_code
        == 403
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    client.logout()
    assert client.get(reverse(QUEUE)).status_code == 302  # to the login page


def menu_labels(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {
        item.name: str(item.render_component(request).label)
        for item in admin_menu.menu_items_for_request(request)
    }


@pytest.mark.django_db
def test_menu_item_shows_the_pending_count_to_moderators_only(article, moderator, writer):
    make_comment(article, status=CommentStatus.PENDING)
    make_comment(article, status=CommentStatus.PENDING)
    make_comment(article)
    assert menu_labels(moderator)["reader-comments"] == "التعليقات (2)"
    assert "reader-comments" not in menu_labels(writer)


@pytest.mark.django_db
def test_dashboard_panel_lists_waiting_comments_for_moderators(client, article, moderator, writer):
    make_comment(article, status=CommentStatus.PENDING, body="تعليق ينتظر المراجعة")
    client.force_login(moderator)
    panel = soup_of(client.get(reverse("wagtailadmin_home"))).select_one(
        "#pending-reader-comments-content, [id^=pending-reader-comments]"
    )
    assert panel is not None
    assert "تعليق ينتظر المراجعة" in text_of(panel.find_parent("section") or panel)
    client.force_login(writer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "pending-reader-comments" not in html


@pytest.mark.django_db
def test_queue_filters_by_status_article_and_date_and_searches(
    client, article, demo_site, moderator
):
    from tests.factories import make_article

    other = make_article(demo_site["politics"], title="مقال آخر")
    waiting = make_comment(article, status=CommentStatus.PENDING, body="ينتظر هنا")
    make_comment(article, body="منشور هنا")
    elsewhere = make_comment(other, status=CommentStatus.PENDING, body="في مقال آخر")
    old = make_comment(article, status=CommentStatus.PENDING, body="تعليق قديم")
    ReaderComment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    client.force_login(moderator)

    def listed(query):
        soup = soup_of(client.get(reverse(QUEUE) + query))
        return {text_of(row) for row in soup.select("tbody tr")}

    def has(rows, text):
        return any(text in row for row in rows)

    rows = listed("?status=pending")
    assert has(rows, "ينتظر هنا") and has(rows, "في مقال آخر") and not has(rows, "منشور هنا")
    rows = listed(f"?page={other.pk}")
    assert has(rows, "في مقال آخر") and not has(rows, "ينتظر هنا")
    since = (timezone.now() - timedelta(days=2)).date().isoformat()
    rows = listed(f"?created_at_from={since}")
    assert has(rows, "ينتظر هنا") and not has(rows, "تعليق قديم")
    rows = listed("?q=مقال آخر")
    assert has(rows, "في مقال آخر") and not has(rows, "ينتظر هنا")
    assert waiting.pk and elsewhere.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "status", "log_action"),
    [
        ("approve", CommentStatus.APPROVED, "comments.approve"),
        ("spam", CommentStatus.SPAM, "comments.spam"),
        ("remove", CommentStatus.REMOVED, "comments.remove"),
    ],
)
def test_bulk_actions_change_status_and_are_audited(
    client, article, moderator, action, status, log_action
):
    comments = [make_comment(article, status=CommentStatus.PENDING) for _ in range(3)]
    client.force_login(moderator)
    response = client.post(bulk_url(action, *comments[:2]))
    assert response.status_code == 302
    statuses = [ReaderComment.objects.get(pk=c.pk).status for c in comments]
    assert statuses == [status, status, CommentStatus.PENDING]
    entries = ModelLogEntry.objects.filter(action=log_action)
    assert sorted(int(entry.object_id) for entry in entries) == sorted(c.pk for c in comments[:2])
    assert {entry.user_id for entry in entries} == {moderator.pk}


@pytest.mark.django_db
def test_staff_reply_is_published_with_a_staff_mark(client, article, moderator):
    moderator.first_name, moderator.last_name = "هيئة", "التحرير"
    moderator.save()
    waiting = make_comment(article, status=CommentStatus.PENDING)
    client.force_login(moderator)
    response = client.post(
        reverse("comments_staff_reply", args=[waiting.pk]), {"body": "شكراً على ملاحظتك."}
    )
    assert response.status_code == 302
    reply = ReaderComment.objects.get(parent=waiting)
    assert reply.is_staff_reply and reply.status == CommentStatus.APPROVED
    waiting.refresh_from_db()
    assert waiting.status == CommentStatus.APPROVED
    assert ModelLogEntry.objects.filter(action="comments.approve").count() == 1
    client.logout()
    soup = soup_of(client.get(article.url))
    shown = soup.select_one(f"#comment-{reply.pk}")
    assert text_of(shown.select_one(".comment__staff-mark")) == "فريق التحرير"
    assert "comment--staff" in shown.select_one(".comment")["class"]


@pytest.mark.django_db
def test_staff_reply_with_empty_body_is_400(client, article, moderator):
    comment = make_comment(article)
    client.force_login(moderator)
    response = client.post(reverse("comments_staff_reply", args=[comment.pk]), {"body": "  "})
    assert response.status_code == 400
    assert ReaderComment.objects.count() == 1


@pytest.mark.django_db
def test_moderators_are_emailed_after_commit(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_comment(client, article)
    assert len(mail.outbox) == 0  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "queue-moderator@example.com" in message.to
    assert "نهج المغرب" in message.subject
    assert "سلمى بنعلي" not in message.subject
    assert "سلمى بنعلي" in message.body


@pytest.mark.django_db
def test_mail_failure_never_loses_the_comment(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with (
        mock.patch("comments.notifications.send_mail", side_effect=ConnectionRefusedError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post_comment(client, article)
    assert response.status_code == 303
    assert ReaderComment.objects.filter(status=CommentStatus.PENDING).count() == 1


@pytest.mark.django_db
def test_no_mail_when_notifications_are_off(
    client, article, moderator, comment_settings, django_capture_on_commit_callbacks
):
    comment_settings.notify_moderators = False
    comment_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article)
    assert mail.outbox == []


@pytest.mark.django_db
def test_retention_command_erases_old_addresses_only(article):
    old = make_comment(article, ip_address="192.0.2.1", user_agent="Old/1.0")
    recent = make_comment(article, ip_address="192.0.2.2", user_agent="New/1.0")
    ReaderComment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    out = StringIO()
    call_command("erase_comment_personal_data", stdout=out)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (recent.ip_address, recent.user_agent) == ("192.0.2.2", "New/1.0")
    assert "1" in out.getvalue()
    call_command("erase_comment_personal_data", "--days", "0", stdout=out)
    recent.refresh_from_db()
    assert recent.ip_address is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "الحكومة",
        "للنقل الحكومة",  # two words, not side by side, in another order
        "الحكومه",  # heh for teh marbuta
        "اعلنت",  # a bare alef for the hamza
        "جديدة",  # the comment has tashkeel: جَدِيدَة
        "مصطفى",  # the name
        "Annonce",  # French, without the accent and capitalised
        "plan gouvernement",
    ],
)
def test_the_queue_finds_a_comment_by_its_own_words_however_they_are_typed(
    client, article, moderator, query
):
    """Issue 13: a word of a pending comment, searched in the queue, found nothing."""
    make_comment(
        article,
        status=CommentStatus.PENDING,
        author_name="مصطفى",
        body="الحكومة أعلنت عن خطة جَدِيدَة للنقل الحضري. Le gouvernement a annoncé un plan.",
    )
    make_comment(article, status=CommentStatus.PENDING, body="تعليق آخر لا علاقة له")
    client.force_login(moderator)
    soup = soup_of(client.get(reverse(QUEUE), {"q": query}))
    rows = [text_of(row) for row in soup.select("tbody tr") if text_of(row)]
    assert len(rows) == 1, rows
    assert "مصطفى" in rows[0]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["الحكومة القطار", "[(*+?", "a" * 500, "ب " * 50])
def test_the_queue_search_finds_nothing_rather_than_failing(client, article, moderator, query):
    make_comment(article, status=CommentStatus.PENDING, body="الحكومة أعلنت عن خطة")
    client.force_login(moderator)
    response = client.get(reverse(QUEUE), {"q": query})
    assert response.status_code == 200
    assert not [row for row in soup_of(response).select("tbody tr") if text_of(row)]
