"""After posting, a reader sees their own waiting comment; no one else, and no cache, ever does."""

import pickle
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from comments.models import CommentStatus, ReaderComment
from comments.pending import COOKIE_NAME, SALT
from tests.comments.conftest import make_comment, post_comment

WAITING_TEXT = "رأيي الذي ينتظر المراجعة، لا يراه أحد غيري."


def form_state(client, article):
    response = client.get(reverse("comments:form_state", args=[article.pk]))
    assert response.status_code == 200
    return response


def pending_html(client, article):
    return [item["html"] for item in form_state(client, article).json()["pending"]]


def everything_in_the_cache() -> bytes:
    """Every value the shared cache holds, as stored (local memory keeps pickles)."""
    store = caches["default"]._cache
    return b"".join(
        value if isinstance(value, bytes) else pickle.dumps(value) for value in store.values()
    )


def post_waiting_comment(client, article, **fields):
    response = post_comment(client, article, body=WAITING_TEXT, **fields)
    assert response.status_code == 303
    comment = ReaderComment.objects.get(body=WAITING_TEXT)
    assert comment.status == CommentStatus.PENDING
    return response, comment


@pytest.mark.django_db
def test_the_author_sees_their_waiting_comment_marked_awaiting_moderation(client, article):
    _response, comment = post_waiting_comment(client, article)
    state = form_state(client, article)
    assert "no-store" in state["Cache-Control"] and "private" in state["Cache-Control"]
    [pending] = state.json()["pending"]
    assert pending["id"] == comment.pk and pending["parent"] is None
    html = BeautifulSoup(pending["html"], "html.parser")
    assert WAITING_TEXT in html.select_one(".comment__body").get_text()
    assert html.select_one(".comment__pending-mark").get_text(strip=True) == "بانتظار المراجعة"
    # No reply link under a comment nobody else can see.
    assert html.select_one(".comment__reply") is None


@pytest.mark.django_db
def test_a_waiting_reply_names_its_parent(client, article):
    parent = make_comment(article)
    post_waiting_comment(client, article, parent=str(parent.pk))
    [pending] = form_state(client, article).json()["pending"]
    assert pending["parent"] == parent.pk


@pytest.mark.django_db
def test_other_readers_and_the_page_cache_never_see_it(client, article, page_cache):
    # The page is in the cache before and after the post: the post must not change it.
    stranger = Client()
    with freeze_time(timezone.now() - timedelta(minutes=1)):  # the cached form's ticket is older
        assert stranger.get(article.url)["X-Page-Cache"] == "miss"
    response, _comment = post_waiting_comment(client, article)
    # The page the author is sent back to, and the cached page, both without the comment.
    landing = client.get(response["Location"])
    assert WAITING_TEXT not in landing.content.decode()
    for reader in (client, stranger, Client()):
        page = reader.get(article.url)
        assert page["X-Page-Cache"] == "hit"
        assert WAITING_TEXT not in page.content.decode()
    # Only the author's own never-cached answer carries it.
    assert any(WAITING_TEXT in html for html in pending_html(client, article))
    assert pending_html(stranger, article) == []
    assert pending_html(Client(), article) == []
    cached = everything_in_the_cache()
    assert article.title.encode() in cached  # the search below reads what the cache holds
    assert WAITING_TEXT.encode() not in cached


@pytest.mark.django_db
def test_a_copied_or_forged_cookie_shows_nothing_of_anyone_else(client, article):
    _response, comment = post_waiting_comment(client, article)
    forger = Client()
    forger.cookies[COOKIE_NAME] = signing.dumps([comment.pk], salt="another-salt")
    assert pending_html(forger, article) == []
    forger.cookies[COOKIE_NAME] = f"[{comment.pk}]"
    assert pending_html(forger, article) == []


@pytest.mark.django_db
def test_it_leaves_the_authors_view_once_approved_or_removed(client, article):
    _response, comment = post_waiting_comment(client, article)
    comment.status = CommentStatus.APPROVED
    comment.save(update_fields=["status"])
    assert pending_html(client, article) == []
    # Approved, it is in the page itself like everyone else's.
    assert WAITING_TEXT in client.get(article.url).content.decode()
    comment.status = CommentStatus.REMOVED
    comment.save(update_fields=["status"])
    assert pending_html(client, article) == []


@pytest.mark.django_db
def test_the_cookie_is_signed_short_lived_and_hidden_from_scripts(client, article):
    post_waiting_comment(client, article)
    cookie = client.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert 0 < int(cookie["max-age"]) <= 7 * 24 * 60 * 60
    assert signing.loads(cookie.value, salt=SALT) == list(
        ReaderComment.objects.values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_a_published_comment_sets_no_pending_cookie(client, article, comment_settings):
    make_comment(article, author_email="known@example.com")
    comment_settings.auto_approve_known_authors = True
    comment_settings.save()
    response = post_comment(client, article, email="known@example.com", body="تعليق منشور مباشرة")
    assert response.status_code == 303
    assert COOKIE_NAME not in client.cookies
