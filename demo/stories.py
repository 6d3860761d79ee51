"""Adds the demo's stories to the newsroom: authors with photos, articles with pictures, tags,
and French and English translations of a few.

Like the rest of the demo build, every step looks for what it would make first: a second run
changes nothing. Stories are dated some hours before the build, so the seed article (made
"now") stays the newest, and so the front page's lead.
"""

import logging
import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from articles.blocks import ArticleBodyBlock
from articles.models import ArticlePage, ArticlePageAuthor, Author, SectionPage
from articles.readership import ArticleDailyViews
from demo import images
from demo.story_blocks import Story, block_data, segment_pairs
from demo.story_texts import STORIES
from demo.translations import MissingDemoTranslation, translate_page
from translations.stream_data import with_block_ids

logger = logging.getLogger(__name__)

AUTHORS = [
    {
        "slug": "salma-benali",
        "name": "سلمى بنعلي",
        "bio": "صحفية متخصصة في الاقتصاد والطاقة، تتابع الصناعة والتجارة والأسواق.",
        "colour": "#0f6b5c",
    },
    {
        "slug": "youssef-idrissi",
        "name": "يوسف الإدريسي",
        "bio": "محرر الشؤون السياسية والرياضية، غطى الانتخابات والبطولات القارية.",
        "colour": "#1d5fa8",
    },
    {
        "slug": "layla-hassani",
        "name": "ليلى الحسني",
        "bio": "صحفية ميدانية تكتب عن المجتمع والثقافة في المدن والقرى.",
        "colour": "#5b3f8c",
    },
]


def ensure_authors(report) -> dict[str, Author]:
    authors = {}
    for entry in AUTHORS:
        author = Author.objects.filter(slug=entry["slug"]).first()
        if author is None:
            photo = images.portrait(entry["slug"], entry["colour"], title=entry["name"])
            author = Author.objects.create(
                slug=entry["slug"], name=entry["name"], bio=entry["bio"], photo=photo
            )
            report.note(f"author “{author.name}”")
        authors[author.slug] = author
    for author in Author.objects.filter(slug="newsroom"):
        authors[author.slug] = author
    return authors


def ensure_story(story: Story, section: SectionPage, authors: dict, report) -> ArticlePage:
    article = ArticlePage.objects.child_of(section).filter(slug=story.slug).first()
    if article is not None:
        return article
    text = story.text
    article = ArticlePage(
        title=text.title,
        slug=story.slug,
        standfirst=text.standfirst,
        lead_image=images.lead_image(story.slug, story.section, title=text.title),
        lead_image_alt_text=text.image_alt,
        lead_image_caption=text.image_caption,
        body=with_block_ids(ArticleBodyBlock(), [block_data(block) for block in text.body]),
        publication_date=timezone.now() - timedelta(hours=story.hours_ago),
        breaking_news=story.breaking,
        # News stories are read straight through; numbered sections are for explainers.
        number_sections=False,
    )
    article.article_authors = [ArticlePageAuthor(author=authors[slug]) for slug in story.authors]
    section.add_child(instance=article)
    article.tags.add(*story.tags)
    article.save_revision().publish()
    report.note(f"article “{article.title}”")
    return article


def seed_reading_counts(pages, report) -> None:
    """A plausible "most read" for the demo: views today and yesterday for pages with none.

    Numbers come from the slug, so every build reads the same; real views add to them.
    """
    today = timezone.localdate()
    counted = set(
        ArticleDailyViews.objects.filter(article__in=pages).values_list("article_id", flat=True)
    )
    rows = []
    for page in {page.pk: page for page in pages}.values():
        if page.pk in counted:
            continue
        rng = random.Random(page.slug)  # noqa: S311 -- demo figures, the same each build
        for days_ago in (0, 1):
            rows.append(
                ArticleDailyViews(
                    article_id=page.pk,
                    day=today - timedelta(days=days_ago),
                    views=rng.randint(40, 900),
                )
            )
    if rows:
        ArticleDailyViews.objects.bulk_create(rows)
        report.note(f"reading counts for {len(rows) // 2} article(s)")


def translate_story(story: Story, article: ArticlePage, report) -> None:
    for code, translation in story.translations.items():
        catalogue = {story.slug: story.slug, **segment_pairs(story.text, translation)}
        locale = Locale.objects.get(language_code=code)
        try:
            translated = translate_page(article, locale, catalogue)
        except MissingDemoTranslation as missing:
            logger.warning("Demo translation of “%s” not made: %s", article.title, missing)
            continue
        if translated is not None:
            report.note(f"{code} translation of “{article.title}”")


def build_stories(home, report) -> list[ArticlePage]:
    """Every demo story under its section of ``home`` (Arabic), translated where written."""
    authors = ensure_authors(report)
    sections = {section.slug: section for section in SectionPage.objects.child_of(home)}
    articles = [ensure_story(story, sections[story.section], authors, report) for story in STORIES]
    seed_reading_counts([*articles, *ArticlePage.objects.child_of(sections["politics"])], report)
    return articles


def translate_stories(articles: list[ArticlePage], report) -> None:
    """Run after the French and English trees are synchronised (demo/translations.py)."""
    by_slug = {article.slug: article for article in articles}
    for story in STORIES:
        if story.translations and story.slug in by_slug:
            translate_story(story, by_slug[story.slug], report)
    translated = ArticlePage.objects.filter(alias_of__isnull=True).exclude(
        locale__language_code="ar"
    )
    seed_reading_counts(list(translated), report)
