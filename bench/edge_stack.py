"""The edge topology on this machine: Varnish (deploy/varnish/default.vcl) in front of two
gunicorn app servers sharing one PostgreSQL database and one Redis database.

Used by the edge test (tests/edge/) and `make bench-edge` (bench/edge.py). Everything binds to
127.0.0.1; the ports are arguments. The shipped default.vcl is used as it is: only its
backends.vcl (which app servers, who may purge) is written for this machine.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from bench.server import BIN_DIR, PROJECT_DIR, manage, production_environment, wait_until_up

VCL_DIR = PROJECT_DIR / "deploy" / "varnish"


def varnishd() -> str | None:
    return shutil.which("varnishd") or next(
        (path for path in ("/usr/sbin/varnishd",) if Path(path).exists()), None
    )


def fresh_database(postgres_url: str, name: str) -> str:
    """An empty database ``name`` (dropped first if it exists); returns its URL."""
    with psycopg.connect(f"{postgres_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_url}/{name}"


def flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def edge_environment(database_url: str, redis_url: str, purge_url: str) -> dict:
    """Production settings for app servers behind Varnish, purging it by key."""
    env = production_environment(database_url, redis_url=redis_url, page_cache=True)
    env.update(
        {
            "DJANGO_EDGE_CACHE_PURGE_URLS": purge_url,
            "DJANGO_EDGE_CACHE_TIMEOUT": "5",
            # Purges run in the publishing request once it commits; the worker's path is
            # tested on its own (tests/operations/test_background_purges.py).
            "DJANGO_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "DJANGO_MEDIA_ROOT": tempfile.mkdtemp(prefix="akhbar-edge-media-"),
        }
    )
    return env


def prepare_site(env: dict) -> None:
    """Migrate, build the demo newsroom, collect the static files."""
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


@dataclass
class AppServer:
    url: str
    access_log: Path
    process: subprocess.Popen = field(repr=False)

    def requested_paths(self) -> list[str]:
        """The request lines gunicorn logged, as "METHOD /path?query"."""
        lines = self.access_log.read_text().splitlines() if self.access_log.exists() else []
        return [line.split('"')[1].rsplit(" ", 1)[0] for line in lines if '"' in line]


@contextmanager
def app_server(env: dict, port: int, log_dir: Path, workers: int = 2):
    access_log = log_dir / f"access-{port}.log"
    process = subprocess.Popen(
        [
            str(BIN_DIR / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            '%(h)s "%(r)s" %(s)s',
            "--log-level",
            "warning",
        ],
        cwd=PROJECT_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield AppServer(f"http://127.0.0.1:{port}", access_log, process)
    finally:
        stop(process)


BACKENDS_VCL = """\
probe app_alive {{ .url = "/healthz"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }}
{backends}
sub vcl_init {{
    new app = directors.round_robin();
{additions}
}}
acl purgers {{ "127.0.0.1"; }}
"""


def backends_vcl(ports) -> str:
    backends = "\n".join(
        f'backend app{index} {{ .host = "127.0.0.1"; .port = "{port}"; .probe = app_alive; }}'
        for index, port in enumerate(ports)
    )
    additions = "\n".join(f"    app.add_backend(app{index});" for index in range(len(ports)))
    return BACKENDS_VCL.format(backends=backends, additions=additions)


@contextmanager
def varnish(port: int, app_ports):
    """varnishd with the shipped default.vcl, on 127.0.0.1:port, until the block ends."""
    work_dir = Path(tempfile.mkdtemp(prefix="akhbar-varnish-"))
    work_dir.chmod(0o755)  # varnishd compiles the VCL as its own unprivileged user
    topology = work_dir / "vcl"
    topology.mkdir()
    (topology / "backends.vcl").write_text(backends_vcl(app_ports))
    process = subprocess.Popen(
        [
            varnishd(),
            "-F",
            "-a",
            f"127.0.0.1:{port}",
            "-T",
            "none",
            "-n",
            str(work_dir / "instance"),
            "-f",
            str(VCL_DIR / "default.vcl"),
            "-p",
            f"vcl_path={topology}:{VCL_DIR}",
            "-s",
            "malloc,64m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:  # up, and the probes have found the app servers healthy
            if process.poll() is not None:
                raise RuntimeError(f"varnishd stopped: {process.stderr.read().decode()}")
            try:
                with urllib.request.urlopen(f"{url}/ar/", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("Varnish did not serve the home page within 30 s")
            time.sleep(0.3)
        yield url
    finally:
        stop(process)
        shutil.rmtree(work_dir, ignore_errors=True)


def stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


@dataclass
class EdgeStack:
    varnish_url: str
    app_servers: list[AppServer]
    env: dict


@contextmanager
def edge_stack(*, postgres_url, database, redis_url, varnish_port, app_ports, prepare=True):
    """Varnish on ``varnish_port`` in front of app servers on ``app_ports``."""
    work_dir = Path(tempfile.mkdtemp(prefix="akhbar-edge-"))
    database_url = f"{postgres_url}/{database}"
    if prepare:
        database_url = fresh_database(postgres_url, database)
    flush_redis(redis_url)
    env = edge_environment(database_url, redis_url, f"http://127.0.0.1:{varnish_port}")
    if prepare:
        # Building the demo publishes pages: nothing to purge yet.
        prepare_site({**env, "DJANGO_EDGE_CACHE_PURGE_URLS": ""})
    try:
        with ExitStack() as stack:
            servers = [stack.enter_context(app_server(env, port, work_dir)) for port in app_ports]
            url = stack.enter_context(varnish(varnish_port, app_ports))
            yield EdgeStack(url, servers, env)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
        shutil.rmtree(env["DJANGO_MEDIA_ROOT"], ignore_errors=True)
