"""What starts a new cache generation: anything that changes what anonymous readers see."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.store import new_generation


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    new_generation()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        new_generation()


@receiver(post_save)
@receiver(post_delete)
def shown_content_changed(sender, created=False, **kwargs):
    """Authors, tags, sites and site settings appear on pages without being pages."""
    label = sender._meta.label_lower
    if label not in settings.PAGE_CACHE_INVALIDATING_MODELS:
        return
    if created and issubclass(sender, BaseSiteSetting):
        return  # Wagtail makes a site's settings row, with the defaults, on first read
    new_generation()


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
        new_generation()
