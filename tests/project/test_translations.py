"""The interface speaks Arabic, French and English from a fresh clone (no gettext needed)."""

import polib
import pytest

from home.management.commands.compile_catalogues import catalogue_paths

TRANSLATED_LANGUAGES = ["ar", "fr"]


def catalogues():
    return {path.parent.parent.name: path for path in catalogue_paths()}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated(language):
    catalogue = polib.pofile(str(catalogues()[language]))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def entries(mo_path):
    return sorted(
        (entry.msgctxt or "", entry.msgid, entry.msgstr) for entry in polib.mofile(mo_path)
    )


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_committed_mo_file_matches_its_po_file(language, tmp_path):
    po_path = catalogues()[language]
    compiled = tmp_path / "django.mo"
    polib.pofile(str(po_path)).save_as_mofile(str(compiled))
    committed = po_path.with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run `make compile-messages`"
    assert entries(str(committed)) == entries(str(compiled)), "run `make compile-messages`"
