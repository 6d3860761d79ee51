"""Issue 13, items 8 and 10, as a reader meets them: a search that is too long, and a comment
far over the size the server accepts. Both answer in the reader's language, text kept."""

from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from articles.models import ArticlePage
from search.query import MAX_QUERY_CHARACTERS

SEARCH_MESSAGES = {"ar": "والحد الأقصى", "fr": "raccourcissez-la"}
OVERSIZE_MESSAGES = {"ar": "انسخ ما تريد الاحتفاظ به", "fr": "copiez ce que vous voulez garder"}
LONG_TEXT = {
    "ar": "تحليل مطوّل للوضع الأمني في المنطقة. ",
    "fr": "Sécurité, société, été, élégance. ",
}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_a_search_over_the_limit_is_explained_next_to_the_box(
    live_demo_site, open_page, screenshot, width, language
):
    query = (LONG_TEXT[language] * 40)[: MAX_QUERY_CHARACTERS + 80].strip()
    page = open_page(width=width, locale=language)
    page.goto(f"{live_demo_site['base_url']}/{language}/search/?q={query}")
    expect(page.locator("#search-query-error")).to_contain_text(SEARCH_MESSAGES[language])
    expect(page.locator("#search-query")).to_have_value(query)
    screenshot(page, f"search-too-long-{language}-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_a_comment_over_the_server_limit_comes_back_to_copy(
    live_demo_site, open_page, screenshot, width, language
):
    article = ArticlePage.objects.get(
        translation_key=live_demo_site["article"].translation_key, locale__language_code=language
    )
    page = open_page(width=width, locale=language)
    page.goto(live_demo_site["base_url"] + article.url)
    # Just over Django's 2.5 MB once the browser has encoded it.
    encoded = len(quote_plus(LONG_TEXT[language]))
    text = LONG_TEXT[language] * (2_800_000 // encoded)
    form = page.locator("[data-comment-form] form")
    form.locator("[name=name]").fill("سلمى" if language == "ar" else "Zoé")
    form.locator("[name=email]").fill("reader@example.com")
    form.locator("[name=body]").evaluate("(box, text) => { box.value = text; }", text)
    page.wait_for_timeout(3200)
    # A box holding a million characters takes the browser a while to lay out.
    page.locator("[data-comment-form] button[type=submit]").click(timeout=120_000)

    expect(page.locator(".comment-form__notice")).to_contain_text(OVERSIZE_MESSAGES[language])
    kept = page.locator("[data-comment-form] [name=body]").input_value()
    assert len(kept) > 10_000 and text.startswith(kept.strip())
    expect(page.locator("[data-comment-form] [name=email]")).to_have_value("reader@example.com")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator(".comment-form__notice").scroll_into_view_if_needed()
    screenshot(page, f"comment-too-large-{language}-{width}")
