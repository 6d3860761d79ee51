"""search/backends.py swaps modelsearch's module-level ``ObjectIndexer`` for a normalising one."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search.backends import NormalisingIndexerMixin
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def backend_module():
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as module
    else:
        from modelsearch.backends.database.sqlite import sqlite as module
    return module


def test_pages_are_indexed_through_the_normalising_indexer(demo_site):
    get_search_backend()  # builds the backend, which installs the indexer
    module = backend_module()
    assert issubclass(module.ObjectIndexer, NormalisingIndexerMixin), (
        "modelsearch no longer builds index rows with a module-level ObjectIndexer: "
        "revisit search/backends.py (docs/upgrading.md)"
    )
    article = make_article(demo_site["politics"], title="مكافحة الإرهاب في الساحل", slug="sahel")
    entry = IndexEntry.objects.filter(object_id=str(article.pk)).first()
    assert entry is not None, "the article was not indexed on publish"
    indexed = entry.title_text if connection.vendor == "postgresql" else entry.title
    assert "الارهاب" in indexed, f"index row not normalised: {indexed!r} (docs/upgrading.md)"
    assert "الإرهاب" not in indexed
