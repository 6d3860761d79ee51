"""Article listings that cost the same with a thousand articles as with a million.

A listing (a section, the front page's latest, a tag, an author, a feed) is a queryset of
*listed* articles (``ArticlePage.objects.listed()``): its conditions and its order are all on
the article's own row, which the listing indexes cover. A page of it is found in two steps in
one query: the page's ids from the index alone (an offset there skips index entries, not
joined rows), then those few articles with everything their cards show (articles/cards.py).

The number of articles, which the paginator needs for "page 3 of 500" and for the last page,
is counted once per cache generation (pagecache/registry.py): the count can only change
when a page is published, unpublished, moved or deleted, and each of those starts a new one.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import connections
from django.utils.functional import SimpleLazyObject

from articles.cards import read_cards
from core.mixins import requested_page_number
from core.restrictions import restricted_pages
from pagecache.middleware import note_page_shown
from pagecache.registry import cached_value

LISTING_COUNTS = cached_value("listing-count")

# The listing indexes' order (articles/migrations/0003_article_listing.py); pk breaks ties.
NEWEST_FIRST = ("-publication_date", "-pk")
OLDEST_FIRST = ("publication_date", "pk")


def newest(articles, limit: int) -> list:
    """The ``limit`` newest of ``articles``, ready for their cards."""
    return read_cards(articles.model, articles.order_by(*NEWEST_FIRST).values("pk")[:limit])


class ArticleListing:
    """A listing as Django's paginator sees it: a length and slices of cards.

    A slice past the middle is read from the oldest end of the index, so the last pages of a
    long archive cost no more than the first ones.
    """

    def __init__(self, articles, count_key: str | None = None, counter=None):
        self.articles = articles
        self.count_key = count_key
        self.counter = counter or articles.count  # a tag's or author's: articles/linked_count.py
        self._count = None

    def count(self) -> int:
        if self._count is None:
            if self.count_key is None:
                self._count = self.counter()
            else:
                self._count = LISTING_COUNTS.get_or_compute(self.count_key, compute=self.counter)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
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
        return read_cards(self.articles.model, ids)


def page_shown(request, paginator: Paginator) -> PaginatorPage:
    """The page of the listing that ``?page=`` asks for (see ArticleListingMixin)."""
    page = paginator.get_page(requested_page_number(request))
    note_page_shown(request, "page", page.number)
    return page


def settle_page_number(request, paginator: Paginator) -> None:
    """Notes the page ``?page=`` will show, from the listing's count alone (no card is read).

    A page's fragments (its head, its listing) are kept only once the page number asked for is
    known to be the page shown (pagecache/middleware.py: ``page_numbers_settled``), so that a
    made-up number adds no entry. Drawn lazily, the listing settled it only inside its own
    fragment, after the head's fragment and its own had already been refused a key: every
    page past the first was drawn afresh on every request (four queries where page 1 asks
    one). The paginator keeps the count for the page drawn later.
    """
    if "page" not in request.GET:
        return  # the first page: no number to settle
    try:
        number = paginator.validate_number(requested_page_number(request))
    except PageNotAnInteger:
        number = 1
    except EmptyPage:
        number = paginator.num_pages  # as Paginator.get_page: one past the end shows the last
    note_page_shown(request, "page", number)


class ArticleListingMixin:
    """Paginates a listing the same way everywhere.

    A missing, non-numeric or negative ``?page=`` shows the first page and one past the end
    shows the last, so a hand-edited or stale link never produces an error page.
    """

    articles_per_page = 12

    def paginate_articles(
        self, request, articles, count_key=None, counter=None
    ) -> SimpleLazyObject:
        """A page of ``articles``, listed articles (``ArticlePage.objects.listed()``).

        Its cards are read only if the listing is drawn (a cached fragment of it needs no
        query); its page number is settled at once, for the page's fragments. ``count_key``
        names the listing among all others (``section:12``): its count is then kept until the
        next publication instead of being made on every request. ``counter`` counts them when
        ``articles.count()`` would cost more (a tag's or an author's: articles/linked_count.py).
        """
        listing = ArticleListing(articles, count_key, counter)
        paginator = Paginator(listing, self.articles_per_page)
        settle_page_number(request, paginator)
        return SimpleLazyObject(lambda: page_shown(request, paginator))


def listed_condition(model, alias: str, section_ids: list | None = None) -> tuple[str, list]:
    """``model.objects.listed()`` as a condition on the row ``alias`` of a statement written by
    hand, with its parameters; with ``section_ids``, ``listed_under`` a home page of them.

    Every condition is on the article's own row, as ``listed()``'s are: the listing indexes
    answer it. With no section, nothing is listed.
    """
    quote = connections[model.objects.db].ops.quote_name
    listed_in = f"{alias}.{quote(model._meta.get_field('listed_in').column)}"
    condition, params = f"{listed_in} IS NOT NULL", []
    restricted = [page_id for page_id, _ in restricted_pages()]
    if restricted:
        placeholders = ", ".join(["%s"] * len(restricted))
        condition += (
            f" AND {alias}.{quote(model._meta.pk.column)} NOT IN ({placeholders})"
            f" AND {listed_in} NOT IN ({placeholders})"
        )
        params += restricted + restricted
    if section_ids is not None:
        if not section_ids:
            return "1 = 0", []
        condition += f" AND {listed_in} IN ({', '.join(['%s'] * len(section_ids))})"
        params += list(section_ids)
    return condition, params
