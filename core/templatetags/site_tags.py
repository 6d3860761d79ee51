"""Site-wide head: the canonical URL and addresses on the site's public host."""

from django import template
from wagtail.models import Page, Site

from core.images import with_renditions
from core.page_meta import page_meta_html

register = template.Library()

# ``{% image page.lead_image|with_renditions … %}``: every rendition of the image in one query
# the first time, for all the sizes the page draws of it (core/images.py).
register.filter("with_renditions", with_renditions)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address: archives and later listing pages keep their own."""
    request = context.get("request")
    explicit = context.get("canonical_url")
    page = context.get("page")
    if explicit:
        url = explicit
    elif isinstance(page, Page):
        url = page.get_full_url(request)
    else:
        return request.build_absolute_uri(request.path) if request else ""
    listing = context.get("articles")
    number = getattr(listing, "number", 1)
    return f"{url}?page={number}" if number > 1 else url


@register.simple_tag(takes_context=True)
def page_meta(context, meta_title=None, meta_description=None):
    """``{% page_meta %}``: the canonical link and social metadata (core/page_meta.py).

    ``meta_title`` and ``meta_description`` replace the page's own where given.
    """
    request = context.get("request")
    return page_meta_html(
        page=context.get("page"),
        canonical=canonical_url(context),
        site=Site.find_for_request(request) if request else None,
        absolute_url=lambda url: site_absolute_url(request, url),
        language_code=context.get("LANGUAGE_CODE"),
        section=context.get("section"),
        meta_title=context.get("meta_title") if meta_title is None else meta_title,
        meta_description=(
            context.get("meta_description") if meta_description is None else meta_description
        ),
    )


def site_absolute_url(request, url: str) -> str:
    site = Site.find_for_request(request) if request else None
    if site is None:
        return request.build_absolute_uri(url) if request else url
    return site.root_url + url
