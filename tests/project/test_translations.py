"""The interface speaks Arabic, French and English from a fresh clone (no gettext needed)."""

import polib
import pytest

from core.management.commands.compile_catalogues import catalogue_paths

TRANSLATED_LANGUAGES = ["ar", "fr"]


def catalogues(language):
    return [path for path in catalogue_paths() if path.parent.parent.name == language]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated(language):
    assert catalogues(language)
    for path in catalogues(language):
        catalogue = polib.pofile(str(path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert untranslated == [], path
        assert fuzzy == [], path


def entries(mo_path):
    return sorted(
        (entry.msgctxt or "", entry.msgid, entry.msgstr) for entry in polib.mofile(mo_path)
    )


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_committed_mo_files_match_their_po_files(language, tmp_path):
    for po_path in catalogues(language):
        compiled = tmp_path / "django.mo"
        polib.pofile(str(po_path)).save_as_mofile(str(compiled))
        committed = po_path.with_suffix(".mo")
        assert committed.exists(), f"{committed} is missing: run `make compile-messages`"
        assert entries(str(committed)) == entries(str(compiled)), (
            f"{committed} is stale: run `make compile-messages`"
        )
