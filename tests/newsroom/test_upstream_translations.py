"""Where our catalogue and templates stand in for Wagtail's and wagtail-localize's English.

Each test names the upstream piece it leans on and fails the day an upgrade changes it
(docs/admin-language.md lists them).
"""

from pathlib import Path

import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import (
    keyboard_shortcuts_dialog,
    timesince_simple,
)
from wagtail_localize.models import StringTranslation

WAGTAIL = Path(wagtail.__file__).parent
LOCALIZE = Path(wagtail_localize.__file__).parent


@pytest.mark.parametrize(("language", "just_now"), [("ar", "الآن"), ("fr", "à l'instant")])
def test_a_moment_ago_reads_just_now_not_zero_minutes(language, just_now):
    # Wagtail compares Django's timesince() text with its catalogue's "0 minutes".
    with translation.override(language):
        assert timesince_simple(timezone.now()) == just_now
        assert timesince_simple(timezone.now() - timezone.timedelta(minutes=3)) != just_now


def test_the_shortcuts_dialog_names_bold_and_italic_in_arabic(rf):
    request = rf.get("/admin/")
    with translation.override("ar"):
        shortcuts = keyboard_shortcuts_dialog({"request": request})["shortcuts"]
        labels = [str(item[0]) for group in shortcuts.values() for item in group if item]
    assert "غامق" in labels and "مائل" in labels
    assert "Bold" not in labels and "Italic" not in labels


def test_the_autosave_warning_has_no_english_word():
    with translation.override("ar"):
        html = render_to_string(
            "wagtailadmin/shared/unsaved_changes_warning.html", {"autosave_enabled": True}
        )
    assert "الحفظ التلقائي <span>متوقف مؤقتًا</span>" in html
    assert "<span>paused</span>" not in html


def test_our_header_actions_template_is_wagtails_with_the_label_translated():
    upstream = (WAGTAIL / "admin/templates/wagtailadmin/shared/headers/_actions.html").read_text()
    ours = Path(settings.BASE_DIR) / "templates/wagtailadmin/shared/headers/_actions.html"
    ours_body = ours.read_text().split("\n", 1)[1]
    assert ours_body == upstream.replace(
        'aria-label="Actions"', "aria-label=\"{% translate 'Actions' %}\""
    )
    with translation.override("ar"):
        html = render_to_string("wagtailadmin/shared/headers/_actions.html", {"actions": ""})
    assert 'aria-label="الإجراءات"' in html


def test_the_translation_editors_english_text_is_still_where_our_script_looks():
    bundle = (LOCALIZE / "static/wagtail_localize/js/wagtail-localize.js").read_text()
    assert "${r.sourceLocale.displayName} to ${r.locale.displayName} translation" in bundle
    assert '"w-sr-only"},"More actions")' in bundle


@pytest.mark.django_db
def test_translation_notes_carry_a_localised_date_and_tool(demo_site):
    note = StringTranslation.objects.filter(tool_name="PO File").first()
    assert note is not None, "the demo's French translation is imported from a PO file"
    note.updated_at = timezone.make_aware(timezone.datetime(2026, 11, 30, 12))
    with translation.override("ar"):
        arabic = note.get_comment()
    with translation.override("fr"):
        french = note.get_comment()
    assert "نوفمبر" in arabic and "ملف PO" in arabic and "November" not in arabic
    assert "novembre" in french and "fichier PO" in french
