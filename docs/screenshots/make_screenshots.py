"""Full-page screenshots of pages as designed, at a phone's and a desktop's width, in Arabic and
French, for docs/screenshots/ (`make screenshots`).

It serves the site with `manage.py runserver` on 127.0.0.1 (the database in DATABASE_URL, or the
SQLite one that `make demo` fills), opens each page below in Debian's Chromium and writes
`<name>-<language>-<width>.png` beside this file. To add a page, add a Shot to SHOTS: its path
in each language and, for pages behind the admin's login, `login=True` (the account from
`DJANGO_ADMIN_USERNAME`/`DJANGO_ADMIN_PASSWORD`, or the one `make admin` keeps in
.admin-credentials).
"""

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
WIDTHS = (375, 1280)
LANGUAGES = ("ar", "fr")


@dataclass
class Shot:
    name: str
    paths: dict[str, str]  # language code → path on the site
    login: bool = False
    # Scroll this element into view before the shot (lazy images load), or None.
    focus: str | None = None
    languages: tuple[str, ...] = field(default=LANGUAGES)


SHOTS = [
    Shot(
        "comment-form",
        {
            "ar": "/ar/politics/morocco-counter-terrorism-regional-security/",
            "fr": "/fr/politics/maroc-lutte-antiterroriste-securite-regionale/",
        },
        focus=".comment-form",
    ),
    Shot("search", {"ar": "/ar/search/?q=المغرب", "fr": "/fr/search/?q=Maroc"}),
]


def admin_credentials() -> tuple[str, str]:
    username = os.environ.get("DJANGO_ADMIN_USERNAME", "admin")
    password = os.environ.get("DJANGO_ADMIN_PASSWORD")
    stored = PROJECT / ".admin-credentials"
    if not password and stored.exists():
        username, _, password = stored.read_text("utf-8").partition("\n")
    if not password:
        sys.exit("A page needs the admin's login: run `make admin` or set DJANGO_ADMIN_PASSWORD.")
    return username.strip(), password.strip()


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 -- our own http://127.0.0.1
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"The site did not answer at {url}")


def log_in(page, base: str) -> None:
    username, password = admin_credentials()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/**")


def take(browser, base: str, shot: Shot) -> list[Path]:
    written = []
    for language in shot.languages:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
            page = context.new_page()
            if shot.login:
                log_in(page, base)
            response = page.goto(base + shot.paths[language], wait_until="networkidle")
            if response is None or response.status >= 400:
                sys.exit(f"{shot.paths[language]} answered {response and response.status}")
            if shot.focus:
                page.locator(shot.focus).first.scroll_into_view_if_needed()
            # Lazy images below the fold load once scrolled past.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            page.evaluate("window.scrollTo(0, 0)")
            path = HERE / f"{shot.name}-{language}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            written.append(path)
            context.close()
    return written


def main() -> None:
    port = os.environ.get("SCREENSHOT_PORT", "8765")
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 -- our own manage.py
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # its request log; a failing page is reported by status
    )
    try:
        wait_for(base + "/robots.txt")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for shot in SHOTS:
                for path in take(browser, base, shot):
                    print(path.relative_to(PROJECT))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
