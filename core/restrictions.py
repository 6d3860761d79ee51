"""Which parts of the tree are private, without asking the database on every listing.

Wagtail's ``PageQuerySet.public()`` loads every view restriction each time it is called, and an
article page calls it for its related articles, its neighbours and the breaking-news strip.
The restricted paths change only when a restriction is added or removed, which starts a new
cache generation (pagecache/), so they are kept for the current generation
(pagecache/registry.py: "restricted-pages").
"""

from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from core.constant_query import ConstantQuery
from pagecache.registry import cached_value

RESTRICTED_PAGES = cached_value("restricted-pages")
RESTRICTIONS_QUERY = ConstantQuery(
    PageViewRestriction,
    lambda: PageViewRestriction.objects.values_list("page_id", "page__path").order_by(),
)


def load_restricted_pages() -> list[tuple[int, str]]:
    return sorted(set(RESTRICTIONS_QUERY.fetch()))


def restricted_pages() -> list[tuple[int, str]]:
    """The id and tree path of every page that has a view restriction of its own."""
    return RESTRICTED_PAGES.get_or_compute(compute=load_restricted_pages)


def restricted_paths() -> list[str]:
    return [path for _, path in restricted_pages()]


def is_restricted(path: str) -> bool:
    """Whether the page at ``path`` is restricted, by its own restriction or an ancestor's."""
    return any(path.startswith(restricted) for restricted in restricted_paths())


def private_pages() -> Q | None:
    """A filter matching every page under a view restriction, or None if there is none."""
    paths = restricted_paths()
    if not paths:
        return None
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return private


class CachedPublicPageQuerySet(PageQuerySet):
    def public(self):
        """Leave out pages under a view restriction (the same rule as Wagtail's)."""
        private = private_pages()
        return self if private is None else self.exclude(private)


CachedPublicPageManager = PageManager.from_queryset(CachedPublicPageQuerySet)
