"""A page in the other languages: for the language switcher and the hreflang links.

A page's translations share its ``translation_key``. Only live pages of their own count:
an alias (a copy the synchronised tree keeps until someone translates the page) is the
Arabic text under another language's address, not a translation.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from articles.cards import RowLoader
from core.navigation import live_ancestors


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # the language's name in itself: readers look for their own language
    url: str
    is_current: bool
    is_translation: bool  # False: the link goes to that language's home page instead


def language_name(code: str) -> str:
    return get_language_info(code)["name_local"]


# What a page's address is made of (Page.get_url_parts), and what these functions read.
ADDRESS_FIELDS = ("id", "translation_key", "url_path", "locale__language_code")


def live_translations(*pages: Page) -> list[dict[str, Page]]:
    """For each page, its live, non-alias versions by language code, itself included.

    One query for all the pages together; the answer is kept on each page for the request.
    The versions are only linked to: they are read with what their addresses need
    (``Page.get_url_parts``), not their every field, which was half the cost of the query.
    """
    missing = [page for page in pages if not hasattr(page, "_live_translations")]
    if missing:
        keys = list(dict.fromkeys(page.translation_key for page in missing))
        by_key: dict = {key: {} for key in keys}
        for version in read_live_versions(keys):
            by_key[version.translation_key][version.locale.language_code] = version
        for page in missing:
            page._live_translations = by_key[page.translation_key]
    return [page._live_translations for page in pages]


def read_live_versions(keys: list) -> list[Page]:
    """The live, non-alias pages of these translation keys, with their locales.

    What ``Page.objects.filter(translation_key__in=keys, live=True, alias_of__isnull=True)
    .select_related("locale").only(*ADDRESS_FIELDS)`` reads, by a statement written by hand:
    every page drawn with nothing cached asks it (the language switcher, the hreflang links),
    and the ORM took longer to build and compile it than the database took to answer.
    tests/translations/test_alternates_query.py holds it to the ORM's answer.
    """
    if not keys:
        return []
    connection = connections[Page.objects.db]
    quote = connection.ops.quote_name
    # ADDRESS_FIELDS' fields of the page ("locale", its id, for "locale__language_code"), in
    # the model's order, which Model.from_db takes a subset of fields in.
    wanted = {name.split("__")[0] for name in ADDRESS_FIELDS}
    page_fields = [field for field in Page._meta.concrete_fields if field.name in wanted]
    locale_fields = [Locale._meta.pk, Locale._meta.get_field("language_code")]

    def page_column(name):
        return "p." + quote(Page._meta.get_field(name).column)

    sql = (
        "SELECT "  # noqa: S608 -- quoted model names
        + ", ".join(f"p.{quote(field.column)}" for field in page_fields)
        + ", "
        + ", ".join(f"l.{quote(field.column)}" for field in locale_fields)
        + f" FROM {quote(Page._meta.db_table)} p INNER JOIN {quote(Locale._meta.db_table)} l "
        f"ON l.{quote(Locale._meta.pk.column)} = {page_column('locale')} "
        f"WHERE {page_column('translation_key')} IN ({', '.join(['%s'] * len(keys))}) "
        f"AND {page_column('live')} = %s AND {page_column('alias_of')} IS NULL"
    )
    with connection.cursor() as cursor:
        key_field = Page._meta.get_field("translation_key")
        cursor.execute(sql, [*(key_field.get_db_prep_value(key, connection) for key in keys), True])
        rows = cursor.fetchall()
    pages = RowLoader(connection, Page, page_fields)
    locales = RowLoader(connection, Locale, locale_fields)
    width = len(page_fields)
    versions = []
    for row in rows:
        version = pages.load(row[:width])
        version._state.fields_cache["locale"] = locales.load(row[width:])
        versions.append(version)
    return versions


def _page_and_home_translations(site, page) -> tuple[dict[str, Page], dict[str, Page]]:
    """The page's and the site root's translations, fetched together (one query per request).

    The translations of the page's ancestors below the home page (its section) come in the
    same query: the language switcher links to them where the page itself is not translated
    (``nearest_translated_ancestor``). Views outside the page tree (search, errors) need
    none of these: they have the same path in every language (``language_versions``), so
    they cost no query here.
    """
    translations, homes = {}, {}
    if isinstance(page, Page) and site is not None:
        sections = [ancestor for ancestor in live_ancestors(page) if ancestor.depth > 2]
        translations, homes, *_sections = live_translations(page, site.root_page, *sections)
    elif isinstance(page, Page):
        (translations,) = live_translations(page)
    return translations, homes


# The note a reader finds at the top of the page the switcher sent them to instead of a
# translation that does not exist (templates/base.html; shown by CSS :target, no script).
NOT_TRANSLATED_ANCHOR = "#not-translated"


def nearest_translated_ancestor(page: Page, code: str) -> Page | None:
    """The closest ancestor below the home page (the section) with a ``code`` version."""
    ancestors = [ancestor for ancestor in live_ancestors(page) if ancestor.depth > 2]
    if not ancestors:
        return None
    for versions in reversed(live_translations(*ancestors)):
        if code in versions:
            return versions[code]
    return None


def language_versions(request, page: Page | None) -> list[LanguageVersion]:
    """One entry per site language, in the order of ``LANGUAGES``.

    Without a translation of the page, the link goes to that language's version of the
    page's section, else to its home page, and says so there (NOT_TRANSLATED_ANCHOR): never to
    an empty site, never to a dead end.
    """
    current = get_language()
    site = Site.find_for_request(request) if request else None
    translations, homes = _page_and_home_translations(site, page)
    versions = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif not isinstance(page, Page) and request is not None:
            # Views outside the page tree (search, errors) have the same path in every language.
            url = translate_url(request.get_full_path(), code)
        elif (section := nearest_translated_ancestor(page, code)) is not None:
            url = section.get_url(request) + NOT_TRANSLATED_ANCHOR
        elif code in homes:
            url = homes[code].get_url(request) + NOT_TRANSLATED_ANCHOR
        else:
            url = f"/{code}/"
        versions.append(
            LanguageVersion(
                code=code,
                name=language_name(code),
                url=url,
                is_current=code == current,
                is_translation=target is not None,
            )
        )
    return versions


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def alternates(request, page: Page | None) -> list[Alternate]:
    """``<link rel="alternate" hreflang>`` targets: every translation, then ``x-default``.

    ``x-default`` is the version in the site's default language (Arabic), or the first
    translation there is when the page has no Arabic version.
    """
    if request is None:
        return []
    if isinstance(page, Page):
        translations, _homes = _page_and_home_translations(Site.find_for_request(request), page)
        by_code = {
            code: translations[code].get_full_url(request)
            for code, _name in settings.LANGUAGES
            if code in translations
        }
    elif _is_named_view(request):
        by_code = {
            code: request.build_absolute_uri(translate_url(request.path, code))
            for code, _name in settings.LANGUAGES
        }
    else:
        return []
    if not by_code:
        return []
    links = [Alternate(hreflang=code, url=url) for code, url in by_code.items()]
    default = by_code.get(settings.LANGUAGE_CODE) or links[0].url
    links.append(Alternate(hreflang="x-default", url=default))
    return links


def _is_named_view(request) -> bool:
    """A Django view of its own (not Wagtail's page server, whose misses are 404s)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")
