"""sitemap.xml: every live page of every language, with links to its translations.

The sitemap is an index of numbered pages (``PAGE_SIZE`` URLs each), so it keeps within
search engines' limits however large the archive grows. Each page of the sitemap costs a fixed
few queries: the translations of the pages listed are fetched together.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

PAGE_SIZE = 1000


class TranslatedPagesSitemap(Sitemap):
    limit = PAGE_SIZE

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_a_language_tree = Q()
        for root in roots:
            in_a_language_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_language_tree, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(
                translation_key__in={page.translation_key for page in pages},
                alias_of__isnull=True,
            )
            .select_related("locale")
        ):
            translations[translation.translation_key].append(translation)

        urls = []
        last_modified = []
        for item in pages:
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_modified.append(lastmod)
            alternates = [
                {
                    "lang_code": translation.locale.language_code,
                    "location": translation.get_full_url(self.request),
                }
                for translation in sorted(
                    translations[item.translation_key], key=lambda p: p.locale.language_code
                )
            ]
            if len(alternates) < 2:
                alternates = []
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": lastmod,
                    "alternates": alternates,
                }
            )
        if last_modified and None not in last_modified:
            self.latest_lastmod = max(last_modified)
        return urls
