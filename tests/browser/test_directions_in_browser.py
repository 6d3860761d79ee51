"""The same article in Arabic and French, in Chromium: direction, back-to-top side, bullets."""

import pytest
from wagtail.models import Page

WIDTH = 1280

# Where the first bullet list's markers are: in the gap the list leaves at its inline start.
BULLET_GAP = """() => {
    const list = document.querySelector(".article__body ul.bullet-list");
    const item = list.querySelector("li").getBoundingClientRect();
    const box = list.getBoundingClientRect();
    return {leftGap: item.left - box.left, rightGap: box.right - item.right,
            markerPosition: getComputedStyle(list).listStylePosition};
}"""


def french_version(article):
    return Page.objects.get(translation_key=article.translation_key, locale__language_code="fr")


def open_scrolled(open_page, url):
    page = open_page(width=WIDTH)
    page.goto(url)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 1000")
    return page


@pytest.mark.parametrize(
    ("language", "direction", "back_to_top_name", "inline_end_is_left"),
    [("ar", "rtl", "العودة إلى الأعلى", True), ("fr", "ltr", "Retour en haut", False)],
)
def test_article_reads_in_its_direction(
    live_demo_site,
    open_page,
    screenshot,
    language,
    direction,
    back_to_top_name,
    inline_end_is_left,
):
    article = live_demo_site["article"]
    target = article if language == "ar" else french_version(article)
    page = open_scrolled(open_page, live_demo_site["base_url"] + target.url)

    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("getComputedStyle(document.body).direction") == direction

    back_to_top = page.get_by_role("link", name=back_to_top_name)
    back_to_top.wait_for(state="visible")
    box = back_to_top.bounding_box()
    centre = box["x"] + box["width"] / 2
    # The control sits at the inline end: left in Arabic, right in French.
    assert (centre < WIDTH / 2) is inline_end_is_left

    bullets = page.evaluate(BULLET_GAP)
    assert bullets["markerPosition"] == "outside"
    # The bullets hang in the gap at the inline start: on the right in Arabic, left in French.
    if inline_end_is_left:
        assert bullets["rightGap"] > 10 and bullets["leftGap"] < 1
    else:
        assert bullets["leftGap"] > 10 and bullets["rightGap"] < 1
    screenshot(page, f"article-{language}-scrolled")


def test_language_switcher_moves_between_the_two_versions(live_demo_site, open_page):
    article = live_demo_site["article"]
    page = open_page(width=375)
    page.goto(live_demo_site["base_url"] + article.url)
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"**{french_version(article).url}")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    # The choice is remembered for the bare "/" (progressive enhancement).
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies.get("django_language") == "fr"
    page.goto(live_demo_site["base_url"] + "/")
    assert "/fr/" in page.url
