"""Which parts of the tree are private, without asking the database on every listing.

Wagtail's ``PageQuerySet.public()`` loads every view restriction each time it is called, and an
article page calls it for its related articles, its neighbours and the breaking-news strip.
The restricted paths change only when a restriction is added or removed, which starts a new
cache generation (pagecache/), so they are kept in the cache under the current generation.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from pagecache import generational


def load_restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def restricted_paths() -> list[str]:
    # A memory cache private to each server process would not hear of a new restriction
    # added through another process, so it is only trusted when the cache is shared.
    if not settings.CACHE_IS_SHARED:
        return load_restricted_paths()
    return generational.get_or_compute("restricted-paths", compute=load_restricted_paths)


class CachedPublicPageQuerySet(PageQuerySet):
    def public(self):
        """Leave out pages under a view restriction (the same rule as Wagtail's)."""
        paths = restricted_paths()
        if not paths:
            return self
        private = Q()
        for path in paths:
            private |= Q(path__startswith=path)
        return self.exclude(private)


CachedPublicPageManager = PageManager.from_queryset(CachedPublicPageQuerySet)
