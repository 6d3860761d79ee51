"""Site-wide files that live outside the page tree: robots.txt, the sitemap, uploads."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import escape, format_html
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.static import serve

from core.sitemaps import TranslatedPagesSitemap, urlset_entries
from pagecache import keys
from pagecache.middleware import mark_public, note_page_shown

SITEMAP_SECTION = "pages"


@require_GET
@sitemap_views.x_robots_tag
def sitemap_index(request):
    """The sitemap's pages, each with the site's last publication.

    The index has one entry per thousand pages of the site, all alike but for the page number:
    they are written in one pass here, where Django's index view formats the same date again
    for each entry and then strips the white space of the whole document. It is public, kept
    by the caches under the ``sitemap`` key, which every publication touches.
    """
    keys.shows(keys.SITEMAP_INDEX)
    sitemap = TranslatedPagesSitemap(request)
    first_page = "{}://{}{}".format(
        request.scheme,
        get_current_site(request).domain,
        reverse("sitemap_section", kwargs={"section": SITEMAP_SECTION}),
    )
    lastmod = sitemap.get_latest_lastmod()
    lastmod_element = (
        format_html("<lastmod>{}</lastmod>", dateformat.format(timezone.localtime(lastmod), "c"))
        if lastmod
        else ""
    )
    locations = [escape(first_page)] + [
        escape(f"{first_page}?p={number}") for number in range(2, sitemap.paginator.num_pages + 1)
    ]
    entries = mark_safe(  # noqa: S308 -- every part is escaped above
        "\n".join(
            f"<sitemap><loc>{location}</loc>{lastmod_element}</sitemap>" for location in locations
        )
    )
    response = TemplateResponse(
        request,
        "sitemaps/index.xml",
        {"entries": entries},
        content_type="application/xml",
        headers={"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None,
    )
    return mark_public(response)


@require_GET
@sitemap_views.x_robots_tag
def sitemap_section(request, section):
    """One page of the sitemap (``?p=``): up to a thousand addresses, written in one pass.

    Public, and kept by the caches under ``sitemap:<n>``, which the publication of a page it
    lists touches (core/sitemaps.py: sitemap_keys).
    """
    if section != SITEMAP_SECTION:
        raise Http404
    sitemap = TranslatedPagesSitemap(request)
    try:
        urls = sitemap.get_urls(
            page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    number = int(request.GET.get("p", 1))  # get_urls accepted it
    keys.shows(keys.sitemap(number))
    note_page_shown(request, "p", number)
    lastmod = getattr(sitemap, "latest_lastmod", None)
    response = TemplateResponse(
        request,
        "sitemaps/page.xml",
        {"entries": mark_safe(urlset_entries(urls))},  # noqa: S308 -- urlset_entries escapes
        content_type="application/xml",
        headers={"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None,
    )
    return mark_public(response)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_media(request, path):
    """Uploads through Django (DJANGO_SERVE_MEDIA), from MEDIA_ROOT as it is at request time."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
