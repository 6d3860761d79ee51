"""Where a new comment goes: WordPress's rules, from site settings, plus a pluggable hook."""

import pytest
from wagtail import hooks

from comments.models import CommentStatus, ReaderComment
from comments.moderation import SPAM_CHECK_HOOK
from tests.comments.conftest import READER, make_comment, post_comment


def status_after_post(client, article, **fields):
    post_comment(client, article, **fields)
    return ReaderComment.objects.latest("pk").status


@pytest.fixture
def trusted(article, comment_settings):
    comment_settings.auto_approve_known_authors = True
    comment_settings.save()
    make_comment(article, author_email=READER["email"], body="تعليق سابق منشور")
    return comment_settings


@pytest.mark.django_db
def test_new_authors_wait(client, article, trusted):
    assert status_after_post(client, article, email="new@example.com") == CommentStatus.PENDING


@pytest.mark.django_db
def test_known_author_is_approved_when_the_setting_is_on(client, article, trusted):
    assert status_after_post(client, article) == CommentStatus.APPROVED


@pytest.mark.django_db
def test_known_author_waits_when_the_setting_is_off(client, article, comment_settings):
    make_comment(article, author_email=READER["email"], body="تعليق سابق منشور")
    assert status_after_post(client, article) == CommentStatus.PENDING


@pytest.mark.django_db
def test_more_than_two_links_wait_even_for_trusted_authors(client, article, trusted):
    body = "انظروا https://a.example و https://b.example و www.c.example"
    assert status_after_post(client, article, body=body) == CommentStatus.PENDING


@pytest.mark.django_db
def test_two_links_are_fine_for_trusted_authors(client, article, trusted):
    body = "انظروا https://a.example و https://b.example"
    assert status_after_post(client, article, body=body) == CommentStatus.APPROVED


@pytest.mark.django_db
def test_moderation_words_send_to_the_queue(client, article, trusted):
    trusted.moderation_words = "قمار\n"
    trusted.save()
    assert status_after_post(client, article, body="موقع قمار رائع") == CommentStatus.PENDING


@pytest.mark.django_db
def test_disallowed_words_send_to_spam(client, article, trusted):
    trusted.disallowed_words = "Casino\nكازينو"  # noqa: RUF001
    trusted.save()
    assert status_after_post(client, article, body="best CASINO here") == CommentStatus.SPAM
    assert status_after_post(client, article, name="كازينو", body="نص") == CommentStatus.SPAM


@pytest.mark.django_db
def test_a_spam_check_hook_can_be_plugged_in(client, article, trusted):
    def always_spam(comment, request):
        return CommentStatus.SPAM if "viagra" in comment.body else None

    with hooks.register_temporarily(SPAM_CHECK_HOOK, always_spam):
        assert status_after_post(client, article, body="buy viagra") == CommentStatus.SPAM
        assert status_after_post(client, article, body="نص عادي") == CommentStatus.APPROVED


@pytest.mark.django_db
def test_moderators_commenting_from_the_site_are_approved(client, article, moderator):
    client.force_login(moderator)
    assert status_after_post(client, article) == CommentStatus.APPROVED
