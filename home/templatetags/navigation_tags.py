"""Site chrome: the section navigation and the breadcrumb."""

from django import template
from wagtail.models import Page, Site

from home.navigation import live_ancestors

register = template.Library()

SECTION_DEPTH = 3  # root, home page, section


@register.inclusion_tag("navigation/section_nav.html", takes_context=True)
def section_navigation(context):
    """The live sections of the current language's home page, in the editors' order."""
    from articles.models import SectionPage

    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    if isinstance(current, Page) and current.depth >= 2:
        home = current if current.depth == 2 else live_ancestors(current)[0]
    elif site is not None:
        # Pages outside the tree (search, errors): the site root in the reader's language.
        home = site.root_page.localized
    else:
        home = None
    sections = (
        # Untranslated copies (aliases) of Arabic sections stay out of other languages' menus.
        list(SectionPage.objects.live().public().in_menu().child_of(home).filter(alias_of=None))
        if home
        else []
    )
    return {
        "home": home,
        "sections": sections,
        "current_section_path": current.path[: Page.steplen * SECTION_DEPTH]
        if isinstance(current, Page)
        else "",
        "site_name": site.site_name if site and site.site_name else None,
    }


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
