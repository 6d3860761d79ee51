"""The translation editor in the admin's language: its dates and the tools it names.

wagtail-localize writes "Translated with PO File on 30 November 2026" with ``strftime``, which
ignores the active language, and shows the tool's name as stored. The note is drawn again
with Django's localised date format and the tool name through the catalogue: "تُرجم باستخدام
ملف PO في 30 نوفمبر 2026". The editor's one hard-coded English heading is translated by
``editor_language.js``. Both lean on wagtail-localize internals: see docs/admin-language.md and
tests/translations/test_editor_language.py, which fails when an upgrade changes them.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail_localize.models import StringTranslation


def translation_note(string_translation) -> str | None:
    """The same three notes as wagtail-localize's ``get_comment``, in the admin's language."""
    date = date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=gettext(string_translation.tool_name), date=date
        )
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None


def install() -> None:
    StringTranslation.get_comment = translation_note
