"""No email ever public; the article page is the same HTML for every anonymous reader."""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from comments.models import CommentStatus, ReaderComment
from comments.remember import COOKIE_NAME
from tests.comments.conftest import READER, make_comment, post_comment

ADDRESSES = ["salma.reader@example.com", "hidden.author@example.com", "staff@example.com"]


def public_urls(demo_site, article):
    return [
        article.url,
        article.url + "?comment=published&id=1",
        article.url + "?reply_to=1",
        demo_site["politics"].url,
        demo_site["home"].url,
        reverse("comments:form_state", args=[article.pk]),
    ]


@pytest.mark.django_db
def test_no_email_address_in_any_public_response(client, article, demo_site, moderator):
    post_comment(client, article, remember="on")
    published = make_comment(article, author_email="hidden.author@example.com")
    make_comment(article, parent=published, author_email="staff@example.com", is_staff_reply=True)
    ReaderComment.objects.update(status=CommentStatus.APPROVED)
    stranger = Client()
    for url in public_urls(demo_site, article):
        for language_client in (stranger, Client(HTTP_ACCEPT_LANGUAGE="fr")):
            body = language_client.get(url).content.decode()
            for address in ADDRESSES:
                assert address not in body, (url, address)
                assert address.replace("@", "&#64;") not in body
    # Failed posts echo the reader's own email back to them only; never someone else's.
    response = post_comment(stranger, article, body="", email="other@example.com")
    body = response.content.decode()
    assert all(address not in body for address in ADDRESSES)


@pytest.mark.django_db
def test_article_html_is_identical_for_every_anonymous_reader(client, article):
    """The page may be cached for everyone: nothing in it may depend on who asks."""
    make_comment(article)
    with freeze_time(timezone.now() - timezone.timedelta(minutes=5)):
        post_comment(client, article, remember="on")
    assert COOKIE_NAME in client.cookies
    returning_reader = client
    newcomer = Client()
    with freeze_time(timezone.now()):
        first = returning_reader.get(article.url)
        second = newcomer.get(article.url)
    assert first.content == second.content
    assert READER["name"] not in first.content.decode()
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "csrftoken" not in first.cookies


@pytest.mark.django_db
def test_remember_cookie_only_when_ticked_and_only_for_that_reader(client, article):
    post_comment(client, article)
    assert not client.cookies.get(COOKIE_NAME, None) or not client.cookies[COOKIE_NAME].value

    response = post_comment(client, article, remember="on", body="تعليق ثان")
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    state_url = reverse("comments:form_state", args=[article.pk])
    state = client.get(state_url)
    assert {"private", "no-store"} <= set(state["Cache-Control"].replace(" ", "").split(","))
    data = json.loads(state.content)
    assert (data["name"], data["email"], data["remember"]) == (
        READER["name"],
        READER["email"],
        True,
    )

    stranger = json.loads(Client().get(state_url).content)
    assert (stranger["name"], stranger["email"], stranger["remember"]) == ("", "", False)

    # Unticking forgets.
    response = post_comment(client, article, body="تعليق ثالث")
    assert response.cookies[COOKIE_NAME].value == ""


@pytest.mark.django_db
def test_tampered_remember_cookie_is_ignored(client, article):
    client.cookies[COOKIE_NAME] = "eyJuYW1lIjoiZXZpbCJ9:forged"
    data = json.loads(client.get(reverse("comments:form_state", args=[article.pk])).content)
    assert data["name"] == ""


@pytest.mark.django_db
def test_form_state_gives_a_fresh_ticket_that_posts(client, article):
    """The JavaScript path: a cached page's old ticket is replaced by a fresh one."""
    with freeze_time(timezone.now() - timezone.timedelta(seconds=30)):
        state = json.loads(client.get(reverse("comments:form_state", args=[article.pk])).content)
    values = {**READER, "ticket": state["ticket"]}
    response = client.post(
        reverse("comments:post", args=[article.pk]), values, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 201
    assert json.loads(response.content) == {"status": "pending"}


@pytest.mark.django_db
def test_form_state_for_closed_or_missing_articles_is_404(client, article):
    assert client.get(reverse("comments:form_state", args=[999_999])).status_code == 404
    type(article).objects.filter(pk=article.pk).update(comments_open=False)
    assert client.get(reverse("comments:form_state", args=[article.pk])).status_code == 404


@pytest.mark.django_db
def test_ip_and_browser_are_kept_for_moderators_only(client, article):
    post_comment(
        client, article, headers={"HTTP_USER_AGENT": "Firefox/130", "REMOTE_ADDR": "192.0.2.44"}
    )
    comment = ReaderComment.objects.get()
    assert (comment.ip_address, comment.user_agent) == ("192.0.2.44", "Firefox/130")
    comment.status = CommentStatus.APPROVED
    comment.save()
    body = client.get(article.url).content.decode()
    assert "192.0.2.44" not in body and "Firefox/130" not in body


@pytest.mark.django_db
def test_json_answers_for_scripts(client, article):
    """With Accept: application/json the same checks answer in JSON (for posting in place)."""
    from tests.comments.conftest import open_form

    action, values = open_form(client, article)
    values.update(READER, body="", url="javascript:alert(1)")
    response = client.post(action, values, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    errors = json.loads(response.content)["errors"]
    assert set(errors) == {"body", "url"}
    assert READER["email"] not in response.content.decode()
    values.update(body="نص", url="", ticket="")
    response = client.post(action, values, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert "انتهت صلاحية" in json.loads(response.content)["error"]


@pytest.mark.django_db
def test_remember_cookie_is_signed_lax_http_only_and_secure_in_production(
    client, article, settings
):
    """Issue 13: the cookie with the reader's name and email."""
    import base64

    settings.SESSION_COOKIE_SECURE = True  # what production sets (DJANGO_SECURE_COOKIES)
    response = post_comment(client, article, remember="on")
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"

    # The same details written without the site's signature (or with the payload swapped
    # under the signature) are not believed.
    payload, _, signature = cookie.value.rpartition(":")
    state_url = reverse("comments:form_state", args=[article.pk])
    unsigned = base64.urlsafe_b64encode(
        json.dumps({"name": "منتحل", "email": "x@example.com", "url": ""}).encode()
    ).decode()
    for forged in (unsigned, f"{unsigned}:{signature}", f"{payload}x:{signature}"):
        stranger = Client()
        stranger.cookies[COOKIE_NAME] = forged
        assert json.loads(stranger.get(state_url).content)["name"] == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", ["التعليقات، وملف تعريف الارتباط الذي يتذكّرك", "comment_author", "90 يوماً"]),
        ("fr", ["Les commentaires, et le cookie", "comment_author", "90 jours", "signé"]),
    ],
)
def test_the_privacy_notice_says_what_the_cookie_holds(language, expected, settings):
    """For the privacy page: ``{% load comment_tags %}{% comment_privacy_notice %}``."""
    from django.template import Context, Template
    from django.utils import translation

    settings.COMMENTS_PERSONAL_DATA_RETENTION_DAYS = 90
    with translation.override(language):
        html = Template("{% load comment_tags %}{% comment_privacy_notice %}").render(Context())
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    for words in expected:
        assert words in text
