"""The cache generation lives in the database and never goes backwards."""

import pytest
from django.core.cache import cache

from pagecache.models import CacheGeneration
from pagecache.store import (
    GENERATION_KEY,
    KEYED_CHANGES_KEY,
    current_generation,
    new_generation,
    raise_shared_copy,
    request_scope,
)
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def recorded() -> int:
    return CacheGeneration.objects.get(pk=1).number


def recorded_keyed_changes() -> int:
    return CacheGeneration.objects.get(pk=1).keyed_changes


def test_a_publication_is_recorded_with_it_and_renews_only_its_keys(demo_site):
    before, keyed_before = recorded(), recorded_keyed_changes()
    article = make_article(demo_site["politics"], title="خبر يرفع الجيل")
    assert recorded() == before  # the rest of the site stays warm
    after_publish = recorded_keyed_changes()
    assert after_publish > keyed_before
    article.unpublish()
    assert recorded_keyed_changes() > after_publish
    assert recorded() == before
    assert current_generation() == str(recorded())


def test_a_section_publication_raises_the_recorded_generation(demo_site):
    before = recorded()
    demo_site["politics"].save_revision().publish()
    assert recorded() > before


def test_keyed_changes_lost_by_the_shared_cache_renew_the_whole_site(demo_site):
    make_article(demo_site["politics"], title="خبر يرفع الجيل")
    before = recorded()
    cache.set(KEYED_CHANGES_KEY, 1, None)  # Redis restarted from older saved data
    cache.delete(GENERATION_KEY)
    with request_scope():
        generation = current_generation()
    assert recorded() > before
    assert generation == str(recorded())
    with request_scope():  # recorded again: the next requests need no renewal
        assert current_generation() == generation


def test_a_view_restriction_raises_it_too(demo_site):
    from wagtail.models import PageViewRestriction

    before = recorded()
    PageViewRestriction.objects.create(
        page=demo_site["politics"], restriction_type=PageViewRestriction.LOGIN
    )
    assert recorded() > before


def test_a_missing_or_older_copy_is_replaced_by_the_recorded_number():
    new_generation()
    truth = recorded()
    cache.delete(GENERATION_KEY)  # a cache emptied, or restarted without its data
    with request_scope():
        assert current_generation() == str(truth)
    assert cache.get(GENERATION_KEY) == truth
    cache.set(GENERATION_KEY, "a1b2c3d4e5f6", None)  # not a number: not ours
    with request_scope():
        assert current_generation() == str(truth)


def test_the_shared_copy_is_never_lowered():
    raise_shared_copy(500)
    raise_shared_copy(400)
    assert cache.get(GENERATION_KEY) == 500


def test_the_number_grows_even_if_the_record_was_lost():
    first = int(new_generation())
    CacheGeneration.objects.all().delete()  # a flushed or badly restored database
    assert int(new_generation()) > first
    assert recorded() > first


def test_without_a_shared_cache_each_request_reads_the_database(settings):
    settings.CACHE_IS_SHARED = False
    with request_scope():
        seen = current_generation()
    # Another process publishes: it raises the number in the database, not in our memory.
    CacheGeneration.objects.filter(pk=1).update(number=recorded() + 1)
    with request_scope():
        assert current_generation() != seen
        assert current_generation() == str(recorded())
