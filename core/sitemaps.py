"""sitemap.xml: every live page of every language, with links to its translations.

The sitemap is an index of numbered pages, so it keeps within search engines' limits however
large the archive grows. Page *n* lists the pages whose id lies in the *n*-th block of
``PAGE_SIZE`` ids: it is read as a range of the primary key's index, so page 100 costs what
page 1 does, and numbering the pages needs only the highest id, not a count of the whole
tree. A page therefore holds at most ``PAGE_SIZE`` addresses (fewer where ids went to drafts,
untranslated copies or deleted pages), and a page of the site stays in the same sitemap page
for good, which spares crawlers from re-reading every file when one article is published.
Each page of the sitemap costs a fixed few queries: the translations of the pages listed are
fetched together.
"""

from collections import defaultdict

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.page_urls import url_below
from core.restrictions import private_pages
from pagecache import keys

PAGE_SIZE = 1000


def page_number_of(page_id: int) -> int:
    """The sitemap page that lists the page with this id (its block of ``PAGE_SIZE`` ids)."""
    return (page_id - 1) // TranslatedPagesSitemap.limit + 1


def sitemap_keys(page) -> list[str]:
    """The keys of the sitemap's files that change with ``page`` (pagecache/keys.py).

    The index (it shows the last publication and the number of pages), the page that lists
    ``page``, and the pages that list its translations, whose entries link to it.
    """
    versions = Page.objects.filter(translation_key=page.translation_key).values_list("pk")
    numbers = {page_number_of(pk) for (pk,) in versions} | {page_number_of(page.pk)}
    return [keys.SITEMAP_INDEX, *(keys.sitemap(number) for number in sorted(numbers))]


class IdBlockPaginator:
    """The part of Django's paginator the sitemap views use, over blocks of page ids."""

    def __init__(self, sitemap):
        self.sitemap = sitemap
        self.per_page = sitemap.limit

    @property
    def num_pages(self) -> int:
        highest = self.sitemap.items().order_by("-pk").values_list("pk", flat=True).first()
        return max(1, -(-(highest or 0) // self.per_page))

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(number) from error
        if number < 1 or (number > 1 and number > self.num_pages):
            raise EmptyPage(number)
        first_id = (number - 1) * self.per_page + 1
        return (
            self.sitemap.items()
            .filter(pk__gte=first_id, pk__lt=first_id + self.per_page)
            .order_by("pk")
        )


class TranslatedPagesSitemap(Sitemap):
    limit = PAGE_SIZE

    @cached_property
    def language_roots(self) -> dict:
        """The site's root page in every language, by tree path."""
        site = self.get_wagtail_site()
        return {root.path: root for root in site.root_page.get_translations(inclusive=True)}

    @cached_property
    def language_root_paths(self) -> list[str]:
        return list(self.language_roots)

    def in_language_trees(self, pages):
        in_a_language_tree = Q()
        for path in self.language_root_paths:
            in_a_language_tree |= Q(path__startswith=path)
        pages = pages.live().filter(in_a_language_tree, alias_of__isnull=True)
        private = private_pages()
        return pages if private is None else pages.exclude(private)

    def items(self):
        return self.in_language_trees(Page.objects.all())

    @property
    def paginator(self):
        return IdBlockPaginator(self)

    def get_latest_lastmod(self):
        """When any listed page was last published (Django would load every page to find it)."""
        return (
            self.items()
            .filter(last_published_at__isnull=False)
            .order_by("-last_published_at")
            .values_list("last_published_at", flat=True)
            .first()
        )

    @cached_property
    def root_urls(self) -> dict:
        """Each language root's full URL, as Wagtail writes it."""
        return {path: root.get_full_url(self.request) for path, root in self.language_roots.items()}

    def full_url(self, path: str, url_path: str) -> str:
        """A page's full URL: its language root's, then the rest of its URL path.

        Worked out below the root's URL (core/page_urls.py): no reverse for each of the
        thousand pages (tests/reader/test_feeds_and_discovery.py checks they agree).
        """
        root_path = path[: len(self.language_root_paths[0])]
        root = self.language_roots[root_path]
        return url_below(self.root_urls[root_path], root.url_path, url_path)

    def _urls(self, page, protocol, domain):
        """The page's entries: location, last modification and the translations' locations.

        Rows, not page objects: building a thousand Wagtail pages costs more than the rest.
        """
        fields = ("pk", "path", "url_path", "translation_key", "locale__language_code")
        dates = ("last_published_at", "latest_revision_created_at")
        rows = list(self.paginator.page(page).values(*fields, *dates))
        versions = defaultdict(list)
        for row in rows:
            versions[row["translation_key"]].append(row)
        # The versions listed on other sitemap pages, in the site's languages.
        elsewhere = (
            self.in_language_trees(Page.objects.all())
            .filter(translation_key__in=versions.keys())
            .exclude(pk__in=[row["pk"] for row in rows])
            .values(*fields)
        )
        for row in elsewhere:
            versions[row["translation_key"]].append(row)
        for group in versions.values():
            for row in group:
                row["location"] = self.full_url(row["path"], row["url_path"])

        urls = []
        for row in rows:
            lastmod = row["last_published_at"] or row["latest_revision_created_at"]
            group = versions[row["translation_key"]]
            alternates = []
            if len(group) > 1:
                alternates = [
                    {"lang_code": language_code, "location": location}
                    for language_code, location in sorted(
                        (version["locale__language_code"], version["location"]) for version in group
                    )
                ]
            urls.append({"location": row["location"], "lastmod": lastmod, "alternates": alternates})
        last_modified = [url["lastmod"] for url in urls]
        if last_modified and None not in last_modified:
            self.latest_lastmod = max(last_modified)
        return urls


def urlset_entries(urls) -> str:
    """The ``<url>`` elements of a sitemap page in one pass, as Django's template writes them."""
    parts = []
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            parts.append(
                f"<lastmod>{timezone.localtime(url['lastmod']).date().isoformat()}</lastmod>"
            )
        for alternate in url["alternates"]:
            parts.append(
                '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>'.format(
                    escape(alternate["lang_code"]), escape(alternate["location"])
                )
            )
        parts.append("</url>\n")
    return "".join(parts)
