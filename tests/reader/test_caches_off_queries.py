"""What the article, home and section pages cost with every cache off (DJANGO_CACHE=off).

Nothing is kept anywhere: no page cache, no fragments, no value of pagecache/registry.py, a
dummy default and renditions cache. Every request then draws the page from the database, as
the first request after a publication does with nothing cached, and what it asks is what this
counts. The counts are exact: a new query on any of these pages fails here, and a query saved
lowers the number here too (docs/performance.md, "Every cache off").
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# The demo newsroom on the test database (the bench's archive of 1,000 articles, with sixty
# comments under the seed article, costs the article 12: docs/performance.md). Comments cost
# the article one query, its first comment page with their replies and both totals, however
# many there are (comments/threads.py).
ARTICLE_QUERIES = 12
SECTION_QUERIES = 10
# The front page reads its lead, featured, latest and each section's newest, with the editors'
# order of the featured slots, in one statement (home/front_page_query.py: the featured slots
# were a query of their own, and SQLite, which cannot limit the parts of an ORM UNION, read the
# rest in three); the home page's sections, which listings name and cards show, in another
# (articles/sections.py: their ids and the live ones were two).
HOME_QUERIES = 10


@pytest.fixture
def every_cache_off(settings):
    """The settings DJANGO_CACHE=off gives (config/settings/base.py)."""
    settings.CACHES = {"default": DUMMY, "renditions": DUMMY}
    settings.CACHE_ENABLED = False
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False
    settings.CACHE_IS_SHARED = False


def queries_for(client, url) -> list[str]:
    client.get(url)  # renditions made once, as on a site that has served the page before
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        sql = [query["sql"] for query in captured.captured_queries]
    assert response.status_code == 200, url
    return sql


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["article", "home", "politics"])
def test_a_page_with_every_cache_off_asks_a_fixed_number_of_queries(
    client, demo_site, every_cache_off, page
):
    expected = {
        "article": ARTICLE_QUERIES,
        "home": HOME_QUERIES,
        "politics": SECTION_QUERIES,
    }[page]
    sql = queries_for(client, demo_site[page].url)
    assert len(sql) == expected, "\n".join(sql)


@pytest.mark.django_db
def test_an_article_with_pages_of_threaded_comments_asks_no_query_more(
    client, demo_site, every_cache_off
):
    """Sixty conversations, each with a reply and a reply to it: two comment pages, drawn in
    the one query the seed article's empty conversation asks already."""
    from tests.comments.conftest import bulk_comments

    article = demo_site["article"]
    bulk_comments(article, top_level=60, replies_per_comment=1)
    sql = queries_for(client, article.url)
    assert len(sql) == ARTICLE_QUERIES, "\n".join(sql)
    assert len([query for query in sql if "comments_readercomment" in query]) == 1


@pytest.mark.django_db
def test_nothing_is_asked_twice_with_every_cache_off(client, demo_site, every_cache_off):
    """Values several parts of a page need (the site, its settings, the restricted pages, the
    menu, the sites' root paths) are read once per request even with no cache to keep them."""
    for url in (demo_site["article"].url, demo_site["home"].url, demo_site["politics"].url):
        sql = queries_for(client, url)
        repeated = {query for query in sql if sql.count(query) > 1}
        assert not repeated, f"{url}: " + "\n".join(sorted(repeated))


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["article", "home", "politics"])
def test_the_home_pages_place_in_the_tree_is_written_into_the_statements(
    client, demo_site, every_cache_off, page
):
    """Bound as a parameter, "below this home page" let PostgreSQL keep one generic plan for a
    prepared statement that walked the whole page table (36 and 42 ms at 100,000 articles):
    the chrome's, the home's sections' and the related articles' statements carry the home's
    path and depth in their text instead (core/tree_sql.py)."""
    url = demo_site[page].url
    client.get(url)
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert client.get(url).status_code == 200
    bound = [sql for sql in statements if "LIKE %s" in sql]
    assert bound == []
    home = demo_site["home"]
    below_home = [sql for sql in statements if f"LIKE '{home.path}%%'" in sql]
    assert len(below_home) == {"article": 2, "home": 2, "politics": 1}[page], "\n".join(statements)
