"""The newsroom's daily screens in an Arabic admin carry no English word (Done when 4).

The browser asks for English (Chromium's default), as many newsroom computers do: the admin
must follow each person's own language setting, not the browser's. Product names, keys and
formats are allowed (admin_language.ALLOWED_WORDS); so is the newsroom's own content.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import String

from articles.models import ArticlePage
from comments.models import CommentStatus, ReaderComment
from tests.browser.admin_language import english_words, read_screen
from tests.comments.conftest import moderators_group

pytestmark = pytest.mark.slow


def signed_in(open_page, base_url, user):
    client = Client()
    client.force_login(user)
    page = open_page(width=1280, height=900)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return page


def newsroom_content() -> list[str]:
    """What people wrote: titles in every language, the text being translated, names, comments."""
    texts = list(Page.objects.values_list("title", flat=True))
    texts += list(String.objects.values_list("data", flat=True))
    for comment in ReaderComment.objects.all():
        texts += [comment.author_name, comment.body, str(comment)]
    for user in get_user_model().objects.all():
        texts += [user.username, user.get_full_name()]
    return texts


@pytest.fixture
def newsroom_day(live_demo_site):
    """A writer's draft, an article waiting for review, a reader's comment waiting."""
    User = get_user_model()
    writer = User.objects.get(username="writer")
    politics = live_demo_site["politics"]
    draft = ArticlePage(
        title="مسودة عن الانتخابات", slug="election-draft", standfirst="مقدمة", owner=writer
    )
    politics.add_child(instance=draft)
    draft.save_revision(user=writer)
    in_review = ArticlePage(
        title="مقال ينتظر المراجعة", slug="waiting-review", standfirst="مقدمة", owner=writer
    )
    politics.add_child(instance=in_review)
    in_review.save_revision(user=writer)
    in_review.get_workflow().start(in_review, writer)
    article = live_demo_site["article"]
    comment = ReaderComment.objects.create(
        page=article,
        author_name="قارئ",
        author_email="reader@example.com",
        body="تعليق ينتظر المراجعة",
        status=CommentStatus.PENDING,
    )
    # A transactional test flushed the migration's moderators group: the demo made no moderator.
    moderator, _created = User.objects.get_or_create(username="moderator")
    moderator.groups.add(moderators_group())
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": "ar"})
    french = ArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code="fr"
    )
    return {
        "writer": [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[politics.pk]),
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
            reverse("wagtailadmin_pages:add", args=("articles", "articlepage", politics.pk)),
        ],
        "section-editor": [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[politics.pk]),
            reverse("wagtailadmin_pages:edit", args=[in_review.pk]),
            reverse("wagtailadmin_reports:workflow"),
            reverse("wagtailadmin_reports:workflow_tasks"),
            reverse("wagtailadmin_pages:edit", args=[french.pk]),  # the translation editor
        ],
        "moderator": [
            reverse("wagtailadmin_home"),
            reverse("wagtailsnippets_comments_readercomment:list") + "?status=pending",
            reverse("wagtailsnippets_comments_readercomment:inspect", args=[comment.pk]),
        ],
    }


def read_with_open_menus(page) -> list[str]:
    texts = read_screen(page)
    # The editor's action menu (save, submit to a review, publish …) opens on demand.
    toggle = page.locator("footer [data-w-dropdown-target=toggle]").first
    if toggle.count() and toggle.is_visible():
        toggle.click()
        page.wait_for_timeout(300)
        texts += read_screen(page)
        page.keyboard.press("Escape")
    return texts


@pytest.mark.parametrize("username", ["writer", "section-editor", "moderator"])
def test_the_main_screens_speak_arabic(live_demo_site, newsroom_day, open_page, username):
    base_url = live_demo_site["base_url"]
    page = signed_in(open_page, base_url, get_user_model().objects.get(username=username))
    own_content = newsroom_content()
    found = {}
    for url in newsroom_day[username]:
        response = page.goto(base_url + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "ar", url
        words = english_words(read_with_open_menus(page), own_content)
        if words:
            found[url] = words
    assert found == {}


def test_the_writer_submits_to_the_review_named_in_arabic(live_demo_site, newsroom_day, open_page):
    base_url = live_demo_site["base_url"]
    page = signed_in(open_page, base_url, get_user_model().objects.get(username="writer"))
    page.goto(base_url + newsroom_day["writer"][2])
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    submit = page.locator("footer button[name=action-submit]")
    submit.wait_for(state="visible")
    assert submit.inner_text().strip() == "تقديم إلى المراجعة الحساسة"
