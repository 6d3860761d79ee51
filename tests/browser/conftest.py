"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Screenshots go to test-artifacts/screenshots/ (git-ignored) for people to look at.
"""

import os
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in the test's thread; the ORM calls made by fixtures
# in that same thread are still synchronous, so Django's async guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    """Every test in this folder drives a browser: `make test-fast` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """Opens a fresh page at a given width; closes it after the test."""
    contexts = []

    def open_at(width=375, height=800, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return context.new_page()

    def close_all():
        while contexts:
            contexts.pop().close()

    open_at.close_all = close_all
    yield open_at
    close_all()


def finish_live_requests(live_server, timeout: float = 15.0) -> None:
    """Waits for the requests the live server is still answering.

    A page closed at the end of a test may leave a request half answered (a view count, the
    admin's polling), its transaction holding locks while the test database is flushed for the
    next test: PostgreSQL then reports a deadlock between that request and the flush's TRUNCATE.
    The server answers each request in a thread of its own; they are joined here.
    """
    httpd = getattr(live_server.thread, "httpd", None)
    if httpd is None:
        return
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if getattr(thread, "_target", None) == httpd.process_request_thread:
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def live_demo_site(transactional_db, live_server, open_page):
    """The demo newsroom behind a live server, with absolute URLs ready for the browser.

    Torn down before the database is flushed: the browser's pages are closed and the requests
    they left are answered first (``finish_live_requests``).
    """
    from tests import demo_snapshot

    demo_snapshot.ensure()
    from articles.models import ArticlePage, SectionPage
    from home.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="ar")
    yield {
        "base_url": live_server.url,
        "home": home,
        # The French and English trees have their own copies: the fixtures are the Arabic ones.
        "politics": SectionPage.objects.get(slug="politics", locale=home.locale),
        "article": ArticlePage.objects.get(
            slug="morocco-counter-terrorism-regional-security", locale=home.locale
        ),
    }
    open_page.close_all()
    finish_live_requests(live_server)
