"""The commands the README and docs/ tell people to run exist.

Every `make <target>` they name is a target make accepts (`make -n`, which runs nothing), and
every `manage.py <command>` is a command Django knows.
"""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

PROJECT_DIR = Path(__file__).resolve().parents[2]
DOCUMENTS = [PROJECT_DIR / "README.md", *sorted((PROJECT_DIR / "docs").glob("*.md"))]


def named(pattern: str) -> set[str]:
    found = set()
    for document in DOCUMENTS:
        found.update(re.findall(pattern, document.read_text("utf-8")))
    return found


MAKE_TARGETS = sorted(named(r"`make ([a-z][a-z-]*)"))
MANAGE_COMMANDS = sorted(named(r"manage\.py ([a-z][a-z_]*)"))


def test_the_documents_name_the_two_commands_and_the_management_commands():
    assert {"run", "test"} <= set(MAKE_TARGETS)
    assert "publish_scheduled" in MANAGE_COMMANDS


@pytest.mark.parametrize("target", MAKE_TARGETS)
def test_every_documented_make_target_exists(target):
    result = subprocess.run(
        ["make", "-n", target], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_every_documented_management_command_exists():
    assert sorted(set(MANAGE_COMMANDS) - set(get_commands())) == []
