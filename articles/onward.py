"""The end of an article: its related articles and its neighbours in the section, one query.

The "reading-onward" fragment draws four cards of related articles and a pager to the next
newer and older article of the section. Built with the ORM, that took five queries (the
home's sections, the ranking with every card field grouped, the neighbours, the cards'
authors and pictures) and about 10 ms of the process's time, most of it building and
compiling nested querysets, on every first view of an article after a publication, and on
every view with the caches off. Here one statement chooses and reads them all:

- the related articles are ranked from the section listing index and the tags' table alone
  (the candidates' ids, sections and dates are in the index, read section by section on
  PostgreSQL; only the tags the article shares are joined to each), and only the chosen few
  are read in full;
- the neighbours are the section's listed articles just before and after the article's
  date, read from the section's listing index (articles/listing.py), as the section page
  lists them;
- the rows come with their lead picture, as ``select_related`` would bring it.

The cards' authors and the pictures' renditions follow in one query each. The statement is
plain SQL that SQLite and PostgreSQL both run; its rows become cards as every listing's do
(articles/cards.py).
tests/reader/test_article_extras.py pins the choice, the order and the number of queries.
"""

from django.db import connections

from articles.cards import CardReader, with_card_details
from core.navigation import live_ancestors
from core.restrictions import is_restricted, restricted_pages
from core.tree_sql import children_of

# How many of a language's newest articles an article's related articles are chosen from.
# Ranking every article that shares a tag would count tags across most of a large archive,
# half a second at 100,000 articles for each article's first view after every publication;
# a reader of the news is better served by recent coverage anyway.
RELATED_CANDIDATES = 500

RELATED, NEWER, OLDER = 0, 1, 2


def reading_onward(article, related_count: int) -> dict:
    """``{"related": [...], "newer": page or None, "older": page or None}`` for ``article``.

    Related: among the RELATED_CANDIDATES newest listed articles of the article's language
    tree, those sharing the most tags with it, then those of its section, newest first.
    Neighbours: the next newer and the next older listed article of its section.
    """
    found = {"related": [], NEWER: None, OLDER: None}
    if article.pk is not None:
        query = _OnwardQuery(article, related_count)
        for role, page in query.rows():
            if role == RELATED:
                found["related"].append(page)
            else:
                found[role] = page
        with_card_details(type(article), found["related"])
    return {"related": found["related"], "newer": found[NEWER], "older": found[OLDER]}


class _OnwardQuery:
    """The statement and its parameters, built from the article's place and tags."""

    def __init__(self, article, related_count: int):
        self.model = type(article)
        self.article = article
        self.related_count = related_count
        self.connection = connections[self.model.objects.db]
        self.quote = self.connection.ops.quote_name

    def table(self, model) -> str:
        return self.quote(model._meta.db_table)

    def column(self, model, name: str) -> str:
        return self.quote(model._meta.get_field(name).column)

    def rows(self) -> list:
        """``(role, article)`` for each card and neighbour, in the order they are drawn."""
        parts = [part for part in (self._related(), *self._neighbours()) if part]
        if not parts:
            return []
        reader = CardReader(self.model, self.model.objects.db)
        publication_date = self.column(self.model, "publication_date")
        return reader.read(
            f"INNER JOIN ({' UNION ALL '.join(sql for sql, _ in parts)}) onward "
            f"ON onward.id = a.{reader.pk} "
            "ORDER BY onward.role, onward.shared_tags DESC, onward.in_section DESC, "
            f"a.{publication_date} DESC, a.{reader.pk} DESC",
            [param for _, params in parts for param in params],
            leading="onward.role",
        )

    def _listed(self, alias: str) -> tuple[str, list]:
        """Conditions of a listed article (ArticlePageQuerySet.listed) on the row ``alias``."""
        listed_in = f"{alias}.{self.column(self.model, 'listed_in')}"
        restricted = [page_id for page_id, _ in restricted_pages()]
        if not restricted:
            return f"{listed_in} IS NOT NULL", []
        placeholders = ", ".join(["%s"] * len(restricted))
        pk = f"{alias}.{self.quote(self.model._meta.pk.column)}"
        return (
            f"{listed_in} IS NOT NULL AND {pk} NOT IN ({placeholders}) "
            f"AND {listed_in} NOT IN ({placeholders})",
            restricted + restricted,
        )

    def _related(self) -> tuple[str, list] | None:
        ancestors = live_ancestors(self.article)
        if not ancestors or is_restricted(ancestors[0].path):
            return None
        home = ancestors[0]
        section = self.article.section
        tag_ids = [tag.pk for tag in self.article.tag_list]
        model = self.model
        q = self.quote
        pk = q(model._meta.pk.column)
        own = self.table(model)
        listed_in = self.column(model, "listed_in")
        publication_date = self.column(model, "publication_date")
        section_model = model._meta.get_field("listed_in").related_model
        section_pk = q(section_model._meta.pk.column)
        page_model = section_model._meta.pk.related_model
        page_pk = q(page_model._meta.pk.column)
        tag_model = model._meta.get_field("tagged_items").related_model
        tag_pk = q(tag_model._meta.pk.column)
        tagged = self.column(tag_model, "content_object")
        tag = self.column(tag_model, "tag")
        in_section, in_section_params = (
            (f"c.{listed_in} = %s", [section.pk]) if section else ("1 = 0", [])
        )
        shares_tags = f"t.{tag} IN ({', '.join(['%s'] * len(tag_ids))})" if tag_ids else "1 = 0"
        listed, listed_params = self._listed("r")
        sections = (
            f"SELECT s.{section_pk} FROM {self.table(section_model)} s "  # noqa: S608 -- quoted model names
            f"INNER JOIN {self.table(page_model)} sp ON sp.{page_pk} = s.{section_pk} "
            "WHERE "
            + children_of(
                home,
                f"sp.{self.column(page_model, 'path')}",
                f"sp.{self.column(page_model, 'depth')}",
            )
        )
        newest = f"ORDER BY r.{publication_date} DESC, r.{pk} DESC LIMIT %s"
        columns = (
            f"r.{pk} AS id, r.{listed_in} AS {listed_in}, "
            f"r.{publication_date} AS {publication_date}"
        )
        if self.connection.vendor == "postgresql":
            # The newest of each section from its listing index, then the newest of those:
            # at most RELATED_CANDIDATES index entries a section, where one scan of the
            # sections' articles read every one of them (all 100,000, 22 ms, in an archive
            # of that size). SQLite has no LATERAL; its archives are small.
            candidates = (
                f"SELECT r.id, r.{listed_in}, r.{publication_date} FROM ({sections}) hs "  # noqa: S608 -- quoted model names
                f"CROSS JOIN LATERAL (SELECT {columns} FROM {own} r WHERE {listed} "
                f"AND r.{listed_in} = hs.{section_pk} {newest}) r "
                f"ORDER BY r.{publication_date} DESC, r.id DESC LIMIT %s"
            )
            candidates_params = [*listed_params, RELATED_CANDIDATES, RELATED_CANDIDATES]
        else:
            candidates = (
                f"SELECT {columns} FROM {own} r WHERE {listed} "  # noqa: S608 -- quoted model names
                f"AND r.{listed_in} IN ({sections}) {newest}"
            )
            candidates_params = [*listed_params, RELATED_CANDIDATES]
        sql = (
            f"SELECT * FROM (SELECT c.id, {RELATED} AS role, "  # noqa: S608 -- quoted model names
            f"COUNT(t.{tag_pk}) AS shared_tags, "
            f"CASE WHEN {in_section} THEN 1 ELSE 0 END AS in_section "
            # The candidates: the newest listed articles of the home's sections, with the
            # columns the ranking needs, all read from the section listing index.
            f"FROM ({candidates}) c "
            # Only the tags it shares are joined to each candidate.
            f"LEFT OUTER JOIN {self.table(tag_model)} t "
            f"ON t.{tagged} = c.id AND {shares_tags} "
            f"WHERE c.id <> %s AND ({in_section} OR t.{tag_pk} IS NOT NULL) "
            f"GROUP BY c.id, c.{listed_in}, c.{publication_date} "
            f"ORDER BY shared_tags DESC, in_section DESC, c.{publication_date} DESC, c.id DESC "
            "LIMIT %s) related"
        )
        params = [
            *in_section_params,
            *candidates_params,
            *tag_ids,
            self.article.pk,
            *in_section_params,
            self.related_count,
        ]
        return sql, params

    def _neighbours(self) -> list[tuple[str, list]]:
        section = self.article.section
        if section is None or is_restricted(section.path):
            return []
        pk = self.quote(self.model._meta.pk.column)
        listed_in = self.column(self.model, "listed_in")
        date_field = self.model._meta.get_field("publication_date")
        publication_date = self.quote(date_field.column)
        date = date_field.get_db_prep_value(self.article.display_date, self.connection)
        parts = []
        for role, after, order in ((NEWER, ">", "ASC"), (OLDER, "<", "DESC")):
            listed, listed_params = self._listed("n")
            sql = (
                f"SELECT * FROM (SELECT n.{pk} AS id, {role} AS role, 0 AS shared_tags, "  # noqa: S608 -- quoted model names
                f"0 AS in_section FROM {self.table(self.model)} n WHERE {listed} "
                f"AND n.{listed_in} = %s AND (n.{publication_date} {after} %s "
                f"OR (n.{publication_date} = %s AND n.{pk} {after} %s)) "
                f"ORDER BY n.{publication_date} {order}, n.{pk} {order} LIMIT 1) side{role}"
            )
            parts.append((sql, [*listed_params, section.pk, date, date, self.article.pk]))
        return parts
