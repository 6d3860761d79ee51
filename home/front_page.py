"""What the front page shows: the lead story, featured slots, the latest and each section.

Editors choose the lead and the featured articles in the admin; whatever they leave empty (or
choose and later unpublish) is filled with the newest articles, so the page is never bare. The
number of queries is fixed: it does not grow with the archive or with the number of sections.
"""

from dataclasses import dataclass, field

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage

FEATURED_SLOTS = 4
LATEST_COUNT = 6
PER_SECTION = 4
SECTION_PATH_LENGTH = Page.steplen * 3  # root, home page, section


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


def newest_by_section(home, per_section: int) -> dict[str, list]:
    """Each section's newest articles, fetched in one query with a window function."""
    ranked = (
        ArticlePage.objects.live()
        .public()
        .descendant_of(home)
        .annotate(
            section_path=Substr("path", 1, SECTION_PATH_LENGTH),
            rank_in_section=Window(
                RowNumber(),
                partition_by=Substr("path", 1, SECTION_PATH_LENGTH),
                order_by=[F("publication_date").desc(), F("pk").desc()],
            ),
        )
        .filter(rank_in_section__lte=per_section)
        .for_listing()
    )
    grouped: dict[str, list] = {}
    for article in ranked:
        grouped.setdefault(article.section_path, []).append(article)
    return grouped


def build_front_page(home) -> FrontPage:
    articles = ArticlePage.objects.live().public().descendant_of(home)
    featured_ids = [slot.article_id for slot in home.featured_articles.all()]
    chosen_ids = [home.lead_article_id, *featured_ids]
    chosen = {article.pk: article for article in articles.filter(pk__in=chosen_ids).for_listing()}

    lead = chosen.get(home.lead_article_id)
    featured = []
    for article_id in featured_ids:
        article = chosen.get(article_id)
        if article is not None and article is not lead and article not in featured:
            featured.append(article)
    featured = featured[:FEATURED_SLOTS]

    shown = [article.pk for article in [lead, *featured] if article is not None]
    wanted = (0 if lead else 1) + FEATURED_SLOTS - len(featured) + LATEST_COUNT
    newest = list(articles.exclude(pk__in=shown).for_listing()[:wanted])
    if lead is None and newest:
        lead = newest.pop(0)
    while len(featured) < FEATURED_SLOTS and newest:
        featured.append(newest.pop(0))

    sections = sections_by_path(home)
    grouped = newest_by_section(home, PER_SECTION)
    blocks = [
        SectionBlock(section=section, articles=grouped[path])
        for path, section in sections.items()
        if grouped.get(path)
    ]
    return FrontPage(
        lead=lead,
        featured=featured,
        latest=newest[:LATEST_COUNT],
        section_blocks=blocks,
        sections_by_path=sections,
    )
