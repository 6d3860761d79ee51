"""What starts a new cache generation: anything that changes what anonymous readers see."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.store import new_generation


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    new_generation()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        new_generation()


@receiver(post_save)
@receiver(post_delete)
def shown_content_changed(sender, **kwargs):
    """Authors, tags, sites and site settings appear on pages without being pages."""
    from django.conf import settings

    label = sender._meta.label_lower
    if label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        new_generation()
