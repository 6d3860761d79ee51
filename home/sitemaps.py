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
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.restrictions import private_pages

PAGE_SIZE = 1000


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
    def language_root_paths(self) -> list[str]:
        site = self.get_wagtail_site()
        return [root.path for root in site.root_page.get_translations(inclusive=True)]

    def items(self):
        in_a_language_tree = Q()
        for path in self.language_root_paths:
            in_a_language_tree |= Q(path__startswith=path)
        pages = Page.objects.live().filter(in_a_language_tree, alias_of__isnull=True)
        private = private_pages()
        if private is not None:
            pages = pages.exclude(private)
        return pages.select_related("locale")

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

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page))
        translations = defaultdict(list)
        for item in pages:
            translations[item.translation_key].append(item)
        # The versions listed on other sitemap pages (those on this one are already loaded).
        elsewhere = (
            Page.objects.live()
            .filter(translation_key__in=translations.keys(), alias_of__isnull=True)
            .exclude(pk__in=[item.pk for item in pages])
            .select_related("locale")
        )
        private = private_pages()
        if private is not None:
            elsewhere = elsewhere.exclude(private)
        for version in elsewhere:
            translations[version.translation_key].append(version)
        full_urls = {}

        def full_url(page):
            # A page and its translations are often listed on the same sitemap page.
            if page.pk not in full_urls:
                full_urls[page.pk] = page.get_full_url(self.request)
            return full_urls[page.pk]

        urls = []
        last_modified = []
        for item in pages:
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_modified.append(lastmod)
            location = full_url(item)
            alternates = []
            if len(translations[item.translation_key]) > 1:
                alternates = [
                    {"lang_code": language_code, "location": url}
                    for language_code, url in sorted(
                        (version.locale.language_code, full_url(version))
                        for version in translations[item.translation_key]
                    )
                ]
            urls.append(
                {"item": item, "location": location, "lastmod": lastmod, "alternates": alternates}
            )
        if last_modified and None not in last_modified:
            self.latest_lastmod = max(last_modified)
        return urls
