"""pagecache/middleware.py gives Wagtail its cached site as ``request._wagtail_site``."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_wagtail_takes_the_site_from_the_request_without_a_query(django_assert_num_queries):
    request = RequestFactory().get("/ar/")
    site = Site(hostname="cached.example", port=80)
    request._wagtail_site = site
    with django_assert_num_queries(0):
        found = Site.find_for_request(request)
    assert found is site, (
        "Wagtail no longer reads request._wagtail_site: the cached site lookup in "
        "pagecache/middleware.py is ignored (docs/upgrading.md)"
    )
