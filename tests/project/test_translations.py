"""The interface speaks Arabic, French and English from a fresh clone (no gettext needed)."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from core.management.commands.compile_catalogues import catalogue_paths
from newsroom.upstream_translations import UPSTREAM_STRINGS

BASE_DIR = Path(settings.BASE_DIR)

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


# What `make messages` must not change in a catalogue: which strings it holds. Copied sources
# only: makemessages writes into the folder it runs in.
SKIPPED_WHEN_COPYING = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "staticfiles",
    "media",
    "test-artifacts",
    "__pycache__",
    "*.sqlite3*",
    "results",
)


def makemessages_arguments() -> list[str]:
    """The arguments ``make messages`` gives makemessages, read from the Makefile."""
    recipe = re.search(r"^messages:.*\n\t(.+)$", (BASE_DIR / "Makefile").read_text(), re.M)
    assert recipe, "the Makefile has no `messages` target"
    return shlex.split(recipe.group(1).split("makemessages", 1)[1])


def catalogue_keys(path) -> set:
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


NEEDS_GETTEXT = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs GNU gettext (.ci/run installs it)"
)


@NEEDS_GETTEXT
def test_make_messages_finds_every_catalogued_string_and_no_new_one(tmp_path):
    """A string marked in code but missing from the catalogue reaches Arabic readers in
    English; one in the catalogue that ``make messages`` no longer finds is marked obsolete
    (#~) and its translation silently dropped, as the Wagtail strings we translate better
    once would have been (newsroom/upstream_translations.py). Either way this fails, naming
    the strings."""
    copy = tmp_path / "project"
    shutil.copytree(BASE_DIR, copy, ignore=SKIPPED_WHEN_COPYING)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *makemessages_arguments()],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    for language in TRANSLATED_LANGUAGES:
        relative = Path("locale", language, "LC_MESSAGES", "django.po")
        committed = catalogue_keys(BASE_DIR / relative)
        extracted = catalogue_keys(copy / relative)
        assert sorted(extracted - committed, key=str) == [], (
            f"marked for translation but not in {relative}: run `make messages` and translate them"
        )
        assert sorted(committed - extracted, key=str) == [], (
            f"in {relative} but no longer found by `make messages`"
        )
        assert polib.pofile(str(copy / relative)).fuzzy_entries() == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_our_translations_of_upstream_strings_win_over_the_packages_own(language):
    """Our catalogue is read first, so our wording of Wagtail's strings is what editors see."""
    ours = {
        entry.msgid: entry.msgstr
        for path in catalogues(language)
        for entry in polib.pofile(str(path))
        if entry.msgid in UPSTREAM_STRINGS
    }
    assert set(ours) == set(UPSTREAM_STRINGS)
    with translation.override(language):
        for message in UPSTREAM_STRINGS:
            assert gettext(message) == ours[message]
