"""``make screenshots``: full-page pictures of the demo site for docs/screenshots/.

Builds the demo in a throwaway SQLite database (the developer's own database is never
touched), adds a few reader comments, serves it with ``runserver`` on 127.0.0.1, and has
Chromium (Playwright) photograph the front page, a section, the seed article with its comments
and form, search results, an information page and the moderation queue (signed in as the demo
moderator) at phone and desktop widths, in Arabic and French. The PNGs are reduced to a
palette so that committing them stays cheap.

    python -m demo.screenshots [--port 8765] [--output docs/screenshots]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
WIDTHS = (375, 1280)
LANGUAGES = ("ar", "fr")
MODERATOR_PASSWORD = "screenshots-only-password"  # noqa: S105 -- a throwaway database
EAGER_IMAGES = "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
ALL_IMAGES_LOADED = "() => [...document.images].every(image => image.complete)"

SETUP = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.urls import reverse
from articles.models import ArticlePage
from comments.models import CommentStatus, ReaderComment

article = ArticlePage.objects.get(
    slug="morocco-counter-terrorism-regional-security", locale__language_code="ar"
)
comments = [
    ("سعاد م.", "suad@example.com", "مقال واضح ومفيد، خصوصًا الجزء المتعلق بالتعاون الإقليمي.",
     CommentStatus.APPROVED),
    ("Karim B.", "karim@example.com", "تحليل جيد، وأتمنى مقالًا عن دور المجتمع المدني أيضًا.",
     CommentStatus.APPROVED),
    ("قارئ", "reader@example.com", "هل من أرقام حديثة عن عدد الخلايا المفككة هذا العام؟",
     CommentStatus.PENDING),
]
first = None
for name, email, body, status in comments:
    comment, _ = ReaderComment.objects.get_or_create(
        page=article, author_email=email,
        defaults={"author_name": name, "body": body, "status": status, "parent": None},
    )
    first = first or comment
ReaderComment.objects.get_or_create(
    page=article, author_email="editor@example.com",
    defaults={"author_name": "هيئة التحرير", "status": CommentStatus.APPROVED,
              "body": "شكرًا لك، نعمل على مقال في هذا الموضوع.", "parent": first},
)
moderator = get_user_model().objects.get(username="moderator")
moderator.set_password({password!r})
moderator.save()
print(reverse(ReaderComment.snippet_viewset.get_url_name("list")))
"""


def run(command, env, **options):
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **options)  # noqa: S603 -- our manage.py


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 -- our http://127.0.0.1 server
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The site did not answer at {url}")


def shrink(path: Path) -> None:
    """A palette PNG: a fifth of the size, and the pages' flat colours survive it."""
    from PIL import Image

    with Image.open(path) as picture:
        reduced = picture.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def pages(language: str) -> dict[str, str]:
    search = {"ar": "المغرب", "fr": "Maroc"}[language]
    article = {
        "ar": "politics/morocco-counter-terrorism-regional-security/",
        "fr": "politics/maroc-lutte-antiterroriste-securite-regionale/",
    }[language]
    return {
        "front-page": f"/{language}/",
        "section": f"/{language}/economy/",
        "article": f"/{language}/{article}",
        "search": f"/{language}/search/?q={urllib.parse.quote(search)}",
        "information-page": f"/{language}/privacy/",
    }


def photograph(base_url: str, output: Path, queue_path: str, language: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for name, path in pages(language).items():
                page.goto(base_url + path)
                page.wait_for_load_state("networkidle")
                # A reader scrolling would load the lazy pictures; a full-page shot does not.
                page.evaluate(EAGER_IMAGES)
                page.wait_for_load_state("networkidle")
                page.wait_for_function(ALL_IMAGES_LOADED)
                target = output / f"{name}-{language}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                saved.append(target)
            # The moderation queue, signed in as the demo moderator, in this language.
            page.goto(f"{base_url}/admin/login/")
            page.fill("#id_username", "moderator")
            page.fill("#id_password", MODERATOR_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.goto(base_url + queue_path)
            page.wait_for_load_state("networkidle")
            target = output / f"moderation-queue-{language}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            saved.append(target)
            context.close()
        browser.close()
    return saved


def set_admin_language(env, language: str) -> None:
    code = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.users.models import UserProfile\n"
        "profile = UserProfile.get_for_user(get_user_model().objects.get(username='moderator'))\n"
        f"profile.preferred_language = {language!r}\n"
        "profile.save()\n"
    )
    run([sys.executable, "-c", code], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    options = parser.parse_args()
    options.output.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="akhbar-screenshots-") as scratch:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": f"sqlite:///{scratch}/db.sqlite3",
            "DJANGO_MEDIA_ROOT": f"{scratch}/media",
            "REDIS_URL": "",
            "DJANGO_SERVE_MEDIA": "true",
        }
        manage = [sys.executable, "manage.py"]
        run([*manage, "migrate", "--noinput", "-v", "0"], env)
        run([*manage, "load_demo_content"], env, stdout=subprocess.DEVNULL)
        setup = run(
            [sys.executable, "-c", SETUP.replace("{password!r}", repr(MODERATOR_PASSWORD))],
            env,
            capture_output=True,
            text=True,
        )
        queue_path = setup.stdout.strip().splitlines()[-1]
        server = subprocess.Popen(  # noqa: S603 -- our manage.py runserver
            [*manage, "runserver", "--noreload", "--insecure", f"127.0.0.1:{options.port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{options.port}"
        try:
            wait_for(base_url + "/ar/")
            saved = []
            for language in LANGUAGES:
                set_admin_language(env, language)
                saved += photograph(base_url, options.output, queue_path, language)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in saved:
        shrink(path)
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
