"""The sites, their home pages in every language and their settings, read together once.

Every page needs the same few facts about the sites: which site answers this host (Wagtail's
``Site.find_for_request``), the specific home page routing starts from, the home page in the
reader's language, the sites' root paths every page URL is built from, and the site settings.
Wagtail reads each on its own: six queries a page where nothing is cached (DJANGO_CACHE=off,
or the first request of a cache generation). They are a few rows that change together (a site,
a home page or a setting saved, each of which starts a new generation), so here they are read
in two queries, the sites with their settings and root pages, then every translation of the
root pages, and kept as field values under the generation (``sites`` in pagecache/registry.py).
Each request rebuilds its own objects from them once (the request memo), never shares another's.

Wagtail's rules are kept: the host matching of ``get_site_for_hostname``, the order of
``Site.get_site_root_paths`` (most specific root path first), a root page's translations in
every state. tests/upgrading/test_wagtail_site_directory.py guards the Wagtail code copied.
"""

from functools import cache

from django.conf import settings
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from core.constant_query import ConstantQuery
from pagecache.registry import cached_value
from pagecache.snapshots import rebuild_all, snapshots
from pagecache.store import request_memo

SITES = cached_value("sites")
MEMO_KEY = "site_directory"

# Wagtail's ranking of the sites a host name may mean (wagtail/models/sites.py).
MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT, MATCH_DEFAULT, MATCH_HOSTNAME = 0, 1, 2, 3


def setting_accessors() -> dict[type[BaseSiteSetting], str]:
    """Each registered site setting and the name of its one-to-one relation on ``Site``."""
    return {
        model: model._meta.get_field("site").remote_field.get_accessor_name()
        for model in settings_registry
        if issubclass(model, BaseSiteSetting)
    }


def read_directory() -> dict:
    """Two queries: the sites with their settings and root pages, then the home pages."""
    # A setting never saved is missing here: ``for_request`` makes its row with the defaults
    # on first use, as Wagtail does, and the next generation's directory has it.
    sites = read_sites()
    # The root pages' translations, as their specific class: routing starts from them and the
    # reader's language picks one. One query per class of root page (one: the home page).
    homes = []
    for model in dict.fromkeys(site.root_page.specific_class or Page for site in sites):
        homes += _homes_query(model).fetch()
    # In the tree's order, sorted here: paths are ASCII, compared as PostgreSQL's "C"
    # collation of the column compares them, and the ORM's ordering cost more than the sort.
    homes.sort(key=lambda home: home.path)
    return {"sites": snapshots(sites), "homes": snapshots(homes)}


def site_relations() -> list[str]:
    """What is read with each site: its root page and locale, each site setting."""
    related = ["root_page", "root_page__locale"]
    for model, accessor in setting_accessors().items():
        related.append(accessor)
        related += [f"{accessor}__{name}" for name in (model.select_related or ())]
    return related


SITES_QUERY = ConstantQuery(Site, lambda: Site.objects.select_related(*site_relations()))


@cache
def _homes_query(model) -> ConstantQuery:
    """The pages of ``model`` that are a site's root page or a translation of one."""
    roots = Page.objects.filter(sites_rooted_here__isnull=False).values("translation_key")
    return ConstantQuery(
        model,
        lambda: model.objects.filter(translation_key__in=roots).select_related("locale").order_by(),
    )


def read_sites() -> list[Site]:
    """The sites in Wagtail's order: the most specific root path first, the default site
    first among equals, then by host name.

    Sorted here, not by the statement: asked to order by the root pages' paths, PostgreSQL
    walked the whole page table's url_path index backwards to meet the few sites in that
    order, a cost that grew with the archive (0.8 ms of 1.3 at a thousand articles).
    """
    sites = SITES_QUERY.fetch()
    sites.sort(key=lambda site: site.hostname)
    # Python's sort is stable, reversed too: equal root paths and defaults keep that order.
    sites.sort(key=lambda site: (site.root_page.url_path, site.is_default_site), reverse=True)
    return sites


class SiteDirectory:
    """One request's view of the sites: its own objects, rebuilt from the field values."""

    def __init__(self, data: dict):
        self.sites: list[Site] = rebuild_all(data["sites"])
        self.homes: list[Page] = rebuild_all(data["homes"])
        self._homes_by_pk = {home.pk: home for home in self.homes}
        for site in self.sites:
            specific = self._homes_by_pk.get(site.root_page_id)
            if specific is not None:
                site.root_page = specific

    def site_for(self, hostname: str, port: int | None) -> Site | None:
        """``get_site_for_hostname``'s answer, from the sites already read."""

        def match(site: Site) -> int:
            if site.hostname == hostname and site.port == port:
                return MATCH_HOSTNAME_PORT
            if site.hostname == hostname and site.is_default_site:
                return MATCH_HOSTNAME_DEFAULT
            if site.is_default_site:
                return MATCH_DEFAULT
            return MATCH_HOSTNAME

        sites = sorted(
            (site for site in self.sites if site.hostname == hostname or site.is_default_site),
            key=match,
        )
        if not sites:
            return None
        if len(sites) == 1 or match(sites[0]) in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
            return sites[0]
        if match(sites[0]) == MATCH_DEFAULT:
            return sites[len(sites) == 2]
        return None

    def root_paths(self) -> list[SiteRootPath]:
        """``Site.get_site_root_paths()``: each site's root page in every language."""
        paths = []
        for site in self.sites:
            root = site.root_page
            translations = [
                home for home in self.homes if home.translation_key == root.translation_key
            ] or [root]
            paths += [
                SiteRootPath(site.id, home.url_path, site.root_url, home.locale.language_code)
                for home in translations
            ]
        return paths

    def home(self, pk: int) -> Page | None:
        """A site's home page in any language (its root page or a translation of it)."""
        return self._homes_by_pk.get(pk)

    def translation_of(self, home: Page, language_code: str) -> Page | None:
        """The home page's translation in a language (any state), or None."""
        for candidate in self.homes:
            if (
                candidate.translation_key == home.translation_key
                and candidate.locale.language_code == language_code
            ):
                return candidate
        return None

    def settings_of(self, site: Site) -> dict[type[BaseSiteSetting], BaseSiteSetting]:
        """The site's saved settings by model (one not saved yet is missing)."""
        for candidate in self.sites:
            if candidate.pk == site.pk:
                break
        else:
            return {}
        found = {}
        for model, accessor in setting_accessors().items():
            setting = candidate._state.fields_cache.get(accessor)  # read with the site, or None
            if setting is not None:
                found[model] = setting
        return found


def site_directory() -> SiteDirectory:
    """The request's directory: read (or taken from the cache) once, rebuilt once."""
    memo = request_memo()
    if memo is not None and MEMO_KEY in memo:
        return memo[MEMO_KEY]
    directory = SiteDirectory(SITES.get_or_compute(compute=read_directory))
    if memo is not None:
        memo[MEMO_KEY] = directory
    return directory


class CurrentSiteMiddleware:
    """Gives the request its Wagtail site, with the specific home page, from the directory.

    Wagtail looks the site up by host name on every request, then routing loads the root
    page's specific model: two queries, and more for the root paths and the settings later.
    Here all of them come from the directory. A failing database is left to the view, whose
    failure DatabaseOutageMiddleware turns into a 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
            return self.get_response(request)  # the admin: Wagtail's own lookup is enough
        try:
            directory = site_directory()
        except DatabaseError:
            return self.get_response(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        try:
            port = int(request.get_port())
        except ValueError:
            port = None  # not a port number: no site matches it by port
        request._wagtail_site = directory.site_for(hostname, port)
        return self.get_response(request)
