"""Issue 13, item 2: a Redis restarted from saved data never serves pages of an older generation.

A real Redis with saved data: an article is cached, Redis saves and goes down, the article is
unpublished (or restricted) while it is down, and Redis comes back with its old data, the
cached page and the old generation among them.
"""

import time

import pytest
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from pagecache.store import GENERATION_KEY
from tests.pagecache.redis_server import PersistentRedis

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.skipif(not PersistentRedis.available, reason="needs redis-server"),
]


@pytest.fixture
def redis_cache(settings, tmp_path, monkeypatch):
    server = PersistentRedis(tmp_path)
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "akhbar-test",
        },
    }
    settings.CACHE_IS_SHARED = True
    settings.PAGE_CACHE_ENABLED = True
    # After a failure the backend leaves Redis alone for a while (config/cache.py): shortened.
    monkeypatch.setattr("config.cache.RETRY_AFTER_SECONDS", RETRY_AFTER_SECONDS)
    yield server
    server.stop()


RETRY_AFTER_SECONDS = 0.5


def restart_with_saved_data(server: PersistentRedis, change) -> None:
    server.save()
    server.stop()
    change()  # while Redis is down: the new generation cannot be written there
    server.start()  # and back, from the data saved before the change
    time.sleep(RETRY_AFTER_SECONDS)  # the backend tries Redis again
    assert caches["default"].get(GENERATION_KEY) is not None  # the old generation is back


def test_an_article_unpublished_while_redis_was_down_is_not_served_again(
    client, demo_site, redis_cache
):
    article = demo_site["article"]
    url = article.url
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"

    restart_with_saved_data(redis_cache, article.unpublish)

    response = client.get(url)
    assert response.status_code == 404
    assert response.get("X-Page-Cache") != "hit"
    assert article.title not in client.get(demo_site["politics"].url).content.decode()


def test_a_restriction_added_while_redis_was_down_holds_after_it_returns(
    client, demo_site, redis_cache
):
    article = demo_site["article"]
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    def restrict():
        PageViewRestriction.objects.create(page=article, restriction_type="login")

    restart_with_saved_data(redis_cache, restrict)

    response = client.get(article.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_generation_in_redis_is_only_ever_raised(redis_cache):
    backend = caches["default"]
    backend.raise_to("counter", 700)
    backend.raise_to("counter", 600)  # a slower process, writing what it read earlier
    assert backend.get("counter") == 700
    backend.raise_to("counter", 800)
    assert backend.get("counter") == 800
