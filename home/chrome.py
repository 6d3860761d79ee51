"""What every page's chrome lists from the home page's tree, read in one query.

The section menu (in the header and the footer) lists the home page's children that editors
show in menus, the sections; the footer also lists the information pages marked for it; the
breaking-news strip shows the newest breaking article while it is recent. Menu and footer take
the live, public children of the home page in the reader's language, never an untranslated
copy (an alias), in the editors' order (the tree's). Each list had a query of its own on every
page where nothing is cached (DJANGO_CACHE=off, a new cache generation); here one query reads
them all, kept for the generation (``site-chrome`` in pagecache/registry.py): a page published,
moved or restricted starts a new one, which is whenever any of them can change. The strip also
leaves without a change, when its article is no longer recent: the kept value says until when
it holds, and is read afresh from then on.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.db import connections
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from core.page_urls import url_below
from core.restrictions import restricted_paths
from core.tree_sql import below, children_of
from home.models import InformationPage
from pagecache.registry import cached_value

SITE_CHROME = cached_value("site-chrome")


def site_chrome(home, request) -> dict:
    """``children`` (title, URL, tree path, where listed), ``breaking`` (pk, title, URL,
    publication date, or None) and ``until`` (when the strip stops holding, or None)."""

    def compute():
        rows = chrome_rows(home)
        children, breaking = [], None
        # Every row is below the home page: its URL is the home page's and the rest of its
        # path (core/page_urls.py), not a page object and Wagtail's get_url for each.
        home_url = home.get_url(request) if rows else None
        for pk, title, url_path, path, in_menu, in_footer, breaking_date in rows:
            url = url_below(home_url, home.url_path, url_path) if home_url else None
            entry = {"title": title, "url": url, "path": path}
            if breaking_date is None:
                children.append({**entry, "in_menu": in_menu, "in_footer": in_footer})
            else:
                breaking = {**entry, "pk": pk, "publication_date": breaking_date}
        until = None
        if breaking is not None:
            recent_for = timedelta(hours=settings.BREAKING_NEWS_HOURS)
            until = (breaking["publication_date"] + recent_for).timestamp()
        return {"children": children, "breaking": breaking, "until": until}

    return SITE_CHROME.get_or_compute(
        home.pk,
        compute=compute,
        still_good=lambda kept: kept["until"] is None or time.time() < kept["until"],
    )


def menu_sections(home, request) -> list[dict]:
    """The menu: the children editors show in menus (of whatever page type)."""
    return [
        {"title": child["title"], "url": child["url"], "path": child["path"]}
        for child in site_chrome(home, request)["children"]
        if child["in_menu"]
    ]


def footer_information_pages(home, request) -> list[dict]:
    """The information pages marked for the footer."""
    return [
        {"title": child["title"], "url": child["url"]}
        for child in site_chrome(home, request)["children"]
        if child["in_footer"]
    ]


def breaking_article(home, request) -> dict | None:
    """The newest breaking article while it is recent: pk, title, URL and publication date."""
    return site_chrome(home, request)["breaking"]


def chrome_rows(home) -> list[tuple]:
    """(pk, title, url_path, path, in menu, in footer, breaking date or None), by tree path.

    One statement in three parts, each read from its own small table or index: the home page's
    sections and information pages, the only children it takes (``HomePage.subpage_types``;
    never the page table's whole tree under the home page,
    100,000 articles on a large site) and the newest breaking article (by its date index).
    Written by hand, from the models' own table and column names: the ORM took four times
    longer to build and compile the same UNION than the database took to answer it, on every
    page drawn with nothing cached. tests/home/test_chrome.py holds it to the ORM's answer.
    """
    connection = connections[Page.objects.db]
    quote = connection.ops.quote_name

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    def table(model):
        return quote(model._meta.db_table)

    page, pk = table(Page), quote(Page._meta.pk.column)
    path, depth = column(Page, "path"), column(Page, "depth")
    common = (
        f"SELECT p.{pk}, p.{column(Page, 'title')}, p.{column(Page, 'url_path')}, p.{path}, "
        f"p.{column(Page, 'show_in_menus')}"
    )
    is_live = f"p.{column(Page, 'live')} = %s"
    live = f"{is_live} AND {below(home, f'p.{path}')}"
    live_params = [True]
    public, public_params = "", []
    for restricted in restricted_paths():
        public += f" AND p.{path} NOT LIKE %s"
        public_params.append(restricted + "%")
    child = (
        f"{is_live} AND {children_of(home, f'p.{path}', f'p.{depth}')} "
        f"AND p.{column(Page, 'alias_of')} IS NULL{public}"
    )
    child_params = [*live_params, *public_params]

    def own(model, alias):
        own_pk = quote(model._meta.pk.column)
        return f"{table(model)} {alias} INNER JOIN {page} p ON p.{pk} = {alias}.{own_pk}"

    in_menu = f"p.{column(Page, 'show_in_menus')} = %s"
    in_footer = f"i.{column(InformationPage, 'show_in_footer')}"
    date = f"a.{column(ArticlePage, 'publication_date')}"
    since = timezone.now() - timedelta(hours=settings.BREAKING_NEWS_HOURS)
    date_field = ArticlePage._meta.get_field("publication_date")
    # Typed: PostgreSQL reads an untyped NULL in a UNION's first parts as text.
    no_date = f"CAST(NULL AS {date_field.db_type(connection)})"
    sql = (
        f"SELECT * FROM ({common}, %s AS in_footer, {no_date} AS breaking_date "  # noqa: S608 -- quoted model names
        f"FROM {own(SectionPage, 's')} WHERE {child} AND {in_menu} "
        f"UNION ALL {common}, {in_footer}, {no_date} FROM {own(InformationPage, 'i')} "
        f"WHERE {child} AND ({in_menu} OR {in_footer} = %s) "
        f"UNION ALL SELECT * FROM ({common}, %s, {date} FROM {own(ArticlePage, 'a')} "
        f"WHERE {live} AND p.{depth} > {int(home.depth)}{public} "
        f"AND a.{column(ArticlePage, 'breaking_news')} = %s AND {date} >= %s "
        f"ORDER BY {date} DESC, a.{quote(ArticlePage._meta.pk.column)} DESC LIMIT 1) breaking"
        f") chrome ORDER BY {path}"
    )
    params = [
        False,
        *child_params,
        True,
        *child_params,
        True,
        True,
        False,
        *live_params,
        *public_params,
        True,
        date_field.get_db_prep_value(since, connection),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    column_of_date = date_field.get_col(ArticlePage._meta.db_table)
    converters = connection.ops.get_db_converters(
        column_of_date
    ) + column_of_date.get_db_converters(connection)
    result = []
    for row_pk, title, url_path, row_path, menu, footer, breaking_date in rows:
        for converter in converters if breaking_date is not None else ():
            breaking_date = converter(breaking_date, column_of_date, connection)
        result.append((row_pk, title, url_path, row_path, bool(menu), bool(footer), breaking_date))
    return result
