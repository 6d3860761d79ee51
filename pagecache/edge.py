"""Purging Varnish by surrogate key: one request drops every page that shows an article.

Pages carry their keys in the `xkey` header (pagecache/surrogate_keys.py). When an article is
published or unpublished, or a comment on it approved, the keys of every page that shows it
are sent to each Varnish in EDGE_CACHE_PURGE_URLS as one `PURGE` request with an `xkey-purge`
header, which deploy/varnish/default.vcl accepts only from the app servers' addresses.

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
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.signals import page_published, page_unpublished, post_page_move

from operations.background import retry_later
from pagecache import surrogate_keys

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
    if not settings.EDGE_CACHE_PURGE_URLS or not keys:
        return
    keys = list(dict.fromkeys(keys))
    transaction.on_commit(lambda: purge_edge_keys.enqueue(keys))


def keys_shown_with(page) -> list[str]:
    """The keys of the pages that show ``page``: its own method's answer, or page and parent."""
    specific = page.specific_deferred
    if hasattr(specific, "surrogate_keys_to_purge"):
        return specific.surrogate_keys_to_purge()
    keys = [surrogate_keys.page(page.pk), surrogate_keys.HOME]
    parent_id = page.get_parent().pk if page.depth > 2 else None
    if parent_id is not None:
        keys.append(surrogate_keys.page(parent_id))
    return keys


@receiver(page_published, dispatch_uid="pagecache.edge.page_published")
@receiver(page_unpublished, dispatch_uid="pagecache.edge.page_unpublished")
def page_changed(sender, instance, **kwargs):
    purge_after_commit(keys_shown_with(instance))


@receiver(post_page_move, dispatch_uid="pagecache.edge.page_moved")
def page_moved(sender, **kwargs):
    purge_after_commit([surrogate_keys.SITE])  # every URL below it changed


@receiver(post_delete, dispatch_uid="pagecache.edge.deleted")
@receiver(post_save, dispatch_uid="pagecache.edge.saved")
def content_changed(sender, instance, created=False, update_fields=None, **kwargs):
    """Deleted pages and site-wide content (pagecache/signals.py's list) drop every page;
    an approved comment (or one moderated away) drops its article."""
    from wagtail.models import Page

    label = sender._meta.label_lower
    if label == "comments.readercomment":
        status_changed = update_fields is None or "status" in update_fields
        if instance.status == "approved" or (not created and status_changed):
            purge_after_commit([surrogate_keys.page(instance.page_id)])
    elif kwargs.get("signal") is post_delete and isinstance(instance, Page):
        purge_after_commit([surrogate_keys.SITE])
    elif label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        from wagtail.contrib.settings.models import BaseSiteSetting

        if not (created and issubclass(sender, BaseSiteSetting)):
            purge_after_commit([surrogate_keys.SITE])
