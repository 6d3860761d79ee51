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
from django.db.models import BooleanField, F, Q, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from articles.models import ArticlePage
from core.restrictions import CachedPublicPageQuerySet, private_pages
from pagecache.registry import cached_value

SITE_CHROME = cached_value("site-chrome")


def site_chrome(home, request) -> dict:
    """``children`` (title, URL, tree path, where listed), ``breaking`` (pk, title, URL,
    publication date, or None) and ``until`` (when the strip stops holding, or None)."""

    def compute():
        newest_breaking = ArticlePage.objects.breaking_now().descendant_of(home).values("pk")[:1]
        listed_child = (
            Page.objects.child_of_q(home)
            & Q(alias_of=None)
            & (Q(show_in_menus=True) | Q(informationpage__show_in_footer=True))
        )
        private = private_pages()
        if private is not None:
            listed_child &= ~private
        rows = (
            CachedPublicPageQuerySet(Page)
            .live()
            .filter(listed_child | Q(pk__in=newest_breaking))
            .annotate(
                in_footer=Coalesce(
                    "informationpage__show_in_footer", Value(False), output_field=BooleanField()
                ),
                breaking_date=F("articlepage__publication_date"),
            )
            # Without an order PostgreSQL returns the rows as they lie on disk, which an update
            # or a restored copy reorders.
            .order_by("path")
        )
        children, breaking = [], None
        for row in rows:
            entry = {"title": row.title, "url": row.get_url(request), "path": row.path}
            if row.depth == home.depth + 1:
                children.append({**entry, "in_menu": row.show_in_menus, "in_footer": row.in_footer})
            else:
                breaking = {**entry, "pk": row.pk, "publication_date": row.breaking_date}
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
