"""The seed article in Chromium: direction, and the back-to-top control a reader scrolls to."""

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("width", [375, 1280])
def test_back_to_top_appears_after_scrolling_and_returns_to_the_top(
    live_demo_site, open_page, screenshot, width
):
    page = open_page(width=width)
    page.goto(live_demo_site["base_url"] + live_demo_site["article"].url)

    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    back_to_top = page.get_by_role("link", name="العودة إلى الأعلى")
    page.wait_for_timeout(300)
    assert not back_to_top.is_visible()

    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => window.scrollY > 1000")
    back_to_top.wait_for(state="visible")
    # In a right-to-left page the control sits on the left, the inline end.
    box = back_to_top.bounding_box()
    assert box["x"] < width / 2
    screenshot(page, f"article-scrolled-{width}")

    back_to_top.click()
    page.wait_for_function("() => window.scrollY === 0")
    assert page.evaluate("document.activeElement.id") == "top"


def test_back_to_top_works_by_keyboard(live_demo_site, open_page):
    page = open_page(width=375)
    page.goto(live_demo_site["base_url"] + live_demo_site["article"].url)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => window.scrollY > 1000")
    link = page.get_by_role("link", name="العودة إلى الأعلى")
    link.wait_for(state="visible")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.scrollY === 0")


def test_back_to_top_is_there_without_javascript(live_demo_site, open_page):
    page = open_page(width=375, java_script_enabled=False)
    page.goto(live_demo_site["base_url"] + live_demo_site["article"].url)
    page.mouse.wheel(0, 3000)
    link = page.get_by_role("link", name="العودة إلى الأعلى")
    assert link.is_visible()
    link.click()
    assert page.url.endswith("#top")
    expect(page.locator("#top")).to_be_in_viewport()


def test_nothing_overflows_the_phone_screen(live_demo_site, open_page):
    page = open_page(width=375)
    page.goto(live_demo_site["base_url"] + live_demo_site["article"].url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_printing_keeps_the_article_and_leaves_out_the_site_around_it(live_demo_site, open_page):
    page = open_page(width=1280)
    page.goto(live_demo_site["base_url"] + live_demo_site["article"].url)
    page.emulate_media(media="print")
    for selector in (".site-header", ".share", ".related", ".back-to-top", ".breaking-news"):
        hidden = page.eval_on_selector_all(
            selector, "nodes => nodes.every(node => getComputedStyle(node).display === 'none')"
        )
        assert hidden, f"{selector} is printed"
    assert page.locator(".article__title").is_visible()
    assert page.locator(".article__body").is_visible()
