"""Site-wide head and chrome: canonical URL, social metadata and the breaking-news strip."""

import time

from django import template
from wagtail.models import Page, Site

from home.navigation import home_for
from pagecache import generational

register = template.Library()

BREAKING_NEWS_CACHE_SECONDS = 60


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
def absolute_url(context, url):
    """``url`` on the site's public address, as canonical URLs are (not the request's host)."""
    return site_absolute_url(context.get("request"), url)


def site_absolute_url(request, url: str) -> str:
    site = Site.find_for_request(request) if request else None
    if site is None:
        return request.build_absolute_uri(url) if request else url
    return site.root_url + url


@register.inclusion_tag("components/breaking_news.html", takes_context=True)
def breaking_news(context):
    """The newest recent breaking article in the reader's tree, if there is one."""
    from articles.models import ArticlePage

    home = home_for(context.get("page"), context.get("request"))
    if home is None:
        return {}
    # Shown on every page: kept in the cache until the next content change (pagecache/), and
    # for at most a minute, since an item also leaves the strip when it grows old: the key
    # names the minute, so the strip is looked for afresh each minute.
    minute = int(time.time() // BREAKING_NEWS_CACHE_SECONDS)
    article = generational.get_or_compute(
        "breaking-news",
        home.pk,
        minute,
        compute=lambda: ArticlePage.objects.breaking_now().descendant_of(home).first(),
    )
    return {"article": article}
