"""The page a URL names, read by a statement written by hand, with what it is shown with.

``HomePage.route`` finds a section or an article by its URL path in one query. Asked of the
ORM (``model.objects.live().select_related(...).filter(url_path=...)``), that query took
Django several times longer to build and compile, and to make its row into objects, than
PostgreSQL took to answer it: a page model of two tables, its locale, its lead picture and
the section it is listed in, itself a page of two tables. Every view of an article drawn with
nothing cached starts with it. Here the statement is written once per model and relations,
from the models' own table and column names, and its row becomes the same objects, the
related ones where ``select_related`` puts them (the hand-written statements' loader,
articles/cards.py: RowLoader). tests/home/test_routing_query.py holds it to the ORM's answer.
"""

from functools import cache

from django.db import connections

from articles.cards import RowLoader


def read_live_page(model, url_path: str, related: tuple[str, ...]):
    """The live ``model`` page at ``url_path`` with its ``related`` objects, or None.

    ``related``: names of foreign keys of the page (or of its ``Page`` part), each to a plain
    model or to a page model one table below ``Page``, as ``select_related`` takes them.
    """
    connection = connections[model.objects.db]
    statement = _statement(connection.alias, model, related)
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, [url_path, True])
        row = cursor.fetchone()
    if row is None:
        return None
    page = statement.page.load(row[: statement.widths[0]])
    start = statement.widths[0]
    for name, loader, width in zip(related, statement.related, statement.widths[1:], strict=True):
        values = row[start : start + width]
        start += width
        # A relation left empty comes as None, where select_related puts it.
        page._state.fields_cache[name] = loader.load(values) if values[0] is not None else None
    return page


class _Statement:
    def __init__(self, connection, model, related: tuple[str, ...]):
        quote = connection.ops.quote_name
        self.joins: list[str] = []

        page_fields = list(model._meta.concrete_fields)
        columns = [self._columns(quote, model, page_fields, "a", "p")]
        self.page = RowLoader(connection, model, page_fields)
        self.widths = [len(page_fields)]
        self.related = []
        for index, name in enumerate(related):
            field = model._meta.get_field(name)
            target = field.related_model
            fields = list(target._meta.concrete_fields)
            own = "p" if field.model is not model else "a"
            alias = f"r{index}"
            parent_alias = self._join(quote, target, alias, f"{own}.{quote(field.column)}")
            columns.append(self._columns(quote, target, fields, alias, parent_alias))
            self.related.append(RowLoader(connection, target, fields))
            self.widths.append(len(fields))

        page_model = model._meta.pk.related_model
        pk = quote(model._meta.pk.column)
        self.sql = (
            f"SELECT {', '.join(columns)} FROM {quote(model._meta.db_table)} a "  # noqa: S608 -- quoted model names
            f"INNER JOIN {quote(page_model._meta.db_table)} p "
            f"ON p.{quote(page_model._meta.pk.column)} = a.{pk} "
            + " ".join(self.joins)
            + f" WHERE p.{quote(page_model._meta.get_field('url_path').column)} = %s "
            f"AND p.{quote(page_model._meta.get_field('live').column)} = %s"
        )

    def _join(self, quote, target, alias: str, key: str) -> str:
        """Joins ``target`` as ``alias`` on ``key``; returns its parent table's alias (a page
        model one table below ``Page`` has its page fields there), or ``alias``."""
        self.joins.append(
            f"LEFT OUTER JOIN {quote(target._meta.db_table)} {alias} "
            f"ON {alias}.{quote(target._meta.pk.column)} = {key}"
        )
        parents = target._meta.parents
        if not parents:
            return alias
        (parent,) = parents
        if parent._meta.parents:
            raise ValueError(f"{target.__name__} is more than one table below its root model")
        parent_alias = f"{alias}p"
        self.joins.append(
            f"LEFT OUTER JOIN {quote(parent._meta.db_table)} {parent_alias} "
            f"ON {parent_alias}.{quote(parent._meta.pk.column)} = "
            f"{alias}.{quote(target._meta.pk.column)}"
        )
        return parent_alias

    @staticmethod
    def _columns(quote, model, fields, own: str, parent: str) -> str:
        return ", ".join(
            f"{own if field.model is model else parent}.{quote(field.column)}" for field in fields
        )


@cache
def _statement(alias: str, model, related: tuple[str, ...]) -> _Statement:
    """Made once per database alias, model and relations."""
    return _Statement(connections[alias], model, related)
