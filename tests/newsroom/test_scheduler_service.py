"""docker-compose runs `publish_scheduled` every minute in its own service, and keeps going.

The compose file is read as YAML; its scheduler's command is run with a stand-in manage.py
(that records each call) and a stand-in ``sleep`` (that records the interval and stops the
loop after a few ticks).
"""

import os
import subprocess
import sys
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
TICKS = 3


def compose_services():
    return yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())["services"]


def test_compose_has_a_scheduler_built_and_configured_like_the_web_server():
    services = compose_services()
    scheduler, web = services["scheduler"], services["web"]
    assert scheduler["build"] == web["build"]
    assert scheduler["environment"] == web["environment"]
    assert scheduler["depends_on"]["db"]["condition"] == "service_healthy"
    assert scheduler["restart"] == "unless-stopped"


def run_scheduler(tmp_path, failing_runs=(), **environment):
    """Run the scheduler's command until it has slept TICKS times; returns the calls made."""
    calls = tmp_path / "calls"
    (tmp_path / "manage.py").write_text(
        "import os, sys\n"
        "with open(os.environ['CALLS'], 'a') as calls:\n"
        "    calls.write('manage.py ' + ' '.join(sys.argv[1:]) + '\\n')\n"
        "runs = sum(1 for line in open(os.environ['CALLS']) if line.startswith('manage.py'))\n"
        f"sys.exit(1 if runs in {tuple(failing_runs)!r} else 0)\n"
    )
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    (bin_dir / "sleep").write_text(
        '#!/bin/sh\necho "sleep $1" >> "$CALLS"\n'
        f'[ "$(grep -c ^sleep "$CALLS")" -ge {TICKS} ] && kill "$PPID"\nexit 0\n'
    )
    (bin_dir / "sleep").chmod(0o755)
    command = compose_services()["scheduler"]["command"]
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "CALLS": str(calls), **environment}
    result = subprocess.run(
        [str(PROJECT_DIR / command[0]), *command[1:]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result, calls.read_text().splitlines()


def test_the_scheduler_publishes_scheduled_pages_once_a_minute(tmp_path):
    _, calls = run_scheduler(tmp_path)
    assert calls == ["manage.py publish_scheduled", "sleep 60"] * TICKS


def test_the_interval_comes_from_the_environment(tmp_path):
    _, calls = run_scheduler(tmp_path, SCHEDULE_INTERVAL_SECONDS="15")
    assert calls[1] == "sleep 15"


def test_a_failed_run_is_logged_and_retried_on_the_next_tick(tmp_path):
    result, calls = run_scheduler(tmp_path, failing_runs=(1,))
    assert calls == ["manage.py publish_scheduled", "sleep 60"] * TICKS
    assert "publish_scheduled failed; next try in 60s" in result.stderr
