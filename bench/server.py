"""Starts the site the way the Docker image does (gunicorn, production settings, 2 workers)."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from config.gunicorn import limit_request_line as LIMIT_REQUEST_LINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))  # the Dockerfile's default


# Production settings as the benchmarks run them: plain http on this machine, quiet logs.
PRODUCTION_SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_SECURE_COOKIES": "0",
    "DJANGO_LOG_LEVEL": "WARNING",
}


def production_environment(
    database_url: str, *, redis_url: str | None, page_cache: bool, caches: bool = True
) -> dict:
    """The environment of a production server; ``caches=False`` switches every cache off."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            **PRODUCTION_SETTINGS,
            "DATABASE_URL": database_url,
            "DJANGO_PAGE_CACHE": "1" if page_cache else "0",
            # No mail server here: moderators' notifications of benchmark comments go nowhere.
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    if not caches:
        env["DJANGO_CACHE"] = "off"
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [str(BIN_DIR / "python"), "manage.py", *args], cwd=PROJECT_DIR, env=env, check=True
    )


@contextmanager
def gunicorn(env: dict, port: int, workers: int = WORKERS, app: str = "config.wsgi:application"):
    """Serve ``app`` on 127.0.0.1:port until the block ends; waits until a static file answers."""
    process = subprocess.Popen(
        [
            str(BIN_DIR / "gunicorn"),
            app,
            # The image's request-line limit (config/gunicorn.py): long Arabic searches get in.
            "--limit-request-line",
            str(LIMIT_REQUEST_LINE),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=PROJECT_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/static/css/site.css")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer at {url} within {timeout:.0f} s")
