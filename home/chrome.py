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
from django.db.models import DateTimeField, F, Q, Value
from django.db.models.functions import Cast
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from core.restrictions import private_pages
from home.models import InformationPage
from pagecache.registry import cached_value

SITE_CHROME = cached_value("site-chrome")


def site_chrome(home, request) -> dict:
    """``children`` (title, URL, tree path, where listed), ``breaking`` (pk, title, URL,
    publication date, or None) and ``until`` (when the strip stops holding, or None)."""

    def compute():
        rows = chrome_rows(home)
        children, breaking = [], None
        for pk, title, url_path, path, in_menu, in_footer, breaking_date in rows:
            url = Page(pk=pk, url_path=url_path).get_url(request)  # the URL needs no more
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


COLUMNS = ("pk", "title", "url_path", "path", "show_in_menus", "in_footer", "breaking_date")


def chrome_rows(home):
    """One statement, three parts each read from its own small table or index: the home page's
    sections and information pages (never the page table's whole tree under the home page,
    100,000 articles on a large site), and the newest breaking article (by its date index)."""
    private = private_pages()
    # Typed in the SQL: PostgreSQL cannot tell a bare NULL parameter's type across a UNION.
    no_date = Cast(Value(None), output_field=DateTimeField())

    def listed_children(model, condition, in_footer):
        children = (
            model.objects.live()
            .child_of(home)
            .filter(condition, alias_of=None)
            .annotate(in_footer=in_footer, breaking_date=no_date)
        )
        if private is not None:
            children = children.exclude(private)
        return children.order_by().values_list(*COLUMNS)

    sections = listed_children(SectionPage, Q(show_in_menus=True), Value(False))
    information = listed_children(
        InformationPage, Q(show_in_menus=True) | Q(show_in_footer=True), F("show_in_footer")
    )
    newest_breaking = ArticlePage.objects.breaking_now().descendant_of(home).values("pk")[:1]
    breaking = (
        ArticlePage.objects.filter(pk__in=newest_breaking)
        .annotate(in_footer=Value(False), breaking_date=F("publication_date"))
        .order_by()
        .values_list(*COLUMNS)
    )
    # The editors' order, the tree's; without one PostgreSQL returns the rows as they lie on
    # disk, which an update or a restored copy reorders.
    return sections.union(information, breaking, all=True).order_by("path")
