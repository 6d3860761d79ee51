"""The home page's children that the menu and the footer list, read in one query.

The section menu (in every page's header and footer) lists the children editors show in menus,
the sections; the footer also lists the information pages marked for it. Both are the live,
public children of the home page in the reader's language, never an untranslated copy (an
alias), in the editors' order (the tree's). Each list had a query of its own on every page
where nothing is cached (DJANGO_CACHE=off, a new cache generation); here one query reads both,
kept for the generation (``home-children`` in pagecache/registry.py): a page published,
moved or restricted starts a new one, which is whenever either list can change.
"""

from django.db.models import BooleanField, Q, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from core.restrictions import CachedPublicPageQuerySet
from pagecache.registry import cached_value

HOME_CHILDREN = cached_value("home-children")


def home_children(home, request) -> list[dict]:
    """Title, URL, tree path and where each is listed, for the menu's and the footer's children."""

    def compute():
        children = (
            CachedPublicPageQuerySet(Page)
            .live()
            .public()
            .child_of(home)
            .filter(alias_of=None)
            .filter(Q(show_in_menus=True) | Q(informationpage__show_in_footer=True))
            .annotate(
                in_footer=Coalesce(
                    "informationpage__show_in_footer", Value(False), output_field=BooleanField()
                )
            )
            # Without an order PostgreSQL returns the rows as they lie on disk, which an update
            # or a restored copy reorders.
            .order_by("path")
        )
        return [
            {
                "title": child.title,
                "url": child.get_url(request),
                "path": child.path,
                "in_menu": child.show_in_menus,
                "in_footer": child.in_footer,
            }
            for child in children
        ]

    return HOME_CHILDREN.get_or_compute(home.pk, compute=compute)


def menu_sections(home, request) -> list[dict]:
    """The menu: the children editors show in menus (of whatever page type)."""
    return [
        {"title": child["title"], "url": child["url"], "path": child["path"]}
        for child in home_children(home, request)
        if child["in_menu"]
    ]


def footer_information_pages(home, request) -> list[dict]:
    """The information pages marked for the footer."""
    return [
        {"title": child["title"], "url": child["url"]}
        for child in home_children(home, request)
        if child["in_footer"]
    ]
