"""The reader's pages in Chromium at phone and desktop widths.

For each page: direction, no horizontal overflow, back-to-top, a screenshot in
test-artifacts/screenshots/, axe-core's audit (no serious or critical violation), every request
to our own host, and not a single Content-Security-Policy violation.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.utils import timezone

from core.archives import archive_url
from tests.factories import add_listed_articles, make_article, make_image

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [375, 1280]
PAGES = ["home", "section", "article", "tag", "author", "search", "information"]
# The same pages on the French site, left to right.
FRENCH_PAGES = ["home-fr", "section-fr", "article-fr", "information-fr"]
BACK_TO_TOP = {"rtl": "العودة إلى الأعلى", "ltr": "Retour en haut"}

# Runs before any page script, outside the page's CSP (Playwright injects it through DevTools).
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def reader_site(live_demo_site):
    from articles.models import Author

    politics = live_demo_site["politics"]
    author = Author.objects.get(slug="newsroom")
    image = make_image("ميناء", 1600, 900)
    add_listed_articles(politics, 14, authors=[author], tags=["المغرب"], image=image)
    # The newest article, so the front page's lead whenever the demo's stories are older (a
    # demo restored from the run's copy keeps the dates of the run's start): with a picture.
    make_article(
        politics,
        title="عاجل: افتتاح ميناء جديد",
        breaking_news=True,
        publication_date=timezone.now() - timedelta(minutes=10),
        lead_image=image,
    )
    home = live_demo_site["home"]
    return {
        **live_demo_site,
        "urls": {
            "home": home.url,
            "section": politics.url,
            "article": live_demo_site["article"].url,
            "tag": archive_url(home, "tag", "المغرب"),
            "author": archive_url(home, "author", "newsroom"),
            # A word of every listed article's title: a full first page of results.
            "search": home.url + "search/?q=" + quote("خبر"),
            "information": "/ar/privacy/",
            "home-fr": "/fr/",
            "section-fr": "/fr/economy/",
            "article-fr": "/fr/politics/maroc-lutte-antiterroriste-securite-regionale/",
            "information-fr": "/fr/privacy/",
        },
    }


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci`")
    return AXE.read_text("utf-8")


def open_recorded(open_page, base_url, path, width):
    page = open_page(width=width, height=800)
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    record = {"requests": [], "failures": [], "console_csp": []}
    page.on("request", lambda request: record["requests"].append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and record["failures"].append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and record["console_csp"].append(message.text)
        ),
    )
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    return page, record


def serious_axe_violations(page, axe_source):
    page.evaluate(axe_source)
    results = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES + FRENCH_PAGES)
def test_reader_page_in_the_browser(reader_site, open_page, screenshot, axe_source, name, width):
    base_url = reader_site["base_url"]
    page, record = open_recorded(open_page, base_url, reader_site["urls"][name], width)

    direction = "ltr" if name.endswith("-fr") else "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    assert page.evaluate("document.documentElement.dir") == direction
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "horizontal overflow"
    # The masthead, today's date in both calendars, and the footer's feeds on every page.
    assert page.locator(".site-brand").is_visible()
    assert page.locator(".date-bar time").is_visible()
    assert page.locator(".site-footer a.feed-link").count() >= 2

    back_to_top = page.get_by_role("link", name=BACK_TO_TOP[direction])
    assert not back_to_top.is_visible()
    page.mouse.wheel(0, 4000)
    page.wait_for_function("() => window.scrollY > window.innerHeight / 2")
    back_to_top.wait_for(state="visible")
    screenshot(page, f"{name}-{width}")
    back_to_top.click()
    page.wait_for_function("() => window.scrollY === 0")

    assert serious_axe_violations(page, axe_source) == []

    own_host = urlsplit(base_url).netloc
    foreign = [url for url in record["requests"] if urlsplit(url).netloc != own_host]
    assert foreign == []
    assert record["failures"] == []
    assert page.evaluate("window.__cspViolations") == []
    assert record["console_csp"] == []


def test_breaking_news_can_be_dismissed_and_stays_dismissed(reader_site, open_page):
    base_url = reader_site["base_url"]
    page, _ = open_recorded(open_page, base_url, reader_site["urls"]["home"], 375)
    strip = page.locator(".breaking-news")
    assert strip.is_visible()
    page.get_by_role("button", name="إخفاء الخبر العاجل").click()
    assert not strip.is_visible()
    page.goto(base_url + reader_site["urls"]["article"])
    page.wait_for_load_state("load")
    assert not page.locator(".breaking-news").is_visible()
    assert page.evaluate("window.__cspViolations") == []


def test_the_skip_link_and_menu_work_by_keyboard(reader_site, open_page):
    base_url = reader_site["base_url"]
    page, _ = open_recorded(open_page, base_url, reader_site["urls"]["home"], 1280)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="انتقل إلى المحتوى")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # The section menu is reachable by Tab and follows with Enter.
    page.goto(base_url + reader_site["urls"]["home"])
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "سياسة":
            break
    else:
        pytest.fail("the section menu cannot be reached with the keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + reader_site["urls"]["section"])


def test_the_checks_themselves_catch_an_unlabelled_image_and_an_inline_script(
    reader_site, open_page, axe_source
):
    page, _ = open_recorded(open_page, reader_site["base_url"], reader_site["urls"]["home"], 375)
    page.evaluate(
        """() => {
            const image = document.createElement("img");
            image.src = "/static/img/favicon.svg";
            document.querySelector("main").append(image);
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    assert any(v.startswith("image-alt") for v in serious_axe_violations(page, axe_source))
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.injected") is None


@pytest.mark.parametrize("name", ["home", "article"])
def test_dark_mode_follows_the_system_and_keeps_contrast(
    reader_site, open_page, screenshot, axe_source, name
):
    page = open_page(width=375, color_scheme="dark")
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(reader_site["base_url"] + reader_site["urls"][name])
    page.wait_for_load_state("networkidle")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(21, 21, 23)"
    screenshot(page, f"{name}-dark-375")
    assert serious_axe_violations(page, axe_source) == []
    assert page.evaluate("window.__cspViolations") == []


@pytest.mark.parametrize("javascript", [True, False])
def test_the_phone_menu_opens_with_or_without_javascript(reader_site, browser, javascript):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        page.goto(reader_site["base_url"] + reader_site["urls"]["article"])
        wide_menu = page.locator(".section-nav--wide")
        assert not wide_menu.is_visible()
        economy = page.locator(".site-menu").get_by_role("link", name="اقتصاد")
        assert not economy.is_visible()
        page.locator("summary.site-menu__button").click()
        economy.wait_for(state="visible")
        economy.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/ar/economy/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()


def test_front_page_at_desktop_width_shows_the_news_layout(reader_site, open_page):
    page, _ = open_recorded(open_page, reader_site["base_url"], reader_site["urls"]["home"], 1280)
    assert page.locator(".site-menu").is_hidden()
    assert page.locator(".section-nav--wide").is_visible()
    lead = page.locator(".front-page__lead img")
    assert lead.bounding_box()["width"] > 600  # the lead story's picture is large
    most_read = page.locator(".most-read")
    assert most_read.get_by_role("heading", name="الأكثر قراءة").is_visible()
    # The most-read column sits beside the latest stories, at the inline end (left in RTL).
    latest = page.locator(".front-page__latest").bounding_box()
    assert most_read.bounding_box()["x"] < latest["x"]
    assert page.locator(".front-page__sections .section-box").count() == 5
