"""pagecache/middleware.py keys the cached site by Django's private ``request._get_raw_host()``.

Wagtail looks the site up by the same raw host (Site.find_for_request), so the cache key and
Wagtail's own lookup agree, and a host outside ALLOWED_HOSTS is not an error at that point.
"""

from django.test import RequestFactory


def test_the_raw_host_is_the_host_header_unvalidated():
    request = RequestFactory().get("/ar/", HTTP_HOST="not-allowed.example:8443")
    assert request._get_raw_host() == "not-allowed.example:8443", (
        "Django's _get_raw_host changed: revisit CurrentSiteMiddleware "
        "(core/site_directory.py, docs/upgrading.md)"
    )
    assert request.get_port() == "80"
