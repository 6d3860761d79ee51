"""The production image: what its build context holds, how it is built and how it starts.

Checked without Docker: ``.dockerignore`` is read with Docker's own rules (tests/project/
dockerignore.py), the Dockerfile's instructions are parsed, and the start script is run with
stand-ins for ``python`` and ``gunicorn`` that record how they were called.
"""

import os
import runpy
import shlex
import stat
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from tests.project.dockerignore import build_context, is_ignored, read_patterns

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEVELOPMENT_ONLY = ("tests/", "bench/", "docs/", ".ci/")
# What working on the project leaves in the folder, beside what git tracks.
LOCAL_LEFTOVERS = [
    ".venv/bin/python",
    "node_modules/axe-core/axe.min.js",
    "db.sqlite3",
    ".env",
    "media/original_images/photo.jpg",
    "staticfiles/css/site.css",
    "test-artifacts/screenshots/home-375.png",
    "bench/results/results.json",
    "articles/__pycache__/models.cpython-311.pyc",
    ".admin-credentials",
]


def tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


@pytest.fixture(scope="module")
def context() -> set[str]:
    return build_context(PROJECT_DIR, [*tracked_files(), *LOCAL_LEFTOVERS])


def test_docker_rules_are_read_as_docker_reads_them():
    """The examples of Docker's documentation for .dockerignore, and a `!` exception."""
    patterns = read_patterns("# comment\n*/temp*\n*/*/temp*\ntemp?\n**/*.go\n/build\n!build/keep")
    assert is_ignored("somedir/temporary.txt", patterns)
    assert is_ignored("somedir/temp", patterns)
    assert not is_ignored("temp.txt", patterns)
    assert is_ignored("somedir/subdir/temporary.txt", patterns)
    assert is_ignored("tempa", patterns) and not is_ignored("tempab", patterns)
    assert is_ignored("main.go", patterns) and is_ignored("a/b/main.go", patterns)
    assert is_ignored("build/output.bin", patterns) and not is_ignored("build/keep", patterns)


def test_the_image_leaves_out_tests_benchmarks_docs_and_local_files(context):
    development = sorted(path for path in context if path.startswith(DEVELOPMENT_ONLY))
    assert development == []
    assert [path for path in LOCAL_LEFTOVERS if path in context] == []


def test_the_image_keeps_everything_the_running_site_reads(context):
    apps = {path.parent.name for path in PROJECT_DIR.glob("*/apps.py")}
    runtime_roots = (*apps, "config", "templates", "static", "locale", "docker")
    needed = [
        path
        for path in tracked_files()
        if path.split("/")[0] in runtime_roots or path in ("manage.py", "requirements.lock")
    ]
    assert len(needed) > 100
    assert [path for path in needed if path not in context] == []


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continued lines joined and comments dropped."""
    instructions, pending = [], ""
    for line in (PROJECT_DIR / "Dockerfile").read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        pending = ""
    return instructions


def test_the_dockerfile_runs_production_settings_as_a_user_from_files_in_the_context(context):
    instructions = dockerfile_instructions()
    environment = {}
    for keyword, arguments in instructions:
        if keyword == "ENV":
            environment.update(word.split("=", 1) for word in shlex.split(arguments))
    assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert (PROJECT_DIR / "config" / "settings" / "production.py").exists()

    users = [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert users and users[-1] not in {"root", "0"}

    for keyword, arguments in instructions:
        if keyword == "COPY":
            sources = [word for word in shlex.split(arguments) if not word.startswith("--")][:-1]
            assert all(source == "." or source in context for source in sources), sources

    command = next(arguments for keyword, arguments in reversed(instructions) if keyword == "CMD")
    script = shlex.split(command.strip("[]").replace(",", " "))[0]
    assert script in context
    assert (PROJECT_DIR / script).stat().st_mode & stat.S_IXUSR


def stand_in(directory: Path, name: str, body: str = "") -> None:
    path = directory / name
    path.write_text(f'#!/bin/sh\necho "{name} $*" >> "$CALLS"\n{body}\n')
    path.chmod(0o755)


def run_start_script(tmp_path, python_exit=0, **environment):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    stand_in(bin_dir, "python", f"exit {python_exit}")
    stand_in(bin_dir, "gunicorn")
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "CALLS": str(calls), **environment}
    result = subprocess.run(
        ["sh", str(PROJECT_DIR / "docker" / "start-web.sh")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result, calls.read_text().splitlines() if calls.exists() else []


def test_the_web_container_migrates_then_serves_with_gunicorn(tmp_path):
    result, calls = run_start_script(tmp_path, PORT="8123", WEB_CONCURRENCY="3")
    assert result.returncode == 0, result.stderr
    assert calls[0] == "python manage.py migrate --noinput"
    gunicorn = shlex.split(calls[1])
    assert gunicorn[:2] == ["gunicorn", "config.wsgi:application"]
    config_file = gunicorn[gunicorn.index("--config") + 1]
    served = gunicorn_settings(config_file, PORT="8123", WEB_CONCURRENCY="3")
    assert served["bind"] == "0.0.0.0:8123"
    assert served["workers"] == 3
    assert len(calls) == 2


def gunicorn_settings(config_file, **environment):
    """The settings gunicorn reads from its config file under ``environment``."""
    with mock.patch.dict(os.environ, environment):
        return runpy.run_path(str(PROJECT_DIR / config_file))


def test_the_web_container_does_not_serve_when_migrations_fail(tmp_path):
    result, calls = run_start_script(tmp_path, python_exit=1)
    assert result.returncode != 0
    assert calls == ["python manage.py migrate --noinput"]
