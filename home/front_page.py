"""What the front page shows: the lead story, featured slots, the latest and each section.

Editors choose the lead and the featured articles in the admin; whatever they leave empty (or
choose and later unpublish) is filled with the newest articles, so the page is never bare. The
number of queries is fixed: it does not grow with the archive or with the number of sections,
and each of them reads only the few newest entries of an index (articles/listing.py).
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from articles.cards import read_cards
from articles.listing import NEWEST_FIRST
from articles.models import ArticlePage, SectionPage
from pagecache.registry import cached_value
from pagecache.snapshots import rebuild_all, snapshots

FEATURED_SLOTS = 4
LATEST_COUNT = 6
PER_SECTION = 4
LIVE_SECTIONS = cached_value("live-sections")


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
    """The home page's live sections by tree path, kept for the cache generation.

    The front page, tags and authors show each card's section; the list changes only when a
    section is published, unpublished, moved or deleted, each of which starts a generation.
    """

    def load():
        return snapshots(SectionPage.objects.live().public().child_of(home))

    sections = rebuild_all(LIVE_SECTIONS.get_or_compute(home.pk, compute=load))
    return {section.path: section for section in sections}


def front_page_ids(home, chosen_ids: list, sections: list):
    """The ids of every card: the editors' choices (if still listed), the newest articles and
    each section's newest, as one subquery where the database takes a LIMIT inside a UNION
    (PostgreSQL: a few entries of an index per part), else as a set read in three queries."""
    listed = ArticlePage.objects.listed_under(home)
    newest_count = 1 + FEATURED_SLOTS + LATEST_COUNT + len(chosen_ids)
    newest = listed.order_by(*NEWEST_FIRST).values("pk")[:newest_count]
    chosen = [listed.filter(pk__in=chosen_ids).values("pk")] if chosen_ids else []
    if connection.features.supports_slicing_ordering_in_compound:
        in_sections = [
            ArticlePage.objects.listed_in_section(section)
            .order_by(*NEWEST_FIRST)
            .values("pk")[:PER_SECTION]
            for section in sections
        ]
        return newest.union(*chosen, *in_sections, all=True)
    ranked = (
        listed.filter(listed_in__in=[section.pk for section in sections])
        .annotate(
            rank_in_section=Window(
                RowNumber(),
                partition_by=F("listed_in"),
                order_by=[F("publication_date").desc(), F("pk").desc()],
            )
        )
        .filter(rank_in_section__lte=PER_SECTION)
        .values("pk")
    )
    return {row["pk"] for query in [newest, *chosen, ranked] for row in query}


def build_front_page(home) -> FrontPage:
    """The front page's articles, read together: the choices, the newest and each section's.

    Every card comes from one query whose ids are the editors' choices (if still listed),
    the newest articles and each section's newest; the newest overall and each section's
    newest are then the first of that list, which is sorted newest first.
    """
    featured_ids = list(dict.fromkeys(slot.article_id for slot in home.featured_articles.all()))
    chosen_ids = [pk for pk in [home.lead_article_id, *featured_ids] if pk is not None]
    sections = sections_by_path(home)
    ids = front_page_ids(home, chosen_ids, list(sections.values()))
    cards = read_cards(ArticlePage, ids)
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
