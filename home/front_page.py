"""What the front page shows: the lead story, featured slots, the latest and each section.

Editors choose the lead and the featured articles in the admin; whatever they leave empty (or
choose and later unpublish) is filled with the newest articles, so the page is never bare. The
number of queries is fixed: it does not grow with the archive or with the number of sections,
and each of them reads only the few newest entries of an index (articles/listing.py).
"""

from dataclasses import dataclass, field

from django.db import connection

from articles.models import NEWEST_FIRST, ArticlePage, SectionPage

FEATURED_SLOTS = 4
LATEST_COUNT = 6
PER_SECTION = 4


@dataclass
class SectionBlock:
    section: SectionPage
    articles: list = field(default_factory=list)


@dataclass
class FrontPage:
    lead: ArticlePage | None
    featured: list
    latest: list
    section_blocks: list
    sections_by_path: dict

    @property
    def is_empty(self) -> bool:
        return self.lead is None


def sections_by_path(home) -> dict:
    sections = SectionPage.objects.live().public().child_of(home)
    return {section.path: section for section in sections}


def cards_of(id_queries: list) -> list[ArticlePage]:
    """The articles of every query of ids (``values("pk")``), newest first, in one query.

    Where the database takes a LIMIT inside a UNION (PostgreSQL), the ids are a subquery of
    the one query that reads the cards; elsewhere (SQLite, in development) each is read first.
    """
    if not id_queries:
        return []
    if connection.features.supports_slicing_ordering_in_compound:
        ids = id_queries[0].union(*id_queries[1:], all=True)
    else:
        ids = {row["pk"] for query in id_queries for row in query}
    return list(ArticlePage.objects.filter(pk__in=ids).for_listing())


def build_front_page(home) -> FrontPage:
    """The front page's articles, read together: the choices, the newest and each section's.

    Every card comes from one query whose ids are the editors' choices (if still listed),
    the newest articles and each section's newest; the newest overall and each section's
    newest are then the first of that list, which is sorted newest first.
    """
    featured_ids = list(dict.fromkeys(slot.article_id for slot in home.featured_articles.all()))
    chosen_ids = [pk for pk in [home.lead_article_id, *featured_ids] if pk is not None]
    sections = sections_by_path(home)
    listed = ArticlePage.objects.listed_under(home)
    newest_count = 1 + FEATURED_SLOTS + LATEST_COUNT + len(chosen_ids)
    id_queries = [listed.order_by(*NEWEST_FIRST).values("pk")[:newest_count]]
    if chosen_ids:
        id_queries.append(listed.filter(pk__in=chosen_ids).values("pk"))
    for section in sections.values():
        in_section = ArticlePage.objects.listed_in_section(section).order_by(*NEWEST_FIRST)
        id_queries.append(in_section.values("pk")[:PER_SECTION])
    cards = cards_of(id_queries)
    by_id = {article.pk: article for article in cards}

    lead = by_id.get(home.lead_article_id)
    featured = [by_id[pk] for pk in featured_ids if pk in by_id and by_id[pk] is not lead]
    featured = featured[:FEATURED_SLOTS]
    shown = {article.pk for article in [lead, *featured] if article is not None}
    newest = [article for article in cards if article.pk not in shown]
    if lead is None and newest:
        lead = newest.pop(0)
    while len(featured) < FEATURED_SLOTS and newest:
        featured.append(newest.pop(0))

    by_section: dict[int, list] = {}
    for article in cards:
        by_section.setdefault(article.listed_in_id, []).append(article)
    blocks = [
        SectionBlock(section=section, articles=by_section[section.pk][:PER_SECTION])
        for section in sections.values()
        if by_section.get(section.pk)
    ]
    return FrontPage(
        lead=lead,
        featured=featured,
        latest=newest[:LATEST_COUNT],
        section_blocks=blocks,
        sections_by_path=sections,
    )
