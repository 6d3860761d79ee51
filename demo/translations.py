"""The demo newsroom in three languages, translated through wagtail-localize.

The French and English trees are synchronised from Arabic (wagtail-localize's "sync from"
locale setting): every Arabic page has a counterpart in each language, an alias until someone
translates it. The home page and the sections are then translated into French and English,
and the seed article into French, the way an editor does it in the admin: "Translate this
page" (a Translation record), the translation's PO file exported, filled and imported, then
published. Running it again changes nothing.
"""

import logging
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from demo.translated_names import HOME_AND_SECTIONS

logger = logging.getLogger(__name__)

SEED_ARTICLE_FRENCH = Path(__file__).with_name("seed-article.fr.po")


class MissingDemoTranslation(LookupError):
    """The demo catalogue lacks a string of the source page (the Arabic text changed)."""


def synchronise_trees(source_locale: Locale) -> None:
    """Every other content language follows the Arabic tree."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == source_locale.language_code:
            continue
        locale = Locale.objects.get(language_code=code)
        _sync, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source_locale}
        )
        if not created:
            # Creating the setting synchronised the trees; pages made by code since then (the
            # admin's "create page" hook is not involved) are picked up here.
            synchronize_tree(source_locale, locale)


def catalogue_from_po(path: Path) -> dict[str, str]:
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def has_real_translation(page: Page, locale: Locale) -> bool:
    return Page.objects.filter(
        translation_key=page.translation_key, locale=locale, alias_of__isnull=True
    ).exists()


def translate_page(page: Page, locale: Locale, catalogue: dict[str, str]) -> Page | None:
    """Translate ``page`` into ``locale`` with wagtail-localize; None if it already was.

    Every source string must be in ``catalogue``: a demo half in Arabic would hide mistakes.
    """
    if has_real_translation(page, locale):
        return None
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    missing = [entry.msgid for entry in source.export_po() if entry.msgid not in catalogue]
    if missing:
        raise MissingDemoTranslation(f"no {locale.language_code} text for {missing[0]!r}")
    # What "Translate this page" records (wagtail-localize's submit view); the page itself is
    # written once, below, when the translation is published.
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = catalogue[entry.msgid]
    translation.import_po(po, tool_name="PO File")
    # wagtail-localize publishes when the transaction commits; the demo is built in one
    # transaction, so the translation is saved as a draft and its revision published now.
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target


def translate_demo_newsroom(home: Page, sections: list[Page], article: Page) -> list[str]:
    """Synchronise the trees and translate the demo's own pages; returns what was done.

    Pages editors have added since are left alone, and a demo page whose Arabic text was
    edited before it was translated is skipped with a note rather than half translated.
    """
    done = []
    source_locale = home.locale
    synchronise_trees(source_locale)
    plan = [
        (Locale.objects.get(language_code=code), catalogue, page)
        for code, catalogue in HOME_AND_SECTIONS.items()
        for page in [home, *sections]
    ]
    plan.append(
        (Locale.objects.get(language_code="fr"), catalogue_from_po(SEED_ARTICLE_FRENCH), article)
    )
    for locale, catalogue, page in plan:
        try:
            translated = translate_page(page, locale, catalogue)
        except MissingDemoTranslation as missing:
            logger.warning("Demo translation of “%s” not made: %s", page.title, missing)
            continue
        if translated is not None:
            done.append(f"{locale.language_code} translation of “{page.title}”")
    return done
