"""What starts a new cache generation: anything that changes what anonymous readers see.

Each receiver names the topic of the change (pagecache/registry.py: TOPICS). Today every
topic renews the one site-wide generation; the registry's entries already say which topics
they show, for the day a change renews only the values that show it.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.registry import TOPICS
from pagecache.store import new_generation

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


def content_changed(topic: str) -> None:
    """Readers would see a change about ``topic``: start a new cache generation."""
    if topic not in TOPICS:
        raise ValueError(f"unknown cache topic {topic!r} (pagecache/registry.py: TOPICS)")
    new_generation()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
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
        content_changed("comments")
