"""``{% fragment "name" extra ... %}…{% endfragment %}``: a piece of a page kept in the cache.

Most of a page is the same for every reader and changes only when content is published, a
comment approved or a setting edited, all of which start a new cache generation (see
pagecache/store.py). Rendering those pieces (the article, its comments, the navigation) is
most of a page's cost, so each is rendered once per generation and reused, even where the
whole page cannot be cached: signed-in readers, pages with campaign parameters, or a site
running with the page cache off. What stays outside a fragment is what differs per request:
the comment form's ticket, the editor's user bar, a notice about the reader's own comment.

A fragment's key holds the generation, the interface language, the host, the path and the
query parameters that select content (``page`` and ``comments_page``, only once the page has
shown the page number asked for: pagecache/middleware.py), plus the tag's own
arguments, the first of which names the page (``page.pk``). Campaign identifiers (``utm_*``,
``fbclid``…) are ignored. Requests with any other query parameter, previews, and pages outside
the page tree (no first argument: error pages) render afresh. Fragments go through
pagecache/generational.py, so a process that has one serves it from its own memory. Each
fragment's name is listed in pagecache/registry.py (``fragment:<name>``); an unlisted name is
an error.
"""

import hashlib

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from pagecache import store
from pagecache.middleware import page_numbers_settled
from pagecache.registry import cached_fragment

register = template.Library()

KEYED_QUERY_PARAMETERS = ("page", "comments_page")


def fragment_key(request, name: str, extra: list) -> str | None:
    """The cache key of a fragment for this request, or None when it must not be cached."""
    entry = cached_fragment(name)
    if not settings.FRAGMENT_CACHE_ENABLED or request is None or not extra or not extra[0]:
        return None  # the first argument names the page: none (an error page), no caching
    query = store.content_query(request, KEYED_QUERY_PARAMETERS)
    if getattr(request, "is_preview", False) or query is None:
        return None
    if not page_numbers_settled(request):
        return None  # a made-up page number: drawn afresh, never a new entry
    parts = [
        get_language() or "",
        request.get_host(),
        request.path,
        *query,
        *(str(value) for value in extra),
    ]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()
    return entry.key(digest)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, extra):
        self.nodelist = nodelist
        self.name = name
        self.extra = extra

    def render(self, context):
        name = self.name.resolve(context)
        key = fragment_key(
            context.get("request"), name, [value.resolve(context) for value in self.extra]
        )
        if key is None:
            return self.nodelist.render(context)
        entry = cached_fragment(name)
        html = entry.read(key)
        if html is None:
            html = self.nodelist.render(context)
            entry.write(key, str(html))
        return mark_safe(html)  # noqa: S308 -- a template's own (autoescaped) output


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
