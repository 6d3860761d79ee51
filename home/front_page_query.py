"""Every card of the front page, with the editors' choices, read in one statement.

The front page draws the editors' lead and featured articles (if still listed), the newest
articles and each section's newest (home/front_page.py). Built with the ORM, that took a
query for the featured slots, then a UNION of a part per section whose querysets took longer
to build and compile than the database took to answer (about 10 ms of the process's time on
every page drawn with nothing cached), and on SQLite, which cannot limit the parts of a UNION,
three queries more. Here one statement chooses the ids and reads their cards:

- the newest listed articles of the home page's sections, as many as the page can show
  whatever the editors chose (one more for each choice, as a choice shown is not shown twice);
- the editors' lead and featured articles that are listed, each featured one with its place
  in the editors' order;
- each live, public section's newest listed articles;

each part read from the listing indexes (articles/listing.py), each limited in a subquery of
its own, which SQLite and PostgreSQL both run. The cards' authors and the pictures' renditions
follow in one query each (articles/cards.py). tests/reader/test_front_page_query.py holds the
statement to the ORM's answer.
"""

from django.db import connections

from articles.cards import CardReader, with_card_details
from articles.listing import listed_condition
from articles.models import ArticlePage
from articles.sections import section_ids
from core.restrictions import is_restricted


def read_front_page(
    home, sections, *, shown: int, per_section: int, featured_ids: list | None = None
) -> list[tuple]:
    """``(featured place or None, card)`` for every card, newest first.

    ``shown``: how many of the newest articles the page draws when the editors chose none;
    ``sections``: the live, public sections whose newest ``per_section`` are drawn;
    ``featured_ids``: the featured articles, in order, when they are not the stored ones (a
    preview of the home page in the admin); by default, the stored slots are read with the rest.
    """
    query = _FrontPageQuery(home)
    parts = [
        *query.chosen_and_newest(shown, featured_ids),
        *query.sections(sections, per_section),
    ]
    if not parts:
        return []
    model = query.model
    reader = CardReader(model, model.objects.db)
    alias_of = query.quote(model._meta.pk.related_model._meta.get_field("alias_of").column)
    publication_date = query.column(model, "publication_date")
    union = " UNION ALL ".join(sql for sql, _ in parts)
    cards = reader.read(
        "INNER JOIN (SELECT ids.id, MIN(ids.featured) AS featured "  # noqa: S608 -- quoted model names
        f"FROM ({union}) ids GROUP BY ids.id) front "
        f"ON front.id = a.{reader.pk} WHERE p.{alias_of} IS NULL "
        f"ORDER BY a.{publication_date} DESC, a.{reader.pk} DESC",
        [param for _, params in parts for param in params],
        leading="front.featured",
    )
    with_card_details(model, [card for _, card in cards])
    return cards


class _FrontPageQuery:
    """The statement's parts and their parameters, from the home page and its sections."""

    def __init__(self, home):
        self.home = home
        self.model = ArticlePage
        self.section_ids = [] if is_restricted(home.path) else section_ids(home)
        self.connection = connections[ArticlePage.objects.db]
        self.quote = self.connection.ops.quote_name
        self.pk = self.quote(ArticlePage._meta.pk.column)
        self.table = self.quote(ArticlePage._meta.db_table)
        self.listed_in = self.column(ArticlePage, "listed_in")
        self.publication_date = self.column(ArticlePage, "publication_date")

    def column(self, model, name: str) -> str:
        return self.quote(model._meta.get_field(name).column)

    def order(self, alias: str) -> str:
        """Newest first, the listing indexes' order (articles/listing.py: NEWEST_FIRST)."""
        return f"{alias}.{self.publication_date} DESC, {alias}.{self.pk} DESC"

    def listed(self, alias: str) -> tuple[str, list]:
        return listed_condition(self.model, alias)

    def listed_under(self, alias: str) -> tuple[str, list]:
        return listed_condition(self.model, alias, self.section_ids)

    def chosen_and_newest(self, shown: int, featured_ids) -> list[tuple[str, list]]:
        if not self.section_ids:
            return []
        lead_id = self.home.lead_article_id
        chosen_listed, chosen_params = self.listed_under("c")
        if featured_ids is None:
            newest_count, count_params, featured = self.stored_featured(chosen_listed)
            featured_params = [self.home.pk, *chosen_params]
        else:
            newest_count, count_params = "%s", []
            featured, featured_params = self.given_featured(featured_ids, chosen_listed)
            featured_params += chosen_params
        # One more of the newest for each choice: a chosen article is not drawn twice.
        count = shown + (lead_id is not None) + (0 if featured_ids is None else len(featured_ids))
        newest_listed, newest_params = self.listed_under("n")
        newest = (
            f"SELECT * FROM (SELECT n.{self.pk} AS id, CAST(NULL AS INTEGER) AS featured "  # noqa: S608 -- quoted model names
            f"FROM {self.table} n WHERE {newest_listed} "
            f"ORDER BY {self.order('n')} LIMIT {newest_count}) newest"
        )
        parts = [(newest, [*newest_params, count, *count_params])]
        if featured:
            parts.append((featured, featured_params))
        if lead_id is not None:
            lead = (
                f"SELECT c.{self.pk}, NULL FROM {self.table} c "  # noqa: S608 -- quoted model names
                f"WHERE c.{self.pk} = %s AND {chosen_listed}"
            )
            parts.append((lead, [lead_id, *chosen_params]))
        return parts

    def stored_featured(self, chosen_listed: str) -> tuple[str, list, str]:
        """The featured slots as stored: how many (added to the newest's limit, with its
        parameters) and the listed ones with their place in the editors' order."""
        featured_model = type(self.home)._meta.get_field("featured_articles").related_model
        featured = self.quote(featured_model._meta.db_table)
        chosen_article = self.column(featured_model, "article")
        on_page = f"f.{self.column(featured_model, 'page')} = %s"
        in_order = (
            f"f.{self.column(featured_model, 'sort_order')}, "
            f"f.{self.quote(featured_model._meta.pk.column)}"
        )
        count = (
            f"%s + (SELECT COUNT(DISTINCT f.{chosen_article}) "  # noqa: S608 -- quoted model names
            f"FROM {featured} f WHERE {on_page})"
        )
        listed = (
            f"SELECT c.{self.pk}, ranked.place FROM (SELECT f.{chosen_article} AS article, "  # noqa: S608 -- quoted model names
            f"ROW_NUMBER() OVER (ORDER BY {in_order}) AS place FROM {featured} f "
            f"WHERE {on_page}) ranked INNER JOIN {self.table} c ON c.{self.pk} = ranked.article "
            f"WHERE {chosen_listed}"
        )
        return count, [self.home.pk], listed

    def given_featured(self, featured_ids: list, chosen_listed: str) -> tuple[str, list]:
        """The listed ones of ``featured_ids`` (a preview's, not yet stored), in that order."""
        if not featured_ids:
            return "", []
        places = " ".join(["WHEN %s THEN %s"] * len(featured_ids))
        sql = (
            f"SELECT c.{self.pk}, CASE c.{self.pk} {places} END FROM {self.table} c "  # noqa: S608 -- quoted model names
            f"WHERE c.{self.pk} IN ({', '.join(['%s'] * len(featured_ids))}) AND {chosen_listed}"
        )
        params = [value for place, pk in enumerate(featured_ids, 1) for value in (pk, place)]
        return sql, [*params, *featured_ids]

    def sections(self, sections, per_section: int) -> list[tuple[str, list]]:
        parts = []
        for number, section in enumerate(sections):
            if is_restricted(section.path):
                continue
            listed, params = self.listed("s")
            sql = (
                f"SELECT * FROM (SELECT s.{self.pk} AS id, CAST(NULL AS INTEGER) AS featured "  # noqa: S608 -- quoted model names
                f"FROM {self.table} s WHERE {listed} AND s.{self.listed_in} = %s "
                f"ORDER BY {self.order('s')} LIMIT %s) section{number}"
            )
            parts.append((sql, [*params, section.pk, per_section]))
        return parts
