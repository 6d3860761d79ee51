"""Keeps ``ArticlePage.listed_in`` right when an article is saved through the generic Page class.

Wagtail saves a plain ``Page`` instance, not the article, when it moves a page, when
``publish_scheduled`` unpublishes an expired one and when an untranslated copy becomes a
translation; ``ArticlePage.save()`` does not run then, so the listing field is set here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page

from articles.models import ArticlePage, listing_section_id


@receiver(post_save)
def list_article_saved_as_a_plain_page(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or isinstance(instance, ArticlePage):
        return
    if instance.content_type_id != ContentType.objects.get_for_model(ArticlePage).pk:
        return
    section_id = listing_section_id(instance.path, instance.live, instance.alias_of_id)
    ArticlePage.objects.filter(pk=instance.pk).update(listed_in=section_id)


@receiver(pre_save, sender=ArticlePage)
def remember_keys_before_saving(sender, instance, raw=False, **kwargs):
    """The tags, authors and banner the article had before this save: a publication that
    drops a tag must renew that tag's page too (ArticlePage.cache_keys)."""
    if raw or instance.pk is None or not instance.live:
        return
    instance._cache_keys_before = instance.keys_in_database()
