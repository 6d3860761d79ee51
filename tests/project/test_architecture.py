"""The shape of the house: migrations stand alone, and imports flow one way (import-linter)."""

import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PROJECT_APPS = {
    path.parent.name for path in PROJECT.glob("*/apps.py") if not path.parent.name.startswith(".")
}


def imported_modules(source: str):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize(
    "migration",
    sorted(PROJECT.glob("*/migrations/0*.py")),
    ids=lambda path: f"{path.parent.parent.name}/{path.name}",
)
def test_migrations_import_no_live_project_code(migration):
    """History must not change when the live code does: migrations copy what they need."""
    live = [
        module
        for module in imported_modules(migration.read_text())
        if module.split(".")[0] in PROJECT_APPS
    ]
    assert live == [], f"{migration} imports live code: {live}"


def test_the_project_apps_are_the_ones_the_import_rules_name():
    """A new app must be placed in a layer of the import contract, not slip past it."""
    import tomllib

    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["importlinter"]
    named = set(config["root_packages"])
    assert PROJECT_APPS - {"config"} <= named, PROJECT_APPS - named
