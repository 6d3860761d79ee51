from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.views import count_article_view
from core import views as site_views
from operations import views as operations_views

# A database outage is a 503 on every URL, even when it strikes outside a view (core/outage.py).
handler500 = "core.outage.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("metrics", operations_views.metrics, name="metrics"),
    path("views/", count_article_view, name="article_view"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", site_views.sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", site_views.sitemap_section, name="sitemap_section"),
]

if settings.SERVE_MEDIA:
    # django.conf.urls.static.static() serves nothing when DEBUG is off, so the route is explicit.
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", site_views.serve_media)
    )

# Reader-facing pages carry the language in the path (/ar/…, /fr/…, /en/…); a bare "/"
# redirects by the reader's language cookie or Accept-Language, defaulting to Arabic.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),  # article search (issue 7)
    path("comments/", include("comments.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
