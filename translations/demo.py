"""The demo newsroom in three languages, translated through wagtail-localize.

The French and English trees are synchronised from Arabic (wagtail-localize's "sync from"
locale setting): every Arabic page has a counterpart in each language, an alias until someone
translates it. The home page and the sections are then translated into French and English,
and the seed article into French, the way an editor does it in the admin: "Translate this
page" (a Translation record), the translation's PO file exported, filled and imported, then
published. Running it again changes nothing.
"""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from translations.demo_content.newsroom import HOME_AND_SECTIONS

SEED_ARTICLE_FRENCH = Path(__file__).with_name("demo_content") / "seed-article.fr.po"


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
    # What "Translate this page" records (wagtail-localize's submit view); the page itself is
    # written once, below, when the translation is published.
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )

    po = translation.export_po()
    for entry in po:
        if entry.obsolete:
            continue
        try:
            entry.msgstr = catalogue[entry.msgid]
        except KeyError as error:
            raise MissingDemoTranslation(
                f"No {locale.language_code} text for {entry.msgid!r} ({entry.msgctxt})"
            ) from error
    translation.import_po(po, tool_name="PO File")
    # wagtail-localize publishes when the transaction commits; the demo is built in one
    # transaction, so the translation is saved as a draft and its revision published now.
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target


def translate_demo_newsroom(home: Page, article: Page) -> list[str]:
    """Synchronise the trees and translate the demo pages; returns what was created."""
    created = []
    source_locale = home.locale
    synchronise_trees(source_locale)
    sections = list(home.get_children().specific())
    for code, catalogue in HOME_AND_SECTIONS.items():
        locale = Locale.objects.get(language_code=code)
        for page in [home, *sections]:
            if translate_page(page, locale, catalogue) is not None:
                created.append(f"{code} translation of “{page.title}”")
    french = Locale.objects.get(language_code="fr")
    if translate_page(article, french, catalogue_from_po(SEED_ARTICLE_FRENCH)) is not None:
        created.append(f"fr translation of “{article.title}”")
    return created
