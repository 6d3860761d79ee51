"""Site chrome: the breadcrumb (the menu: home/; a card's section: articles/card_display.py)."""

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
