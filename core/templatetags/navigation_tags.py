"""Site chrome: the breadcrumb and the section of a listed article (the menu: home/)."""

from django import template
from wagtail.models import Page

from core.navigation import live_ancestors

register = template.Library()


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
