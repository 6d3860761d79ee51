"""Purges run in the background worker: publishing never waits for a CDN or Varnish.

The purge endpoint here is a local server that hangs for 30 s on the first key purge, as a
CDN's API does on a bad day. Tasks go to the database queue (production's backend) and the
worker (`manage.py db_worker`) is run by the test.
"""

import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests import isolation
from tests.factories import make_article

PURGE_PORT = isolation.port(isolation.PURGE_ENDPOINT)


class HangingPurgeEndpoint(BaseHTTPRequestHandler):
    """Records purges; the first key purge hangs for 30 s before answering."""

    received: list = []
    hangs_left = 1
    always_fail = False

    def do_PURGE(self):
        keys = self.headers.get("xkey-purge")
        if keys and HangingPurgeEndpoint.hangs_left > 0:
            HangingPurgeEndpoint.hangs_left -= 1
            time.sleep(30)
        if HangingPurgeEndpoint.always_fail:
            self.send_response(503)
            self.end_headers()
            return
        HangingPurgeEndpoint.received.append({"path": self.path, "keys": keys})
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_endpoint():
    HangingPurgeEndpoint.received = []
    HangingPurgeEndpoint.hangs_left = 1
    HangingPurgeEndpoint.always_fail = False
    server = ThreadingHTTPServer(("127.0.0.1", PURGE_PORT), HangingPurgeEndpoint)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{PURGE_PORT}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def queued_purges(settings, purge_endpoint, monkeypatch):
    # The worker runs in this test's transaction. Between tasks it closes connections that are
    # not in autocommit mode, which here is the test's own (PostgreSQL would lose the test's
    # data); a real worker runs in autocommit and keeps that hygiene.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EDGE_CACHE_PURGE_URLS = [purge_endpoint]
    settings.EDGE_CACHE_TIMEOUT = 1
    settings.TASK_RETRY_SECONDS = 1
    settings.TASK_MAX_ATTEMPTS = 3
    # A CDN without keys, purged by URL through Wagtail's own background task.
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_endpoint,
        }
    }
    return purge_endpoint


def run_worker_until(done, seconds: float = 20) -> None:
    """`manage.py db_worker` in batch mode, again and again, until ``done()`` or time is up."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        call_command("db_worker", batch=True, no_startup_delay=True, interval=0.1, verbosity=0)
        time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.django_db
def test_publishing_returns_at_once_and_the_worker_purges_later(
    demo_site, queued_purges, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(demo_site["politics"], title="خبر ينشر دون انتظار")
    assert time.monotonic() - started < 1.0
    assert HangingPurgeEndpoint.received == []  # nothing was attempted in the request
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() >= 2

    def key_purge_done():
        return any(purge["keys"] for purge in HangingPurgeEndpoint.received)

    run_worker_until(key_purge_done)

    key_purges = [purge["keys"].split() for purge in HangingPurgeEndpoint.received if purge["keys"]]
    assert key_purges and f"page-{article.pk}" in key_purges[0]
    assert f"page-{demo_site['politics'].pk}" in key_purges[0]
    assert {"home", "feeds"} <= set(key_purges[0])
    url_purges = [purge["path"] for purge in HangingPurgeEndpoint.received if not purge["keys"]]
    assert article.url in url_purges
    # The first attempt timed out and was retried with a delay; none failed for good.
    attempts = DBTaskResult.objects.filter(task_path="pagecache.edge.purge_edge_keys")
    assert attempts.count() == 2
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()


@pytest.mark.slow
@pytest.mark.django_db
def test_a_purge_that_keeps_failing_is_shown_to_administrators(
    demo_site, queued_purges, django_capture_on_commit_callbacks, admin_client
):
    HangingPurgeEndpoint.hangs_left = 0
    HangingPurgeEndpoint.always_fail = True
    with django_capture_on_commit_callbacks(execute=True):
        make_article(demo_site["politics"], title="خبر يتعذر تطهيره")

    def failed_for_good():
        return DBTaskResult.objects.filter(
            task_path="pagecache.edge.purge_edge_keys", status=TaskResultStatus.FAILED
        ).exists()

    run_worker_until(failed_for_good)
    tries = DBTaskResult.objects.filter(task_path="pagecache.edge.purge_edge_keys")
    assert tries.count() == 3  # TASK_MAX_ATTEMPTS
    first, second, third = tries.order_by("enqueued_at")
    # Each retry waits twice as long as the one before (TASK_RETRY_SECONDS = 1).
    assert second.run_after - first.started_at >= timedelta(seconds=1)
    assert third.run_after - second.started_at >= timedelta(seconds=2)

    response = admin_client.get(reverse("failed_tasks"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "purge_edge_keys" in html and "pagecache.edge.purge_edge_keys" in html
    assert "EdgePurgeError" in html


@pytest.mark.django_db
def test_the_failed_tasks_report_is_for_administrators_only(client, django_user_model, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="a-long-password-1")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("failed_tasks")).status_code == 403
    assert "failed-tasks" not in client.get(reverse("wagtailadmin_home")).content.decode()
