"""Purging Varnish by key: one request drops every page that shows what changed.

Pages carry their keys in the `xkey` header (pagecache/surrogate_keys.py), the same names the
app's caches use (pagecache/keys.py). Whatever a change touches (pagecache/signals.py decides,
for the app and the edge at once: an article's keys when it is published, unpublished or a
comment on it approved, ``site`` when the whole site's generation starts) is sent to each
Varnish in EDGE_CACHE_PURGE_URLS as one `PURGE` request with an `xkey-purge` header, which
deploy/varnish/default.vcl accepts only from the app servers' addresses.

The request is made by the background worker (django-tasks), after the publication's
transaction has committed: an editor's publish never waits for Varnish, and a purge never runs
before the new version can be read (a reader in between would put the old one back in the
cache). A failed purge is retried with backoff (operations/background.py).

CDNs without keys (CloudFront, Cloudflare, Azure) keep Wagtail's frontend_cache URL purges
(WAGTAILFRONTENDCACHE), which Wagtail also runs through django-tasks (docs/deploy.md).
"""

import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import BaseBackend

from operations.background import retry_later

logger = logging.getLogger(__name__)

PURGE_HEADER = "xkey-purge"


class EdgePurgeError(Exception):
    """Varnish could not be reached, or refused the purge."""


class XkeyPurgeBackend(BaseBackend):
    """A Wagtail frontend-cache-style backend for Varnish with xkey.

    ``LOCATIONS``: the Varnish addresses (``http://varnish:80``); ``TIMEOUT``: seconds per
    request. Besides `purge_keys`, it purges single URLs like Wagtail's HTTPBackend, so it can
    also be listed in WAGTAILFRONTENDCACHE.
    """

    def __init__(self, params):
        super().__init__(params)
        self.locations = list(params.get("LOCATIONS", ()))
        for location in self.locations:
            # Only the operator's Varnish addresses are ever opened: never file: or others.
            if urllib.parse.urlsplit(location).scheme not in ("http", "https"):
                raise ValueError(f"An edge cache address must be http(s): {location!r}")
        self.timeout = params.get("TIMEOUT", 10)

    @classmethod
    def from_settings(cls):
        return cls(
            {"LOCATIONS": settings.EDGE_CACHE_PURGE_URLS, "TIMEOUT": settings.EDGE_CACHE_TIMEOUT}
        )

    def purge_keys(self, keys) -> None:
        for location in self.locations:
            self._send(location.rstrip("/") + "/", {PURGE_HEADER: " ".join(keys)})

    def purge(self, url) -> None:
        parts = urllib.parse.urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        for location in self.locations:
            self._send(location.rstrip("/") + path, {"Host": parts.netloc})

    def _send(self, url: str, headers: dict) -> None:
        # http(s) only: the locations are checked in __init__.
        request = urllib.request.Request(url, method="PURGE", headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except (urllib.error.URLError, OSError) as error:
            raise EdgePurgeError(f"{url}: {error}") from error


@task()
def purge_edge_keys(keys: list[str], attempt: int = 1):
    """Drop every page filed under ``keys`` from each Varnish; retried with backoff."""
    try:
        XkeyPurgeBackend.from_settings().purge_keys(keys)
    except EdgePurgeError as error:
        return retry_later(purge_edge_keys, error, attempt, keys)
    return {"purged": keys}


def purge_after_commit(keys) -> None:
    """Purge ``keys`` from every Varnish once the change commits (none configured: nothing)."""
    if not settings.EDGE_CACHE_PURGE_URLS or not keys:
        return
    keys = list(dict.fromkeys(keys))
    transaction.on_commit(lambda: purge_edge_keys.enqueue(keys))
