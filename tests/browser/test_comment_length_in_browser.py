"""Issue 13, item 10 in Chromium: the comment box counts as the reader types, and says when the
text is too long before anything is sent; a pasted text is never cut by the browser."""

import pytest
from playwright.sync_api import expect

from articles.models import ArticlePage
from comments.models import BODY_MAX_LENGTH

WORDS = {"ar": "كلمة ", "fr": "mot "}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_counter_follows_the_text_and_warns_past_the_limit(
    live_demo_site, open_page, screenshot, width, language
):
    article = ArticlePage.objects.get(
        translation_key=live_demo_site["article"].translation_key, locale__language_code=language
    )
    page = open_page(width=width, locale=language)
    page.goto(live_demo_site["base_url"] + article.url)
    box = page.locator("[data-comment-form] textarea[name=body]")
    counter = page.locator("[data-length-counter]")

    box.press_sequentially("شكراً" if language == "ar" else "Merci", delay=10)
    counting = {"ar": f"5 من {BODY_MAX_LENGTH} حرف", "fr": f"5 caractères sur {BODY_MAX_LENGTH}"}
    expect(counter).to_have_text(counting[language])
    assert box.get_attribute("aria-invalid") is None

    too_long = (WORDS[language] * BODY_MAX_LENGTH)[: BODY_MAX_LENGTH + 119] + "."
    box.fill(too_long)
    assert len(box.input_value()) == len(too_long)  # nothing cut by the browser
    over = {"ar": "زائد بـ120 حرف", "fr": "120 caractères de trop"}
    expect(counter).to_contain_text(over[language])
    expect(box).to_have_attribute("aria-invalid", "true")
    assert "comment-form__counter--over" in counter.get_attribute("class")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    counter.scroll_into_view_if_needed()
    screenshot(page, f"comment-counter-over-{language}-{width}")

    box.fill(too_long[:BODY_MAX_LENGTH])
    expect(counter).not_to_contain_text(over[language])
    assert box.get_attribute("aria-invalid") is None
