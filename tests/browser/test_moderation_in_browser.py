"""Done-when 5 in Chromium: a reader sees their own waiting comment and no one else does; a
moderator approves it with one click (and undoes it), with a key, and on the comment's page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from comments.models import CommentStatus, ReaderComment
from tests.browser.test_comments_in_browser import PASSWORD, write_comment
from tests.factories import UserFactory

pytestmark = pytest.mark.slow
WAITING = "أرجو توضيح مصادر هذه الأرقام."


@pytest.fixture
def moderator_page(live_demo_site, open_page):
    from tests.comments.conftest import moderators_group

    user = UserFactory(username="one-click-moderator", email="one-click@example.com")
    user.groups.add(moderators_group())
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "ar"})

    def open_as_moderator(width=1280):
        base_url = live_demo_site["base_url"]
        page = open_page(width=width)
        page.goto(base_url + reverse("wagtailadmin_login"))
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(base_url + reverse("wagtailadmin_home"))
        return page

    return open_as_moderator


def test_the_reader_sees_their_waiting_comment_and_nobody_else_does(
    live_demo_site, page_cache, open_page, screenshot
):
    article_url = live_demo_site["base_url"] + live_demo_site["article"].url
    stranger = open_page(width=1280)
    assert stranger.goto(article_url).headers["x-page-cache"] == "miss"

    reader = open_page(width=375)
    reader.goto(article_url)
    write_comment(reader, name="سلمى", email="salma@example.com", body=WAITING)
    expect(reader.get_by_role("status")).to_contain_text("بانتظار المراجعة")
    own = reader.locator(".comment--pending")
    expect(own).to_contain_text(WAITING)
    expect(own.locator(".comment__pending-mark")).to_have_text("بانتظار المراجعة")
    screenshot(reader, "comments-own-pending-375")

    # Reloading the cached article: still there for the author, from the private endpoint.
    response = reader.goto(article_url)
    assert response.headers["x-page-cache"] == "hit"
    assert WAITING not in response.text()
    expect(reader.locator(".comment--pending")).to_contain_text(WAITING)

    # Another reader, and the page the cache serves: nothing.
    response = stranger.goto(article_url)
    assert response.headers["x-page-cache"] == "hit"
    assert WAITING not in response.text()
    stranger.wait_for_load_state("networkidle")
    expect(stranger.get_by_text(WAITING)).to_have_count(0)


def test_one_click_approve_undo_and_keyboard(live_demo_site, moderator_page, screenshot):
    article = live_demo_site["article"]
    first = ReaderComment.objects.create(
        page=article, author_name="قارئ أول", author_email="a@example.com", body="تعليق أول"
    )
    second = ReaderComment.objects.create(
        page=article, author_name="قارئ ثان", author_email="b@example.com", body="تعليق ثان"
    )
    page = moderator_page()
    page.goto(live_demo_site["base_url"] + reverse("wagtailsnippets_comments_readercomment:list"))
    expect(page.get_by_role("link", name="التعليقات (2)")).to_be_visible()

    row = page.locator("tr", has=page.locator(f"#snippet_{first.pk}_title"))
    row.get_by_role("button", name="موافقة").click()
    expect(row.locator("[data-comment-status]")).to_have_text("منشور")
    toast = page.locator("[data-comment-undo]")
    expect(toast).to_contain_text("تمت الموافقة على التعليق.")
    screenshot(page, "comments-one-click-1280")
    first.refresh_from_db()
    assert first.status == CommentStatus.APPROVED

    toast.get_by_role("button", name="تراجع").click()
    expect(row.locator("[data-comment-status]")).to_have_text("بانتظار المراجعة")
    first.refresh_from_db()
    assert first.status == CommentStatus.PENDING

    # Keyboard: the row just moderated is the current one; k moves up to the newer comment
    # (newest first), s marks it as spam.
    page.keyboard.press("k")
    page.keyboard.press("s")
    other_row = page.locator("tr", has=page.locator(f"#snippet_{second.pk}_title"))
    expect(other_row.locator("[data-comment-status]")).to_have_text("مزعج")
    second.refresh_from_db()
    assert second.status == CommentStatus.SPAM

    # The comment's own page, from its title: the article and the conversation.
    page.locator(f"#snippet_{first.pk}_title").click()
    expect(page.locator(".comment-detail__article")).to_contain_text(article.title)
    expect(page.locator(".comment-thread__item--current")).to_contain_text("تعليق أول")
    page.get_by_role("button", name="موافقة").click()
    expect(page.locator("[data-comment-status]")).to_have_text("منشور")
    first.refresh_from_db()
    assert first.status == CommentStatus.APPROVED
