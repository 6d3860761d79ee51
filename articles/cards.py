"""Article cards read by a statement of our own: the articles with their lead pictures, then
their authors and their pictures' renditions (one query each).

Every listing (a section, the front page, a tag, an author, the end of an article) draws
cards. ``ArticlePage.objects.filter(pk__in=ids).for_listing()`` reads the same rows, but the
ORM takes about a millisecond to build and compile that queryset and more to make its rows
into objects, on each listing drawn: with every cache off (and on every first view after a
publication), a listing page spent more time there than in the database. Here the statement
is written once from the models' own table and column names, and its rows become model
instances as the ORM makes them (``Model.from_db``, with each field's conversion from the
database's value; the lead picture where ``select_related`` puts it). docs/upgrading.md, 18,
says what that relies on; tests/upgrading/test_django_model_loading.py guards it.
"""

from django.db import connections
from django.db.models import QuerySet
from wagtail.fields import StreamField

from articles.card_display import CARD_FILTER_SPECS


def read_cards(model, ids) -> list:
    """The listed articles whose ids are ``ids``, newest first, ready for their cards.

    ``ids``: a queryset of ids (``.values("pk")``), read as a subquery, or a list of ids.
    """
    if isinstance(ids, QuerySet):
        reader = CardReader(model, ids.db)
        sql, params = ids.query.get_compiler(ids.db).as_sql()
    else:
        reader = CardReader(model, model.objects.db)
        ids = list(ids)
        if not ids:
            return []
        sql, params = ", ".join(["%s"] * len(ids)), ids
    page_model = model._meta.pk.related_model
    alias_of = reader.quote(page_model._meta.get_field("alias_of").column)
    cards = reader.read(
        f"WHERE a.{reader.pk} IN ({sql}) AND p.{alias_of} IS NULL "
        f"ORDER BY a.{reader.quote(model._meta.get_field('publication_date').column)} DESC, "
        f"a.{reader.pk} DESC",
        params,
    )
    with_card_details(model, cards)
    return cards


class CardReader:
    """The card's columns (the article's but its stream fields, its picture's) and loading."""

    def __init__(self, model, using: str):
        self.model = model
        self.connection = connections[using]
        self.quote = self.connection.ops.quote_name
        self.pk = self.quote(model._meta.pk.column)
        self.article_fields = [
            field for field in model._meta.concrete_fields if not isinstance(field, StreamField)
        ]
        self.image_model = model._meta.get_field("lead_image").related_model
        self.image_fields = list(self.image_model._meta.concrete_fields)

    @property
    def columns(self) -> str:
        """The card's columns: ``a`` the article's own table, ``p`` its page's, ``i`` picture's."""
        columns = [
            f"{'a' if field.model is self.model else 'p'}.{self.quote(field.column)}"
            for field in self.article_fields
        ]
        columns += [f"i.{self.quote(field.column)}" for field in self.image_fields]
        return ", ".join(columns)

    @property
    def tables(self) -> str:
        page_model = self.model._meta.pk.related_model
        lead_image = self.quote(self.model._meta.get_field("lead_image").column)
        return (
            f"{self.quote(self.model._meta.db_table)} a "
            f"INNER JOIN {self.quote(page_model._meta.db_table)} p "
            f"ON p.{self.quote(page_model._meta.pk.column)} = a.{self.pk} "
            f"LEFT OUTER JOIN {self.quote(self.image_model._meta.db_table)} i "
            f"ON i.{self.quote(self.image_model._meta.pk.column)} = a.{lead_image}"
        )

    def read(self, rest: str, params: list, leading: str = "") -> list:
        """The cards of ``SELECT [leading,] <card columns> FROM <card tables> <rest>``.

        With ``leading`` (one column), each card comes as ``(leading value, card)``.
        """
        select = f"{leading}, {self.columns}" if leading else self.columns
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT {select} FROM {self.tables} {rest}", params)  # noqa: S608 -- quoted names
            rows = cursor.fetchall()
        articles = RowLoader(self.connection, self.model, self.article_fields)
        images = RowLoader(self.connection, self.image_model, self.image_fields)
        start = 1 if leading else 0
        split = start + len(self.article_fields)
        cards = []
        for row in rows:
            card = articles.load(row[start:split])
            image_values = row[split:]
            image = images.load(image_values) if image_values[0] is not None else None
            card._state.fields_cache["lead_image"] = image
            cards.append((row[0], card) if leading else card)
        return cards


class RowLoader:
    """Model instances from a row's values, converted as the ORM converts each field's."""

    def __init__(self, connection, model, fields):
        self.connection = connection
        self.model = model
        self.names = [field.attname for field in fields]
        self.converters = []
        for index, field in enumerate(fields):
            column = field.get_col(model._meta.db_table)
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if found:
                self.converters.append((index, column, found))

    def converted(self, row) -> list:
        """The row's values as the ORM would give them to the model, in the fields' order."""
        values = list(row)
        for index, column, converters in self.converters:
            for converter in converters:
                values[index] = converter(values[index], column, self.connection)
        return values

    def values(self, row) -> dict:
        """The row's values by field name (a snapshot's, pagecache/snapshots.py)."""
        return dict(zip(self.names, self.converted(row), strict=True))

    def load(self, row):
        return self.model.from_db(self.connection.alias, self.names, self.converted(row))


def with_card_details(model, articles) -> None:
    """The cards' authors (``ordered_authors``) and their pictures' renditions, one query each.

    Read as the cards are, by statements of our own: the ORM's prefetching of the same rows
    took longer to build its querysets than the database took to answer. The renditions go
    where Wagtail's ``ImageQuerySet.prefetch_renditions()`` puts them (``prefetched_renditions``,
    which ``get_rendition`` searches first), each knowing its image as the ORM's would.

    Only the sizes a card draws are read (``CARD_FILTER_SPECS``). A picture also has the
    article's own sizes, the shared link's and the admin's thumbnails, more with every size
    an editor's screen ever asked for: read with every card of every listing, they were most
    of the rows and of the objects made (36 renditions for the article page's four cards,
    where the cards draw 12).
    """
    if not articles:
        return
    connection = connections[model.objects.db]
    _with_authors(connection, model, articles)
    images = [article.lead_image for article in articles if article.lead_image is not None]
    if images:
        _with_renditions(connection, images)


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _with_authors(connection, model, articles) -> None:
    quote = connection.ops.quote_name
    link_model = model._meta.get_field("article_authors").related_model
    author_model = link_model._meta.get_field("author").related_model
    fields = list(author_model._meta.concrete_fields)
    page = quote(link_model._meta.get_field("page").column)
    author = quote(link_model._meta.get_field("author").column)
    ids = list({article.pk for article in articles})
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT link.{page}, "  # noqa: S608 -- quoted model names
            + ", ".join(f"au.{quote(field.column)}" for field in fields)
            + f" FROM {quote(link_model._meta.db_table)} link "
            f"INNER JOIN {quote(author_model._meta.db_table)} au "
            f"ON au.{quote(author_model._meta.pk.column)} = link.{author} "
            f"WHERE link.{page} IN ({_placeholders(ids)}) "
            f"ORDER BY link.{quote(link_model._meta.get_field('sort_order').column)}",
            ids,
        )
        rows = cursor.fetchall()
    authors = RowLoader(connection, author_model, fields)
    by_article = {}
    for row in rows:
        by_article.setdefault(row[0], []).append(authors.load(row[1:]))
    for article in articles:
        # What ArticlePage.ordered_authors (a cached property) would read.
        article.__dict__["ordered_authors"] = list(by_article.get(article.pk, []))


def _with_renditions(connection, images) -> None:
    quote = connection.ops.quote_name
    rendition_model = images[0].get_rendition_model()
    fields = list(rendition_model._meta.concrete_fields)
    image_column = quote(rendition_model._meta.get_field("image").column)
    ids = list({image.pk for image in images})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT "  # noqa: S608 -- quoted model names
            + ", ".join(quote(field.column) for field in fields)
            + f" FROM {quote(rendition_model._meta.db_table)} "
            f"WHERE {image_column} IN ({_placeholders(ids)}) "
            f"AND {quote(rendition_model._meta.get_field('filter_spec').column)} "
            f"IN ({_placeholders(CARD_FILTER_SPECS)})",
            [*ids, *CARD_FILTER_SPECS],
        )
        rows = cursor.fetchall()
    renditions = RowLoader(connection, rendition_model, fields)
    by_image = {}
    for row in rows:
        rendition = renditions.load(row)
        by_image.setdefault(rendition.image_id, []).append(rendition)
    for image in images:
        image.prefetched_renditions = list(by_image.get(image.pk, []))
        for rendition in image.prefetched_renditions:
            rendition._state.fields_cache["image"] = image
