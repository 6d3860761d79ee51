"""deploy/varnish/default.vcl, rule by rule, in front of a small scripted backend.

The live test (test_varnish_in_front_of_the_app.py) shows the whole topology working; this one
pins each rule of the policy against responses the app never sends together (a public page
that sets a cookie, a page whose backend has gone), quickly.
"""

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.edge_stack import varnish
from tests import isolation

VARNISH_PORT = isolation.port(isolation.VCL_POLICY_VARNISH)
BACKEND_PORT = isolation.port(isolation.VCL_POLICY_BACKEND)
PUBLIC = "public, max-age=0, must-revalidate, s-maxage=60"
HTML = "text/html; charset=utf-8"


class ScriptedBackend(BaseHTTPRequestHandler):
    """Answers each path as `routes` says and records every request it receives."""

    routes: dict = {}
    received: list = []

    def respond(self):
        path = self.path.split("?", 1)[0]
        self.received.append((self.command, self.path))
        if path == "/healthz":
            status, headers, body = 200, {}, "ok"
        else:
            status, headers, body = self.routes.get(path, (404, {}, "not found"))
        payload = (body * 40).encode() if status == 200 else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", HTML)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_HEAD = respond

    def log_message(self, *args):
        pass


def count(path: str, method: str = "GET") -> int:
    return sum(1 for seen in ScriptedBackend.received if seen == (method, path))


@pytest.fixture(scope="module")
def backend():
    server = ThreadingHTTPServer(("127.0.0.1", BACKEND_PORT), ScriptedBackend)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def edge(backend):
    ScriptedBackend.routes = {"/ar/": (200, {"Cache-Control": PUBLIC, "xkey": "home:2 site"}, "x")}
    with varnish(VARNISH_PORT, [BACKEND_PORT]):
        yield


@pytest.fixture(autouse=True)
def clean_slate(edge):
    ScriptedBackend.received.clear()


def request(method, path, headers=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection(
        "127.0.0.1", VARNISH_PORT, timeout=10, source_address=(source, 0)
    )
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def received_within(seconds: float, condition) -> bool:
    """Whether `condition` holds within `seconds`: background fetches land after the reply."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def route(path, status=200, body="page", **headers):
    headers = {name.replace("_", "-"): value for name, value in headers.items()}
    ScriptedBackend.routes[path] = (status, headers, body)


def test_public_pages_are_served_from_the_cache_for_their_s_maxage():
    route("/ar/news/", Cache_Control=PUBLIC, xkey="article:10 section:20 site")
    first, _ = request("GET", "/ar/news/")
    second, body = request("GET", "/ar/news/")
    assert (first.getheader("X-Cache"), second.getheader("X-Cache")) == ("miss", "hit")
    assert body.startswith(b"page")
    assert count("/ar/news/") == 1
    assert second.getheader("xkey") is None  # the keys stay inside Varnish


@pytest.mark.parametrize(
    "headers",
    [
        {"Cache_Control": PUBLIC, "Set_Cookie": "csrftoken=abc; Path=/"},
        {"Cache_Control": "private, no-store"},
        {"Cache_Control": "public, max-age=600"},  # no shared-cache lifetime given
        {},
    ],
    ids=["sets-a-cookie", "private", "no-s-maxage", "no-cache-control"],
)
def test_responses_the_app_did_not_make_shareable_are_never_kept(headers):
    path = f"/ar/uncached-{len(headers)}-{sorted(headers.values())[0][:3] if headers else 'x'}/"
    route(path, **headers)
    for _ in range(3):
        response, _ = request("GET", path)
        assert response.getheader("X-Cache") != "hit"
    assert count(path) == 3


def test_the_admin_and_posts_always_reach_the_app():
    route("/admin/pages/3/edit/preview/", Cache_Control=PUBLIC)
    route("/ar/comments/4/post/", Cache_Control=PUBLIC)
    for _ in range(2):
        request("GET", "/admin/pages/3/edit/preview/")
        request("POST", "/ar/comments/4/post/")
    assert count("/admin/pages/3/edit/preview/") == 2
    assert count("/ar/comments/4/post/", "POST") == 2


@pytest.mark.parametrize("cookie", ["sessionid=abc", "messages=xyz", "read_primary=1"])
def test_signed_in_readers_and_readers_with_news_for_them_reach_the_app(cookie):
    path = f"/ar/session-{cookie.split('=')[0]}/"
    route(path, Cache_Control=PUBLIC)
    request("GET", path)
    request("GET", path, {"Cookie": f"theme=dark; {cookie}"})
    assert count(path) == 2


def test_other_cookies_do_not_split_the_cache():
    route("/ar/cookies/", Cache_Control=PUBLIC)
    request("GET", "/ar/cookies/", {"Cookie": "csrftoken=one"})
    response, _ = request("GET", "/ar/cookies/", {"Cookie": "csrftoken=two; _ga=3"})
    assert response.getheader("X-Cache") == "hit"
    assert count("/ar/cookies/") == 1


def test_campaign_parameters_share_one_entry_and_never_reach_the_app():
    route("/ar/campaign/", Cache_Control=PUBLIC)
    for query in ("", "?utm_source=x", "?fbclid=1&utm_medium=mail", "?gclid=2&utm_campaign=c"):
        request("GET", f"/ar/campaign/{query}")
    assert [path for _, path in ScriptedBackend.received] == ["/ar/campaign/"]
    request("GET", "/ar/campaign/?page=2&utm_source=x")
    assert ScriptedBackend.received[-1] == ("GET", "/ar/campaign/?page=2")


def test_a_key_purge_drops_every_page_filed_under_it_and_nothing_else():
    # The app's key names (pagecache/keys.py): "kind:id", separated by spaces.
    route("/ar/politics/", Cache_Control=PUBLIC, xkey="section:20 home:2 site")
    route("/ar/politics/feed/", Cache_Control=PUBLIC, xkey="section:20 feeds site")
    route("/ar/sport/", Cache_Control=PUBLIC, xkey="section:30 site")
    route("/ar/sport/feed/", Cache_Control=PUBLIC, xkey="section:30 feeds site")
    route("/ar/tags/sport/", Cache_Control=PUBLIC, xkey="tag:70 site")
    pages = ("/ar/politics/", "/ar/politics/feed/", "/ar/sport/", "/ar/sport/feed/")
    for path in (*pages, "/ar/tags/sport/"):
        request("GET", path)
    response, body = request("PURGE", "/", {"xkey-purge": "section:20 tag:7 feeds"})
    assert response.status == 200, body
    for path in ("/ar/politics/", "/ar/politics/feed/", "/ar/sport/feed/"):
        assert request("GET", path)[0].getheader("X-Cache") == "miss", path
    # "section:30" and "tag:70" are keys of their own, not matched by "section:3" or "tag:7".
    for path in ("/ar/sport/", "/ar/tags/sport/"):
        assert request("GET", path)[0].getheader("X-Cache") == "hit", path


def test_a_site_purge_drops_every_page():
    route("/ar/site-a/", Cache_Control=PUBLIC, xkey="article:50 section:20 site")
    route("/ar/site-b/", Cache_Control=PUBLIC, xkey="home:2 site")
    for path in ("/ar/site-a/", "/ar/site-b/"):
        request("GET", path)
    assert request("PURGE", "/", {"xkey-purge": "site"})[0].status == 200
    for path in ("/ar/site-a/", "/ar/site-b/"):
        assert request("GET", path)[0].getheader("X-Cache") == "miss", path


def test_purging_is_refused_from_other_addresses():
    route("/ar/guarded/", Cache_Control=PUBLIC, xkey="article:40 site")
    request("GET", "/ar/guarded/")
    for headers in ({"xkey-purge": "article:40"}, {}):
        response, _ = request("PURGE", "/ar/guarded/", headers, source="127.0.0.3")
        assert response.status == 405
    assert request("GET", "/ar/guarded/")[0].getheader("X-Cache") == "hit"


def test_a_url_purge_drops_that_page():
    route("/ar/url-purge/", Cache_Control=PUBLIC)
    request("GET", "/ar/url-purge/")
    assert request("PURGE", "/ar/url-purge/?utm_source=x")[0].status == 200
    assert request("GET", "/ar/url-purge/")[0].getheader("X-Cache") == "miss"


def test_readers_that_accept_compression_get_a_compressed_page():
    route("/ar/long/", Cache_Control=PUBLIC)
    request("GET", "/ar/long/")
    response, body = request("GET", "/ar/long/", {"Accept-Encoding": "br, gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert len(body) < 40 * len("page") / 2
    plain, plain_body = request("GET", "/ar/long/")
    assert plain.getheader("Content-Encoding") is None and plain_body.startswith(b"page")


def test_stale_pages_are_served_while_the_app_fails_or_is_gone():
    route("/ar/grace/", Cache_Control="public, max-age=0, s-maxage=1", body="fresh")
    request("GET", "/ar/grace/")
    route("/ar/grace/", status=503, body="down")
    time.sleep(1.5)
    for _ in range(2):  # the app answers 503: the stale copy is kept and served
        response, body = request("GET", "/ar/grace/")
        assert response.status == 200 and body.startswith(b"fresh")
    # Varnish answers from grace at once and asks the app in the background, so the refresh
    # that the 503 answered may reach the backend just after the reader's response.
    assert received_within(5, lambda: count("/ar/grace/") >= 2)
