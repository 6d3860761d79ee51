"""Two server processes and no Redis: a publication through one is seen by both at once.

Without a shared cache each process keeps its cached values in its own memory. They stay
right because every request reads the cache generation from the database (pagecache/store.py),
which a change raises in its own transaction: the other process's next request sees the new
generation and draws afresh. Before, a process kept its menu, ancestors and site lookup for up
to ten minutes after another process published.
"""

import json
import re
import subprocess
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from bs4 import BeautifulSoup

from bench.server import BIN_DIR, PROJECT_DIR, gunicorn, manage, production_environment
from tests.pagecache.redis_server import free_port

pytestmark = pytest.mark.slow

SETUP = """
import django, json
django.setup()
from django.contrib.auth import get_user_model
from articles.models import SectionPage
from demo.builder import build_demo_content
build_demo_content()
get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-password-123")
section = SectionPage.objects.get(slug="politics", locale__language_code="ar")
print(json.dumps({"id": section.pk, "title": section.title}))
"""


@pytest.fixture(scope="module")
def site_without_redis(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-processes")
    env = production_environment(
        f"sqlite:///{folder / 'db.sqlite3'}", redis_url=None, page_cache=False
    )
    env["DJANGO_MEDIA_ROOT"] = str(folder / "media")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    output = subprocess.run(
        [str(BIN_DIR / "python"), "-c", SETUP],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    section = json.loads(output.strip().splitlines()[-1])
    with (
        gunicorn(env, free_port(), workers=1) as first,
        gunicorn(env, free_port(), workers=1) as second,
    ):
        yield {"first": first, "second": second, "section": section}


def menu(base_url: str) -> list[str]:
    with urllib.request.urlopen(base_url + "/ar/") as response:  # noqa: S310 -- our test server
        page = BeautifulSoup(response.read().decode(), "html.parser")
    return [link.get_text(strip=True) for link in page.select("nav.section-nav a")]


class Editor:
    """A person in the admin of one server process: cookies, CSRF token and all."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def form_token(self, path: str) -> str:
        with self.opener.open(self.base_url + path) as response:
            html = response.read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, path: str, data: dict) -> str:
        fields = {**data, "csrfmiddlewaretoken": self.form_token(path)}
        body = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base_url + path, data=body) as response:
            return response.geturl()


def test_an_unpublished_section_leaves_the_menu_of_both_processes(site_without_redis):
    first, second = site_without_redis["first"], site_without_redis["second"]
    section = site_without_redis["section"]
    for base_url in (first, second, first, second):  # each has drawn and kept its menu
        assert section["title"] in menu(base_url)

    editor = Editor(first)
    assert "/admin/login/" not in editor.post(
        "/admin/login/", {"username": "chief", "password": "a-long-password-123"}
    )
    editor.post(f"/admin/pages/{section['id']}/unpublish/", {})

    assert section["title"] not in menu(first)
    assert section["title"] not in menu(second)  # the process that did not publish
