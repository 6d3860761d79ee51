"""Fixtures shared by every test: a throwaway media folder and the demo newsroom."""

import fcntl

import pytest

from demo.builder import build_demo_content
from tests import demo_snapshot


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached pages never outlive a rolled-back test."""
    from django.core.cache import caches

    from pagecache.generational import process_copies

    for alias in ("default", "renditions"):
        caches[alias].clear()
    process_copies.clear()


@pytest.fixture(scope="session")
def session_media_root(tmp_path_factory):
    """One temporary media folder for the run: the demo's pictures live there for every test."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def media_root(settings, session_media_root):
    """Uploaded images go to a temporary folder, never into the project.

    The folder is the run's: the demo newsroom, built once, keeps its pictures in it, and a
    test's rolled-back rows leave only unused files behind.
    """
    settings.MEDIA_ROOT = session_media_root
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, session_media_root):
    """Build the demo newsroom once, in the test database, for the whole run.

    Building it (three language trees, translations made through wagtail-localize) takes a few
    seconds; each test then runs inside a transaction that is rolled back, so every test sees
    the same newsroom. Copies saved here (tests/demo_snapshot.py) put it back
    in a moment after a live-server test flushed the database, and give
    `only_the_seed_article` the newsroom without its stories without deleting them each time.
    """
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=session_media_root):
        build_demo_content()
        if demo_snapshot.supported():
            demo_snapshot.save(demo_snapshot.DEMO)
            demo_snapshot.save_seed_only(remove_demo_stories)


@pytest.fixture
def demo_site(db):
    """The demo newsroom exactly as `make run` builds it (home, sections, seed article)."""
    from articles.models import ArticlePage, SectionPage
    from home.models import HomePage

    demo_snapshot.ensure()
    home = HomePage.objects.get(depth=2, locale__language_code="ar")
    return {
        "home": home,
        # The French and English trees have their own copies: the fixtures are the Arabic ones.
        "politics": SectionPage.objects.get(slug="politics", locale=home.locale),
        "article": ArticlePage.objects.get(
            slug="morocco-counter-terrorism-regional-security", locale=home.locale
        ),
    }


@pytest.fixture
def fragments_off(settings):
    """Pages drawn in full, as on their first request after a publication.

    For tests that count what drawing a page costs: with its fragments cached, a page costs
    its routing query or none (tests/pagecache/test_fragments.py pins that).
    """
    settings.FRAGMENT_CACHE_ENABLED = False


@pytest.fixture
def nothing_cached(settings):
    """No cache to keep values in: what is read is read from the database, every time."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.CACHE_ENABLED = False


@pytest.fixture
def only_the_seed_article(demo_site):
    """The demo newsroom without its stories: the seed article alone, as tests of listings,
    feeds and related articles count exactly what they add (rolled back after the test)."""
    if not demo_snapshot.seed_only():
        remove_demo_stories()
    return demo_site


def remove_demo_stories():
    """Deletes the demo's stories in every language, as an editor deleting them would."""
    from wagtail.models import Page

    from demo.story_texts import STORIES

    Page.objects.filter(slug__in=[story.slug for story in STORIES]).delete()


@pytest.fixture
def page_cache(settings):
    """The whole-page cache on, as production has it with Redis, starting and ending empty."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def without_demo_information_pages(demo_site):
    """The demo newsroom without its about, contact, privacy and terms pages, in every
    language, for tests that bring their own (rolled back after the test)."""
    from home.models import InformationPage

    InformationPage.objects.filter(depth=3).delete()
    return demo_site


# Modules that run `collectstatic` into the project's staticfiles/ and start gunicorn servers
# that read it, or that flush the run's Redis database (tests/isolation.py). Under pytest-xdist
# (`make test`: -n 2) they take turns, one module at a time: no server scans staticfiles/ while
# another module rewrites it, and no module empties Redis under another's servers.
SHARED_SERVICE_MODULES = {
    "tests/edge/test_varnish_in_front_of_the_app.py",
    "tests/operations/test_read_replica.py",
    "tests/operations/test_several_servers.py",
    "tests/pagecache/test_two_processes.py",
}


@pytest.fixture(scope="module", autouse=True)
def shared_services_turn(request, tmp_path_factory):
    """Holds the run's shared-services lock while one of the modules above runs.

    The lock file is in the run's temporary folder, which every xdist worker's folder is in.
    """
    if request.node.nodeid not in SHARED_SERVICE_MODULES:
        yield
        return
    lock_path = tmp_path_factory.getbasetemp().parent / "shared-services.lock"
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
