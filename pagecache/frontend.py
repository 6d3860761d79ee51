"""Purging a CDN in front of the site: the listings that show a page, not only the page.

Wagtail's frontend_cache app purges a page's own URLs when it is published or unpublished.
A news article also appears on its section, the home page and their feeds, which a CDN would
otherwise keep serving stale for their s-maxage; they are purged in the same batch.
"""

from django.conf import settings
from django.dispatch import receiver
from django.urls import NoReverseMatch
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished


@receiver(page_published)
@receiver(page_unpublished)
def purge_listings(sender, instance, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    for listing in instance.get_ancestors().filter(depth__gt=1).live().specific():
        batch.add_page(listing)
        if hasattr(listing, "reverse_subpage"):
            try:
                batch.add_url(listing.full_url + listing.reverse_subpage("feed"))
            except NoReverseMatch:
                continue  # a page without a feed
    batch.purge()
