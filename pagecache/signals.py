"""What renews cached pages, in the app and at the edge: anything anonymous readers see.

The one place that says which keys a change touches (pagecache/keys.py). Each receiver names
the topic of the change (pagecache/registry.py: TOPICS). A change that concerns one article
(its publication, unpublication, a comment approved on it) touches only the keys that show
it; anything else (a section, a menu, a setting, a move, a deletion) starts a new generation
for the whole site. The app raises the touched keys' generations, and the edge cache is
purged of the same names (pagecache/edge.py), or of ``site`` for a new whole-site generation.
"""

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import edge, keys
from pagecache.registry import TOPICS
from pagecache.store import new_generation, record_keyed_change

# The topic of each model in PAGE_CACHE_INVALIDATING_MODELS.
MODEL_TOPICS = {
    "wagtailcore.pageviewrestriction": "restrictions",
    "translations.numberformattingsettings": "settings",
    "home.siteidentitysettings": "settings",
    "comments.commentsettings": "settings",
    "articles.author": "authors",
    "taggit.tag": "tags",
    "wagtailcore.site": "sites",
    "wagtailcore.locale": "locales",
}


def content_changed(topic: str, renewed_keys=None) -> None:
    """Readers would see a change about ``topic``: renew ``renewed_keys``, or the whole site.

    The keys are renewed again once the change commits: a reader who drew a page between the
    two saw the data from before the commit (see also keys.changed_during_request). If the
    shared cache cannot record them (Redis unreachable), or there is none, the app renews the
    whole site, through the database; the edge, which keeps no generations, is still purged
    of exactly those keys once the change commits (``site`` when there are none).
    """
    if topic not in TOPICS:
        raise ValueError(f"unknown cache topic {topic!r} (pagecache/registry.py: TOPICS)")
    renewed_keys = None if renewed_keys is None else list(renewed_keys)
    edge.purge_after_commit([keys.SITE] if renewed_keys is None else renewed_keys)
    if renewed_keys is None or not keys.enabled() or not keys.renew(renewed_keys):
        new_generation()
        return
    record_keyed_change()
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _renew_after_commit(renewed_keys), robust=True)


def _renew_after_commit(renewed_keys):
    if not keys.renew(renewed_keys):
        new_generation()


def page_keys(page):
    """The keys a change of ``page`` renews, or None when it may show anywhere.

    A page type says so with ``cache_keys()`` (articles do); any other page (a section, a
    home page, an information page: in the menu, the breadcrumbs) renews the whole site.
    """
    specific = page.specific
    get_keys = getattr(specific, "cache_keys", None)
    return get_keys() if get_keys is not None else None


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    content_changed("pages", page_keys(instance))


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    content_changed("pages")


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed("pages")


@receiver(post_save)
@receiver(post_delete)
def shown_content_changed(sender, created=False, **kwargs):
    """Authors, tags, sites and site settings appear on pages without being pages."""
    label = sender._meta.label_lower
    if label not in settings.PAGE_CACHE_INVALIDATING_MODELS:
        return
    if created and issubclass(sender, BaseSiteSetting):
        return  # Wagtail makes a site's settings row, with the defaults, on first read
    content_changed(MODEL_TOPICS[label])


@receiver(post_save)
@receiver(post_delete)
def reader_comment_changed(sender, instance, created=False, update_fields=None, **kwargs):
    """A comment shows on its article once approved, and leaves it when moderated away.

    A new comment waiting for moderation changes nothing readers see, so posting one never
    empties the cache (that would let anyone flush it by commenting).
    """
    if sender._meta.label_lower != "comments.readercomment":
        return
    status_changed = update_fields is None or "status" in update_fields
    if instance.status == "approved" or (not created and status_changed):
        content_changed("comments", [keys.article(instance.page_id)])
