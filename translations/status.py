"""Which languages an article exists in, which are published, and which are out of date.

wagtail-localize#832: editors lose track of translations that no longer match their source.
A translation is out of date when the Arabic source has been published since the translation
last took its text from it:

- a synced translation (wagtail-localize's editor) takes the source's text when it is created
  or synced ("Sync translated pages"); if the source was published after that, the
  translation lacks the change. If it was synced but the translation was not published since,
  readers still see the old text.
- a manual translation (sync stopped, edited like any page) is compared with its own last
  publication.

The whole table costs a fixed handful of queries, however many articles a page lists.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


class TranslationState(models.TextChoices):
    MISSING = "missing", _("Not translated")
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published, up to date")
    OUTDATED = "outdated", _("Out of date")


class OutdatedReason(models.TextChoices):
    SOURCE_CHANGED = "source-changed", _("The Arabic text changed after the last sync.")
    SYNC_UNPUBLISHED = "sync-unpublished", _("Synced, but the update is not published yet.")
    MANUAL_BEHIND = (
        "manual-behind",
        _("The Arabic text was published after this translation was last published."),
    )


@dataclass(frozen=True)
class LanguageStatus:
    locale: Locale
    state: str
    reason: str = ""
    page_id: int | None = None
    action_url: str = ""
    action_label: str = ""

    @property
    def state_label(self) -> str:
        return TranslationState(self.state).label

    @property
    def reason_label(self) -> str:
        return OutdatedReason(self.reason).label if self.reason else ""


@dataclass(frozen=True)
class ArticleStatus:
    source: Page
    languages: list[LanguageStatus]

    @property
    def is_outdated(self) -> bool:
        return any(status.state == TranslationState.OUTDATED for status in self.languages)


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales(source: Locale) -> list[Locale]:
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = Locale.objects.exclude(pk=source.pk)
    return sorted(
        locales,
        key=lambda locale: (
            order.index(locale.language_code) if locale.language_code in order else len(order)
        ),
    )


def translation_statuses(sources: list[Page], locales: list[Locale]) -> list[ArticleStatus]:
    """The status of each source page in each of ``locales``."""
    keys = [page.translation_key for page in sources]
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(pk__in=[page.pk for page in sources])
        .only("id", "translation_key", "locale_id", "live", "last_published_at")
    }
    localize_sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    synced = {
        (translation.source_id, translation.target_locale_id)
        for translation in Translation.objects.filter(
            source__in=[source.pk for source in localize_sources.values()], enabled=True
        ).only("source_id", "target_locale_id")
    }
    return [
        ArticleStatus(
            source=page,
            languages=[
                _language_status(
                    page,
                    locale,
                    targets.get((page.translation_key, locale.pk)),
                    localize_sources.get((page.translation_key, page.locale_id)),
                    synced,
                )
                for locale in locales
            ],
        )
        for page in sources
    ]


def _language_status(source, locale, target, localize_source, synced) -> LanguageStatus:
    if target is None:
        return LanguageStatus(
            locale=locale,
            state=TranslationState.MISSING,
            action_url=reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
            action_label=_("Translate"),
        )
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    if not target.live:
        return LanguageStatus(
            locale=locale,
            state=TranslationState.DRAFT,
            page_id=target.pk,
            action_url=edit_url,
            action_label=_("Edit"),
        )
    source_published = source.last_published_at
    is_synced = localize_source is not None and (localize_source.pk, locale.pk) in synced
    reason = ""
    action_url, action_label = edit_url, _("Edit")
    if is_synced:
        synced_at = localize_source.last_updated_at
        if source_published and source_published > synced_at:
            reason = OutdatedReason.SOURCE_CHANGED
            action_url = reverse("wagtail_localize:update_translations", args=[localize_source.pk])
            action_label = _("Sync")
        elif target.last_published_at is None or target.last_published_at < synced_at:
            reason = OutdatedReason.SYNC_UNPUBLISHED
    elif source_published and (
        target.last_published_at is None or target.last_published_at < source_published
    ):
        reason = OutdatedReason.MANUAL_BEHIND
    return LanguageStatus(
        locale=locale,
        state=TranslationState.OUTDATED if reason else TranslationState.PUBLISHED,
        reason=reason,
        page_id=target.pk,
        action_url=action_url,
        action_label=action_label,
    )
