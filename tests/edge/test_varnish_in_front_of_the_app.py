"""Varnish with the shipped VCL in front of two live app servers sharing PostgreSQL and Redis.

The servers run with production settings (gunicorn, Redis cache, the page cache on) and purge
Varnish by key when content changes, under the keys the app's own caches use. What a reader
and an editor would check: pages come from Varnish; an article published through one server is
on every page that shows it at the next request, whichever server Varnish asks, while another
section's pages and unrelated articles stay cached, in Varnish and in the app; the admin,
previews, POSTs and responses that set a cookie are never kept; campaign links share one
copy; readers get compressed pages.

Ports, the database and the Redis database come from tests/isolation.py (per xdist worker,
movable per run with TEST_PORT_BASE, TEST_NAME_SUFFIX, TEST_REDIS_DB; EDGE_DATABASE and
EDGE_REDIS_URL override the last two), so two runs on one machine keep apart.
"""

import gzip
import json
import os
import subprocess
import time

import psycopg
import pytest
import requests

from bench.edge_stack import edge_stack
from bench.server import BIN_DIR, PROJECT_DIR
from tests import isolation

POSTGRES = os.environ.get("EDGE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("EDGE_REDIS_URL") or isolation.redis_url()
DATABASE = os.environ.get("EDGE_DATABASE") or isolation.database_name("akhbar_edge_live")
EDITOR, PASSWORD = "edge-editor", "edge-editor-password-0123"
TITLE = "خبر عاجل يمر عبر الحافة"

SETUP_SCRIPT = f"""
import django, json; django.setup()
from django.contrib.auth import get_user_model
from articles.models import ArticlePage, SectionPage
from home.models import HomePage
from tests.factories import make_article
get_user_model().objects.create_superuser({EDITOR!r}, "editor@example.com", {PASSWORD!r})
home = HomePage.objects.get(depth=2, locale__language_code="ar")
section = SectionPage.objects.get(slug="politics", locale=home.locale)
seed = ArticlePage.objects.get(
    slug="morocco-counter-terrorism-regional-security", locale=home.locale
)
author, tag = seed.ordered_authors[0], seed.tags.first()
draft = make_article(
    section, title={TITLE!r}, slug="edge-breaking", authors=[author], publish=False
)
draft.tags.add(tag)
draft.save_revision()
other_section = SectionPage.objects.get(slug="economy", locale=home.locale)
other_article = ArticlePage.objects.child_of(other_section).live().exclude(tags=tag).first()
print(json.dumps({{
    "draft_id": draft.pk, "seed_id": seed.pk, "section_id": section.pk, "tag_id": tag.pk,
    "article": "/ar/politics/edge-breaking/", "seed": seed.url,
    "section": section.url, "section_feed": section.url + "feed/",
    "home": "/ar/", "home_feed": "/ar/feed/",
    "tag": f"/ar/tags/{{tag.slug}}/", "author": f"/ar/authors/{{author.slug}}/",
    "other_section": other_section.url, "other_section_feed": other_section.url + "feed/",
    "other_article": other_article.url,
    "other_home": home.get_translations().get(locale__language_code="fr").url,
}}))
"""


def postgres_reachable() -> bool:
    try:
        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
        return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="module")
def stack():
    if not postgres_reachable():
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES}")
    varnish_port = isolation.port(isolation.EDGE_VARNISH)
    app_ports = [
        isolation.port(isolation.EDGE_APP_FIRST),
        isolation.port(isolation.EDGE_APP_SECOND),
    ]
    with edge_stack(
        postgres_url=POSTGRES,
        database=DATABASE,
        redis_url=REDIS,
        varnish_port=varnish_port,
        app_ports=app_ports,
    ) as running:
        output = subprocess.run(
            [str(BIN_DIR / "python"), "-c", SETUP_SCRIPT],
            cwd=PROJECT_DIR,
            env=running.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        running.paths = json.loads(output.strip().splitlines()[-1])
        yield running


def edge_get(stack, path, **kwargs):
    return requests.get(stack.varnish_url + path, timeout=15, allow_redirects=False, **kwargs)


def app_get(stack, path):
    """The page from an app server itself, past Varnish (which keeps `xkey` to itself)."""
    return requests.get(stack.app_servers[0].url + path, timeout=15, allow_redirects=False)


def app_requests(stack, path: str, method: str = "GET") -> int:
    """How many requests for ``path`` (with any query) the app servers received."""
    time.sleep(0.5)  # gunicorn writes its access line just after the response
    return sum(
        1
        for server in stack.app_servers
        for line in server.requested_paths()
        if line == f"{method} {path}" or line.startswith(f"{method} {path}?")
    )


def signed_in_editor(stack) -> requests.Session:
    """An editor signed in through the first app server, directly."""
    session = requests.Session()
    login = stack.app_servers[0].url + "/admin/login/"
    session.get(login, timeout=15)
    response = session.post(
        login,
        data={
            "username": EDITOR,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": login},
        timeout=15,
    )
    assert response.ok and "sessionid" in session.cookies
    return session


def test_anonymous_pages_come_from_varnish(stack):
    path = stack.paths["seed"]
    first, second = edge_get(stack, path), edge_get(stack, path)
    assert first.status_code == second.status_code == 200
    assert second.headers["X-Cache"] == "hit"
    assert second.text == first.text
    assert app_requests(stack, path) == 1


def test_campaign_links_share_one_copy(stack):
    path = stack.paths["section"]
    edge_get(stack, path)
    for query in ("?utm_source=newsletter", "?fbclid=abc&utm_medium=social", "?gclid=1"):
        assert edge_get(stack, path + query).headers["X-Cache"] == "hit"
    assert app_requests(stack, path) == 1


def test_readers_that_accept_brotli_or_gzip_get_a_compressed_page(stack):
    path = stack.paths["seed"]
    response = requests.get(
        stack.varnish_url + path, headers={"Accept-Encoding": "br, gzip"}, stream=True, timeout=15
    )
    raw = response.raw.read(decode_content=False)
    assert response.headers["Content-Encoding"] in ("gzip", "br")
    html = gzip.decompress(raw) if response.headers["Content-Encoding"] == "gzip" else None
    if html is None:
        import brotli

        html = brotli.decompress(raw)
    assert b"<html" in html and len(raw) < len(html) / 2


def test_the_admin_previews_posts_and_cookie_setting_pages_are_never_kept(stack):
    editor = signed_in_editor(stack)
    draft_id = stack.paths["draft_id"]
    cookies = {"sessionid": editor.cookies["sessionid"]}
    for path in ("/admin/", f"/admin/pages/{draft_id}/edit/preview/"):
        for _ in range(2):
            response = edge_get(stack, path, cookies=cookies)
            assert response.status_code == 200 and response.headers["X-Cache"] != "hit", path
        assert app_requests(stack, path) >= 2, path

    for _ in range(2):  # the login form sets the CSRF cookie: each reader gets their own
        response = edge_get(stack, "/admin/login/")
        assert "csrftoken" in response.headers.get("Set-Cookie", "")
    assert app_requests(stack, "/admin/login/") >= 2

    post_path = f"/ar/comments/{stack.paths['seed_id']}/post/"
    before = app_requests(stack, post_path, "POST")
    for _ in range(2):
        response = requests.post(
            stack.varnish_url + post_path,
            data={"name": "قارئ", "email": "r@example.com", "body": "تعليق"},
            timeout=15,
            allow_redirects=False,
        )
        assert response.headers["X-Cache"] != "hit"
    assert app_requests(stack, post_path, "POST") == before + 2


def test_a_publication_through_one_server_is_seen_through_varnish_at_once(stack):
    listings = ["section", "section_feed", "home", "home_feed", "tag", "author"]
    # Another section, its feed, one of its articles, another language's front page.
    unrelated = ["other_section", "other_section_feed", "other_article", "other_home"]
    for name in [*listings, "seed", *unrelated]:
        edge_get(stack, stack.paths[name])
        cached = edge_get(stack, stack.paths[name])
        assert cached.headers["X-Cache"] == "hit", name
        assert TITLE not in cached.text, name
    for name in unrelated:  # and in the app's own cache (keyed by host: asked directly)
        app_get(stack, stack.paths[name])
        assert app_get(stack, stack.paths[name]).headers["X-Page-Cache"] == "hit", name
    assert edge_get(stack, stack.paths["article"]).status_code == 404

    editor = signed_in_editor(stack)
    publish = (
        f"{stack.app_servers[0].url}/admin/bulk/wagtailcore/page/publish/"
        f"?id={stack.paths['draft_id']}&next=/admin/"
    )
    response = editor.post(
        publish,
        data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]},
        headers={"Referer": publish},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"

    article = edge_get(stack, stack.paths["article"])
    assert article.status_code == 200 and TITLE in article.text
    for name in listings:
        response = edge_get(stack, stack.paths[name])
        assert response.status_code == 200, name
        assert response.headers["X-Cache"] == "miss", name
        assert TITLE in response.text, name
    # The seed article shows its section's and its tag's articles (its neighbours, related
    # articles): purged with them. Another section's pages and unrelated articles stayed, in
    # Varnish and in the app's cache.
    assert edge_get(stack, stack.paths["seed"]).headers["X-Cache"] == "miss"
    for name in unrelated:
        assert edge_get(stack, stack.paths[name]).headers["X-Cache"] == "hit", name
        assert app_get(stack, stack.paths[name]).headers["X-Page-Cache"] == "hit", name


def test_varnish_files_pages_under_the_keys_the_app_cache_uses(stack):
    """The `xkey` header the app gives Varnish: the keys its own cached copy depends on."""
    paths = stack.paths
    expected = {
        "article": {
            f"article:{paths['draft_id']}",
            f"section:{paths['section_id']}",
            f"tag:{paths['tag_id']}",
            "site",
        },
        "section": {f"section:{paths['section_id']}", "site"},
        "section_feed": {f"section:{paths['section_id']}", "site"},
        "tag": {f"tag:{paths['tag_id']}", "site"},
    }
    for name, names in expected.items():
        response = app_get(stack, paths[name])
        assert response.status_code == 200, name
        assert set(response.headers["xkey"].split()) == names, name
