"""Posting comments the way a reader's browser does: read the form on the page, fill, send."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time

from comments.models import CommentStatus, ReaderComment
from tests.factories import UserFactory
from tests.html import soup_of

READER = {
    "name": "سلمى بنعلي",
    "email": "salma.reader@example.com",
    "url": "",
    "body": "مقال ممتاز، شكراً على هذا التحليل.",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def form_on(response):
    """The comment form's action and the values a browser would send."""
    form = soup_of(response).select_one("[data-comment-form] form")
    assert form is not None, "no comment form on the page"
    values = {}
    for element in form.select("input, textarea"):
        name = element.get("name")
        if not name or (element.get("type") == "checkbox" and not element.has_attr("checked")):
            continue
        values[name] = element.get("value", "") if element.name == "input" else element.text
    return form["action"], values


def open_form(client, page, *, seconds_ago=30, query=""):
    """The article as a reader opened it ``seconds_ago``; returns the form's action and values."""
    with freeze_time(timezone.now() - timedelta(seconds=seconds_ago)):
        response = client.get(page.url + query)
    assert response.status_code == 200
    return form_on(response)


def post_comment(client, article, *, seconds_ago=30, query="", headers=None, **fields):
    action, values = open_form(client, article, seconds_ago=seconds_ago, query=query)
    values.update(READER)
    values.update(fields)
    values = {key: value for key, value in values.items() if value is not None}
    return client.post(action, values, **(headers or {}))


def make_comment(page, *, status=CommentStatus.APPROVED, parent=None, **fields):
    counter = ReaderComment.objects.count() + 1
    defaults = {
        "author_name": f"قارئ {counter}",
        "author_email": f"reader{counter}@example.com",
        "body": f"تعليق رقم {counter}",
    }
    defaults.update(fields)
    return ReaderComment.objects.create(page=page, parent=parent, status=status, **defaults)


@pytest.fixture
def article(demo_site):
    return demo_site["article"]


def moderators_group():
    """The migration's group; rebuilt after a transactional test has flushed the tables."""
    permission = Permission.objects.get(codename="moderate_readercomment")
    group = Group.objects.filter(permissions=permission).first()
    if group is None:
        group = Group.objects.create(name="Comment moderators")
        group.permissions.add(permission, Permission.objects.get(codename="access_admin"))
    return group


@pytest.fixture
def moderator(db):
    user = UserFactory(username="queue-moderator", email="queue-moderator@example.com")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def writer(db):
    """A newsroom writer: in Wagtail's Editors group, no comment permission."""
    user = UserFactory(username="staff-writer", email="staff-writer@example.com")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    return user


@pytest.fixture
def comment_settings(demo_site):
    from wagtail.models import Site

    from comments.models import CommentSettings

    return CommentSettings.for_site(Site.objects.get(is_default_site=True))


def bulk_comments(article, top_level, replies_per_comment):
    """``top_level`` conversations, each with replies two levels deep."""
    roots = [
        ReaderComment(
            page=article,
            author_name=f"قارئ {n}",
            author_email=f"r{n}@example.com",
            body=f"تعليق {n}",
            fingerprint=f"root-{n}",
            status=CommentStatus.APPROVED,
        )
        for n in range(top_level)
    ]
    ReaderComment.objects.bulk_create(roots)
    replies = []
    for root in ReaderComment.objects.filter(page=article, parent=None):
        for n in range(replies_per_comment):
            replies.append(
                ReaderComment(
                    page=article,
                    parent=root,
                    thread_root=root,
                    depth=1,
                    author_name="مجيب",
                    author_email=f"reply{root.pk}-{n}@example.com",
                    body=f"رد {n}",
                    fingerprint=f"reply-{root.pk}-{n}",
                    status=CommentStatus.APPROVED,
                )
            )
    ReaderComment.objects.bulk_create(replies)
    deeper = [
        ReaderComment(
            page=article,
            parent=reply,
            thread_root_id=reply.thread_root_id,
            depth=2,
            author_name="مجيب ثان",
            author_email=f"deep{reply.pk}@example.com",
            body="رد على رد",
            fingerprint=f"deep-{reply.pk}",
            status=CommentStatus.APPROVED,
        )
        for reply in ReaderComment.objects.filter(page=article, depth=1)
    ]
    ReaderComment.objects.bulk_create(deeper)
