"""Links from an article to its archives, and the plain share links under it."""

import json
from urllib.parse import quote, urlencode

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles import readership
from articles.card_display import Wording, byline_html
from articles.structured_data import news_article
from core.archives import archive_url
from core.navigation import home_for, section_url, url_in_section
from core.page_meta import social_rendition
from core.page_urls import url_below
from core.templatetags.site_tags import site_absolute_url
from pagecache.registry import cached_value

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a headline would end or bend the element: these three
# characters are written as JSON escapes, as Django's json_script does (whose table is private).
SCRIPT_SAFE_JSON = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def _archive_url(context, route, slug):
    request = context.get("request")
    home = home_for(context.get("page"), request)
    return archive_url(home, route, slug, request) if home else ""


@register.simple_tag(takes_context=True)
def author_url(context, author):
    return _archive_url(context, "author", author.slug)


@register.simple_tag(takes_context=True)
def byline_authors(context, authors):
    """The byline: "By" and the authors, linked to their archives, as a card draws it."""
    return byline_html(authors, Wording.current(), lambda author: author_url(context, author))


@register.simple_tag(takes_context=True)
def tag_url(context, tag):
    return _archive_url(context, "tag", tag.slug)


@register.simple_tag(takes_context=True)
def listed_section_url(context, section):
    """``{% pageurl section %}``, worked out once per request for every link to the section."""
    return section_url(section, context.get("request"))


@register.simple_tag(takes_context=True)
def listed_article_url(context, article, section):
    """``{% pageurl article %}`` for an article listed in ``section``, as its card links it.

    The front page's section boxes link a dozen headlines; Wagtail's ``pageurl`` looked up
    each one's site and language home again (docs/performance.md: the front page's links).
    """
    return url_in_section(article, section, context.get("request"))


SHARE_TARGETS = [
    (
        "x",
        _("Share on X"),
        "https://x.com/intent/post?{}",
        lambda url, title: {"url": url, "text": title},
    ),
    (
        "facebook",
        _("Share on Facebook"),
        "https://www.facebook.com/sharer/sharer.php?{}",
        lambda url, title: {"u": url},
    ),
    (
        "whatsapp",
        _("Share on WhatsApp"),
        "https://wa.me/?{}",
        lambda url, title: {"text": f"{title} {url}"},
    ),
    (
        "telegram",
        _("Share on Telegram"),
        "https://t.me/share/url?{}",
        lambda url, title: {"url": url, "text": title},
    ),
]


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    """Plain links to each network's share form: no script, nothing loaded until clicked."""
    url = page.get_full_url(context.get("request"))
    title = page.title
    links = [
        {"network": network, "label": label, "href": pattern.format(urlencode(params(url, title)))}
        for network, label, pattern, params in SHARE_TARGETS
    ]
    links.append(
        {
            "network": "email",
            "label": _("Share by email"),
            "href": f"mailto:?subject={quote(title)}&body={quote(url)}",
        }
    )
    return {"links": links}


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """A JSON-LD block: data, not script, so the Content-Security-Policy does not apply."""
    request = context["request"]
    image_url = None
    if article.lead_image:
        # The picture the head's og:image gives (core/page_meta.py), its rendition made once.
        rendition = social_rendition(article.lead_image)
        image_url = site_absolute_url(request, rendition.url)
    data = json.dumps(news_article(article, request, image_url), ensure_ascii=False)
    escaped = data.translate(SCRIPT_SAFE_JSON)
    # JSON with <, > and & escaped cannot close the element; ensure_ascii=False keeps Arabic small.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(escaped),  # noqa: S308 -- SCRIPT_SAFE_JSON escaped the markup characters
    )


MOST_READ = cached_value("most-read")


@register.simple_tag(takes_context=True)
def most_read(context):
    """The reader's language's most read articles of the last two days, as plain values.

    Counted afresh every few minutes (readership.MOST_READ_CACHE_SECONDS) and after every
    publication; an empty list until readers have opened articles.
    """
    request = context.get("request")
    home = home_for(context.get("page"), request)
    if home is None:
        return []

    def compute():
        rows = readership.most_read_articles(home)
        # Every one is below the home page: its URL is the home page's and the rest of its
        # path (core/page_urls.py), as the menu's are (home/chrome.py).
        home_url = home.get_url(request) if rows else None
        if home_url is None:
            return []  # nothing read yet, or a home page with no URL to link below
        return [
            {"title": title, "url": url_below(home_url, home.url_path, url_path), "views": views}
            for _pk, title, url_path, views in rows
        ]

    window = readership.most_read_cache_window()
    return MOST_READ.get_or_compute(home.pk, window, compute=compute)
