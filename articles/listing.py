"""Article listings that cost the same with a thousand articles as with a million.

A listing (a section, the front page's latest, a tag, an author, a feed) is a queryset of
*listed* articles (``ArticlePage.objects.listed()``): its conditions and its order are all on
the article's own row, which the listing indexes cover. A page of it is found in two steps in
one query: the page's ids from the index alone (an offset there skips index entries, not
joined rows), then those few articles with everything their cards show.

The number of articles, which the paginator needs for "page 3 of 500" and for the last page,
is counted once per cache generation (pagecache/generational.py): the count can only change
when a page is published, unpublished, moved or deleted, and each of those starts a new one.
"""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from articles.mixins import requested_page_number
from articles.models import NEWEST_FIRST, OLDEST_FIRST, ArticlePage
from pagecache.generational import remember
from pagecache.middleware import note_page_shown


def newest(articles, limit: int) -> list[ArticlePage]:
    """The ``limit`` newest of ``articles``, ready for their cards."""
    ids = articles.order_by(*NEWEST_FIRST).values("pk")[:limit]
    return list(ArticlePage.objects.filter(pk__in=ids).for_listing())


class ArticleListing:
    """A listing as Django's paginator sees it: a length and slices of cards.

    A slice past the middle is read from the oldest end of the index, so the last pages of a
    long archive cost no more than the first ones.
    """

    def __init__(self, articles, count_key: str | None = None):
        self.articles = articles
        self.count_key = count_key
        self._count = None

    def count(self) -> int:
        if self._count is None:
            if self.count_key is None:
                self._count = self.articles.count()
            else:
                self._count = remember(f"count:{self.count_key}", self.articles.count)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[ArticlePage]:
        if not isinstance(window, slice) or window.step not in (None, 1):
            raise TypeError("an article listing is read a page (a slice) at a time")
        total = self.count()
        start = max(window.start or 0, 0)
        stop = total if window.stop is None else min(window.stop, total)
        if start >= stop:
            return []
        if start > total - stop:
            ids = self.articles.order_by(*OLDEST_FIRST).values("pk")[total - stop : total - start]
        else:
            ids = self.articles.order_by(*NEWEST_FIRST).values("pk")[start:stop]
        return list(ArticlePage.objects.filter(pk__in=ids).for_listing())


def paginate_listing(request, articles, per_page: int, count_key: str | None) -> PaginatorPage:
    """The page of ``articles`` that ``?page=`` asks for (see ArticleListingMixin)."""
    paginator = Paginator(ArticleListing(articles, count_key), per_page)
    page = paginator.get_page(requested_page_number(request))
    note_page_shown(request, "page", page.number)
    return page
