"""Site-wide files that live outside the page tree: robots.txt, the sitemap, uploads."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.static import serve

from home.sitemaps import TranslatedPagesSitemap


def sitemaps_for(request):
    return {"pages": TranslatedPagesSitemap(request)}


@require_GET
def sitemap_index(request):
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap_section")


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
