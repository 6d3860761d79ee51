"""Production settings, `check --deploy` and the docker-compose file, checked without Docker.

The image itself (build context, Dockerfile, start script): test_docker_image.py.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]

REAL_LOOKING_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k3%v9!t2@x7#q4^z8&w1*r6(e5)y0_u-i+o=p[a]s{d}f;g:h,j.l<m>n?b",
    "DJANGO_ALLOWED_HOSTS": "news.example.ma",
    "DATABASE_URL": "sqlite:////tmp/akhbar-deploy-check.sqlite3",
    "WAGTAILADMIN_BASE_URL": "https://news.example.ma",
}


def run_manage(*args, environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_a_real_looking_environment():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", environment=REAL_LOOKING_ENVIRONMENT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    environment = {k: v for k, v in REAL_LOOKING_ENVIRONMENT.items() if k != missing}
    result = run_manage("check", environment=environment)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())


def test_compose_has_postgres_with_a_volume_and_a_healthcheck(compose):
    db = compose["services"]["db"]
    image, _, version = db["image"].partition(":")
    assert image == "postgres" and int(version.split(".")[0]) >= 15
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


def test_compose_web_builds_the_image_against_the_compose_database(compose):
    web = compose["services"]["web"]
    assert web["build"] == "."
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    environment = web["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"):
        assert environment[name]
    # The image itself (Dockerfile, start script): tests/project/test_docker_image.py.


def compose_value(value) -> str:
    """A compose value with `${NAME:-default}` replaced by its default, as Compose would."""
    text = str(value)
    if text.startswith("${") and ":-" in text:
        return text[2:-1].split(":-", 1)[1]
    return text


def test_production_settings_import_with_the_compose_environment(compose):
    environment = {
        key: compose_value(value)
        for key, value in compose["services"]["web"]["environment"].items()
    }
    environment["DATABASE_URL"] = "sqlite:////tmp/akhbar-compose-check.sqlite3"
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    result = run_manage("check", environment=environment)
    assert result.returncode == 0, result.stdout + result.stderr
