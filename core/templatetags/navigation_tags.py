"""Site chrome: the section navigation and the breadcrumb."""

from django import template
from wagtail.models import Page, Site

from core.navigation import home_for, live_ancestors
from core.restrictions import CachedPublicPageQuerySet
from pagecache.registry import cached_value

register = template.Library()

NAVIGATION = cached_value("navigation")

SECTION_DEPTH = 3  # root, home page, section


@register.inclusion_tag("navigation/section_nav.html", takes_context=True)
def section_navigation(context):
    """The live sections of the current language's home page, in the editors' order."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    # Pages outside the tree (search, errors) get the site root in the reader's language.
    home = home_for(current, request)
    sections = menu_sections(home, request) if home else []
    return {
        "home": home,
        "current": current,
        "sections": sections,
        "current_section_path": current.path[: Page.steplen * SECTION_DEPTH]
        if isinstance(current, Page)
        else "",
        "site_name": site.site_name if site and site.site_name else None,
    }


def menu_sections(home, request) -> list[dict]:
    """The home page's menu sections, kept in the cache until the next content change.

    Every reader-facing page shows them; a new cache generation (pagecache/) starts whenever a
    page is published, unpublished, moved or deleted, which is whenever this list can change.
    The menu lists the home page's children that editors show in menus (its sections), of
    whatever page type.
    """

    def compute():
        return [
            {"title": section.title, "url": section.get_url(request), "path": section.path}
            for section in CachedPublicPageQuerySet(Page)
            .live()
            .public()
            .in_menu()
            .child_of(home)
            # Untranslated copies (aliases) of Arabic sections stay out of other menus.
            .filter(alias_of=None)
            # The editors' order is the tree's; without it PostgreSQL returns the rows as they
            # lie on disk, which an update or a restored copy reorders.
            .order_by("path")
        ]

    return NAVIGATION.get_or_compute(home.pk, compute=compute)


@register.inclusion_tag("navigation/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    """The page's ancestors below the site root, then the page itself."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    return {"ancestors": live_ancestors(page), "page": page}


@register.simple_tag(takes_context=True)
def section_of(context, article):
    """The section a listed article belongs to, from the listing's path map (no query)."""
    sections_by_path = context.get("sections_by_path") or {}
    return sections_by_path.get(article.path[: -Page.steplen])


@register.simple_tag(takes_context=True)
def section_url(context, section):
    """The section's URL, worked out once per request: every card of a listing links it."""
    request = context.get("request")
    if request is None:
        return section.get_url()
    urls = request.__dict__.setdefault("_section_urls", {})
    if section.pk not in urls:
        urls[section.pk] = section.get_url(request)
    return urls[section.pk]
