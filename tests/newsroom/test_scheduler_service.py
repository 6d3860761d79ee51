"""docker-compose runs `publish_scheduled` every minute in its own service."""

from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_compose_has_a_scheduler_running_publish_scheduled_every_minute():
    compose = yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())
    scheduler = compose["services"]["scheduler"]
    web = compose["services"]["web"]
    assert scheduler["build"] == web["build"]
    assert scheduler["environment"] == web["environment"]
    assert scheduler["depends_on"]["db"]["condition"] == "service_healthy"
    script = PROJECT_DIR / scheduler["command"][0]
    text = script.read_text()
    assert "manage.py publish_scheduled" in text
    assert 'interval="${SCHEDULE_INTERVAL_SECONDS:-60}"' in text
    assert "while true" in text
    assert script.stat().st_mode & 0o111
