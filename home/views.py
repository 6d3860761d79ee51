"""Site-wide files that live outside the page tree: robots.txt, the sitemap, uploads."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.http import http_date
from django.views.decorators.http import require_GET
from django.views.static import serve

from home.sitemaps import TranslatedPagesSitemap

SITEMAP_SECTION = "pages"


def sitemaps_for(request):
    return {SITEMAP_SECTION: TranslatedPagesSitemap(request)}


@require_GET
@sitemap_views.x_robots_tag
def sitemap_index(request):
    """The sitemap's pages, each with the site's last publication.

    The index has one entry per thousand pages of the site; Django's own index view formats
    the same date again for every entry and then strips the whitespace of the whole document,
    which costs more than the database does. Here the date is formatted once.
    """
    sitemap = TranslatedPagesSitemap(request)
    first_page = "{}://{}{}".format(
        request.scheme,
        get_current_site(request).domain,
        reverse("sitemap_section", kwargs={"section": SITEMAP_SECTION}),
    )
    pages = range(2, sitemap.paginator.num_pages + 1)
    lastmod = sitemap.get_latest_lastmod()
    return TemplateResponse(
        request,
        "sitemaps/index.xml",
        {
            "locations": [first_page, *(f"{first_page}?p={number}" for number in pages)],
            "lastmod": dateformat.format(timezone.localtime(lastmod), "c") if lastmod else "",
        },
        content_type="application/xml",
        headers={"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None,
    )


@require_GET
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps_for(request), section=section)


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
