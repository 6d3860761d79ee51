"""The demo's information pages (about, contact, privacy, terms) and their translations."""

import logging

from django.conf import settings
from wagtail.models import Locale

from articles.blocks import ArticleBodyBlock
from demo.information_texts import InformationText, information_pages
from demo.story_blocks import block_data, block_strings
from demo.translations import MissingDemoTranslation, translate_page
from home.models import InformationPage
from translations.stream_data import with_block_ids

logger = logging.getLogger(__name__)


def retention_days() -> int:
    return settings.COMMENTS_PERSONAL_DATA_RETENTION_DAYS


def text_strings(text: InformationText) -> list[str]:
    return [text.title, text.intro, *(part for block in text.body for part in block_strings(block))]


def catalogue(slug: str, source: InformationText, translation: InformationText) -> dict:
    pairs = list(zip(text_strings(source), text_strings(translation), strict=True))
    return {slug: slug, **dict(pairs)}


def build_information_pages(home, report) -> list[InformationPage]:
    """The Arabic pages under ``home``, made once (found again by slug)."""
    pages = []
    for slug, texts in information_pages(retention_days()):
        page = InformationPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            text = texts["ar"]
            page = InformationPage(
                title=text.title,
                slug=slug,
                intro=text.intro,
                body=with_block_ids(ArticleBodyBlock(), [block_data(b) for b in text.body]),
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            report.note(f"information page “{page.title}”")
        pages.append(page)
    return pages


def translate_information_pages(pages: list[InformationPage], report) -> None:
    """French and English versions, once the trees are synchronised (demo/translations.py)."""
    by_slug = {page.slug: page for page in pages}
    for slug, texts in information_pages(retention_days()):
        page = by_slug.get(slug)
        if page is None:
            continue
        for code in ("fr", "en"):
            locale = Locale.objects.get(language_code=code)
            try:
                translated = translate_page(page, locale, catalogue(slug, texts["ar"], texts[code]))
            except MissingDemoTranslation as missing:
                logger.warning("Demo translation of “%s” not made: %s", page.title, missing)
                continue
            if translated is not None:
                report.note(f"{code} translation of “{page.title}”")
