"""The editor's preview at phone and desktop widths, and the dashboard chart, in a real browser."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from newsroom.roles import SECTION_EDITORS
from tests.factories import UserFactory
from tests.newsroom.conftest import article_form_data


def signed_in_page(open_page, base_url, user, width):
    client = Client()
    client.force_login(user)
    page = open_page(width=width, height=900)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return client, page


@pytest.fixture
def section_editor(live_demo_site):
    user = UserFactory(username="karim-browser")
    user.groups.add(Group.objects.get(name=SECTION_EDITORS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    return user


@pytest.mark.parametrize("width", [375, 1280])
def test_preview_shows_the_right_to_left_article_at_phone_and_desktop_width(
    live_demo_site, section_editor, open_page, screenshot, width
):
    base_url = live_demo_site["base_url"]
    article = live_demo_site["article"]
    client, page = signed_in_page(open_page, base_url, section_editor, width)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    data = article_form_data(title="معاينة المقال", slug=article.slug)
    assert client.post(preview_url, data).json()["is_valid"]

    page.goto(base_url + preview_url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").first.inner_text().strip() == "معاينة المقال"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, f"newsroom-preview-{width}")


def test_dashboard_chart_reads_right_to_left(live_demo_site, section_editor, open_page, screenshot):
    base_url = live_demo_site["base_url"]
    _client, page = signed_in_page(open_page, base_url, section_editor, 1280)
    page.goto(base_url + reverse("wagtailadmin_home"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    chart = page.locator(".newsroom-chart svg").first
    chart.wait_for()
    box = chart.bounding_box()
    bar = chart.locator("rect.newsroom-chart__bar").first.bounding_box()
    # Today's bar (the seed article) sits at the chart's left end: days run right to left.
    assert bar["x"] - box["x"] < 12
    screenshot(page, "newsroom-dashboard-rtl")
