"""Turning a manually edited translation back into a synced one without losing the edits.

wagtail-localize#876: once an editor stops syncing a translation ("convert to manual editing")
and edits the page directly, "Start Synced translation" rebuilds the page from the translation
memory as it was before the manual edits, and the edits are gone. Before the restart, we read
the page as the editor left it and store each string in the translation memory, matched to
the source string it replaces by its position in the content (the same field, block id and
order). Strings the source has changed since are then offered for translation again by the
next sync, and everything else keeps its manual wording.
"""

from collections import defaultdict

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def stopped_translation_of(page: Page) -> Translation | None:
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=False,
        )
        .select_related("source")
        .first()
    )


def keep_manual_edits(translation: Translation, page: Page, user=None) -> int:
    """Store the page's current strings as translations of its source; returns how many."""
    edited = page.specific.get_latest_revision_as_object()
    target_strings = defaultdict(list)
    for value in extract_segments(edited):
        if isinstance(value, StringSegmentValue):
            target_strings[value.path].append(value.string.data)

    kept = 0
    source_segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("context", "string")
        .order_by("order")
    )
    source_by_path = defaultdict(list)
    for segment in source_segments:
        source_by_path[segment.context.path].append(segment)

    for path, segments in source_by_path.items():
        for segment, text in zip(segments, target_strings.get(path, []), strict=False):
            if not text or text == segment.string.data:
                # Still the source wording: nothing was translated here.
                continue
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "",
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            kept += 1
    return kept
