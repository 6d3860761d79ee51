"""A CDN in front of the site is told to forget the article, its section and the home page."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tests.factories import make_article

PURGED = []


class RecordingBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        PURGED.append(url)


@pytest.mark.django_db
def test_publishing_purges_the_article_and_the_listings_that_show_it(demo_site, settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    section, home = demo_site["politics"], demo_site["home"]

    article = make_article(section, title="خبر يطهر من الشبكة")

    assert article.full_url in PURGED
    assert section.full_url in PURGED
    assert home.full_url in PURGED
    assert home.full_url + "feed/" in PURGED
    assert section.full_url + "feed/" in PURGED


@pytest.mark.django_db
def test_nothing_is_purged_without_a_frontend_cache(demo_site, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    make_article(demo_site["politics"])
    assert PURGED == []
