"""search/backends.py normalises queries by overriding modelsearch's private ``_search``."""

import inspect

import pytest
from modelsearch.backends.base import BaseSearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_search_and_autocomplete_still_go_through_search_with_the_same_arguments():
    parameters = list(inspect.signature(BaseSearchBackend._search).parameters)
    assert parameters[:4] == ["self", "query_compiler_class", "query", "model_or_queryset"], (
        "modelsearch's _search changed: revisit NormalisingBackendMixin (docs/upgrading.md)"
    )


def test_a_query_written_with_hamza_finds_a_page_indexed_without_it(demo_site):
    article = make_article(demo_site["politics"], title="مكافحة الإرهاب في الساحل", slug="sahel")
    backend = get_search_backend()
    found = {page.pk for page in backend.search("الإرهاب الساحل", Page)}
    assert article.pk in found, "queries are no longer normalised (docs/upgrading.md)"
    found = {page.pk for page in backend.autocomplete("الإره", Page)}
    assert article.pk in found
