"""Production settings, `check --deploy` and the docker-compose file, checked without Docker.

The image itself (build context, Dockerfile, start script): test_docker_image.py.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests import isolation

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


def longest_search_request_line(language_code: str = "fr") -> int:
    """The longest request line the search form can send, in the costliest characters.

    A four-byte character (an emoji) is twelve bytes once percent-encoded; the filters are at
    their longest too.
    """
    from urllib.parse import urlencode

    from search.forms import ArticleSearchForm

    query = urlencode(
        {
            "q": "😀" * ArticleSearchForm.base_fields["q"].max_length,
            "section": "9" * 12,
            "date_from": "2100-12-31",
            "date_to": "2100-12-31",
            "page": "9" * 9,
        }
    )
    return len(f"GET /{language_code}/search/?{query} HTTP/1.1")


@pytest.mark.slow
def test_gunicorn_lets_the_longest_search_and_more_reach_the_site():
    """gunicorn, with the settings the image and the benchmark use, passes a long Arabic
    search (680 letters and beyond) to the site, which answers it in Arabic (a 414 from
    gunicorn would be a bare English page)."""
    import socket
    import time
    from urllib.parse import quote

    from config import gunicorn as gunicorn_settings

    assert gunicorn_settings.limit_request_line >= 2 * longest_search_request_line()
    start = (PROJECT_DIR / "docker" / "start-web.sh").read_text()
    bench = (PROJECT_DIR / "bench" / "server.py").read_text()
    assert "--config config/gunicorn.py" in start
    assert '"--limit-request-line",\n            str(LIMIT_REQUEST_LINE)' in bench

    port = isolation.port(isolation.DEPLOYMENT_GUNICORN)
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "tests.project.echo_wsgi:application",
            "--config",
            "config/gunicorn.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def status_for(letters: int) -> bytes:
            target = "/ar/search/?q=" + quote("ب" * letters)
            for _attempt in range(100):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                        connection.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                        return connection.recv(64).split(b"\r\n")[0]
                except ConnectionRefusedError:
                    time.sleep(0.1)
            raise AssertionError("gunicorn did not start")

        for letters in (680, 1000, 1300):
            assert status_for(letters) == b"HTTP/1.1 200 OK", letters
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- Beyond one machine: the edge profile, the serving stack, the VCL (docs/deploy.md) ---

VCL = PROJECT_DIR / "deploy" / "varnish" / "default.vcl"


def test_compose_runs_the_worker_for_background_tasks(compose):
    worker = compose["services"]["worker"]
    assert worker["command"] == ["python", "manage.py", "db_worker"]
    assert worker["environment"] == compose["services"]["web"]["environment"]
    assert "profiles" not in worker  # tasks would wait forever without it


def test_compose_edge_profile_puts_varnish_in_front_of_two_app_servers(compose):
    services = compose["services"]
    varnish = services["varnish"]
    assert varnish["profiles"] == ["edge"]
    assert varnish["build"] == "deploy/varnish"
    assert varnish["depends_on"]["web"]["condition"] == "service_healthy"
    assert varnish["depends_on"]["web2"]["condition"] == "service_healthy"
    web2 = services["web2"]
    assert web2["profiles"] == ["edge"]
    assert web2["build"] == "." and web2["environment"] == services["web"]["environment"]
    for name in ("worker", "scheduler"):
        assert "profiles" not in services[name]

    backends = (PROJECT_DIR / "deploy" / "varnish" / "backends.vcl").read_text()
    for host in ("web", "web2"):
        assert f'.host = "{host}";' in backends
    assert '.url = "/healthz";' in backends
    assert '"worker";' in backends  # the worker sends the purges
    dockerfile = (PROJECT_DIR / "deploy" / "varnish" / "Dockerfile").read_text()
    assert "varnish-modules" in dockerfile and "default.vcl" in dockerfile


def test_readers_get_keep_alive_and_compressed_pages_in_every_topology(compose):
    environment = compose["services"]["web"]["environment"]
    assert environment["GUNICORN_WORKER_CLASS"] == "gthread"
    assert int(environment["GUNICORN_KEEPALIVE_SECONDS"]) > 0
    start = (PROJECT_DIR / "docker" / "start-web.sh").read_text()
    assert "--config config/gunicorn.py" in start

    from config import gunicorn as gunicorn_settings

    assert gunicorn_settings.worker_class == "gthread" and gunicorn_settings.keepalive > 0
    # Directly on gunicorn: the app compresses public pages; behind Varnish: Varnish does.
    from django.conf import settings

    assert "pagecache.compression.PublicPageCompressionMiddleware" in settings.MIDDLEWARE
    assert "set beresp.do_gzip = true;" in VCL.read_text()


def test_the_health_probes_are_not_in_gunicorn_s_access_log(monkeypatch):
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    from config.gunicorn import PROBE_PATHS, ProbeQuietLogger
    from operations.probes import PROBE_PATHS as ANSWERED

    assert set(PROBE_PATHS) == set(ANSWERED)
    logged = []
    monkeypatch.setattr(
        Logger, "access", lambda self, resp, req, environ, took: logged.append(environ["PATH_INFO"])
    )
    logger = ProbeQuietLogger(Config())
    for path in ("/healthz", "/readyz", "/ar/"):
        logger.access(None, None, {"PATH_INFO": path}, 0)
    assert logged == ["/ar/"]


def test_the_vcl_strips_the_same_campaign_parameters_as_the_app():
    from django.conf import settings

    text = VCL.read_text()
    lists = {
        frozenset(found.split("|")) for found in re.findall(r"\((utm_source\|[a-z_|]+)\)", text)
    }
    assert lists == {frozenset(settings.PAGE_CACHE_IGNORED_QUERY_PARAMETERS)}


def test_the_vcl_passes_the_cookies_the_app_s_page_cache_passes():
    from django.conf import settings

    text = VCL.read_text()
    cookies = re.search(r'Cookie ~ "\(\^\|;\\s\*\)\(([a-z_|]+)\)=', text).group(1)
    assert set(cookies.split("|")) == {
        settings.SESSION_COOKIE_NAME,
        *settings.PAGE_CACHE_BYPASS_COOKIES,
    }
