"""What the front page shows: the lead story, featured slots, the latest and each section.

Editors choose the lead and the featured articles in the admin; whatever they leave empty (or
choose and later unpublish) is filled with the newest articles, so the page is never bare. The
number of queries is fixed: it does not grow with the archive or with the number of sections,
and each part of the one statement that reads the cards takes only the few newest entries of
an index (articles/listing.py).
"""

from dataclasses import dataclass, field

from articles.models import ArticlePage, SectionPage
from articles.sections import live_sections
from home.front_page_query import read_front_page

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
    """The home page's live, public sections by tree path (articles/sections.py).

    The front page, tags and authors show each card's section; the sections are kept for the
    cache generation, which a section published, unpublished, moved or deleted renews.
    """
    return {section.path: section for section in live_sections(home)}


def build_front_page(home, *, preview: bool = False) -> FrontPage:
    """The front page's articles, read together: the choices, the newest and each section's.

    Every card comes from one statement (home/front_page_query.py) whose ids are the
    editors' choices (if still listed), the newest articles and each section's newest; the
    newest overall and each section's newest are then the first of that list, which is sorted
    newest first. A preview shows the featured slots of the page being edited, not the stored.
    """
    sections = sections_by_path(home)
    featured_ids = None
    if preview:
        slots = home.featured_articles.all()
        featured_ids = list(dict.fromkeys(slot.article_id for slot in slots if slot.article_id))
    rows = read_front_page(
        home,
        list(sections.values()),
        shown=1 + FEATURED_SLOTS + LATEST_COUNT,
        per_section=PER_SECTION,
        featured_ids=featured_ids,
    )
    cards = [card for _, card in rows]
    by_id = {article.pk: article for article in cards}
    chosen = sorted((row for row in rows if row[0] is not None), key=lambda row: row[0])
    featured_ids = [article.pk for _, article in chosen]

    lead = by_id.get(home.lead_article_id)
    featured = [by_id[pk] for pk in featured_ids if by_id[pk] is not lead]
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
