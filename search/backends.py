"""Wagtail's database search backend, with the article search's normalisation.

Editors search pages in the admin through Wagtail's backend (``WAGTAILSEARCH_BACKENDS``). This
one is the same database backend (PostgreSQL, SQLite FTS5 or the plain fallback, chosen the
same way) except that every query string, and every text it indexes, goes through
``search.normalise.normalise`` first, so "الارهاب" finds a page titled "الإرهاب" there too.

The backends build their index rows with a module-level ``ObjectIndexer`` class and offer no
setting to change it, so the normalising indexer replaces that name in their modules.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from search.normalise import normalise


def normalised_query(query):
    """The same query with every string in it normalised; other values pass through."""
    if isinstance(query, str):
        return normalise(query)
    if isinstance(query, PlainText):
        return PlainText(normalise(query.query_string), query.operator, query.boost)
    if isinstance(query, Phrase):
        return Phrase(normalise(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(normalise(query.query_string), query.operator, query.unaccent)
    if isinstance(query, Boost):
        return Boost(normalised_query(query.subquery), query.boost)
    if isinstance(query, And | Or):
        return type(query)([normalised_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(normalised_query(query.subquery))
    return query


class NormalisingIndexerMixin:
    def prepare_value(self, value):
        return normalise(super().prepare_value(value))

    def prepare_field(self, obj, field):
        """Each field once per object: the indexer's title, body, autocomplete, title_text and
        body_text each walk every field, which read a StreamField's text five times."""
        prepared = self.__dict__.setdefault("_prepared_fields", {})
        key = (id(obj), id(field))
        if key not in prepared:
            prepared[key] = list(super().prepare_field(obj, field))
        return iter(prepared[key])


def install_normalising_indexer() -> None:
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as module
    elif connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite import sqlite as module
    else:
        return
    if not issubclass(module.ObjectIndexer, NormalisingIndexerMixin):
        module.ObjectIndexer = type(
            "NormalisingObjectIndexer", (NormalisingIndexerMixin, module.ObjectIndexer), {}
        )


class NormalisingBackendMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, normalised_query(query), model_or_queryset, **kwargs
        )


def SearchBackend(params):
    install_normalising_indexer()
    backend_class = type(DatabaseSearchBackend(params))
    normalising_class = type(
        f"Normalising{backend_class.__name__}", (NormalisingBackendMixin, backend_class), {}
    )
    return normalising_class(params)
