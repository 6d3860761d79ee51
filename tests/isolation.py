"""Ports, Redis databases and database names for tests that start servers of their own.

Several runs can share a machine: pytest-xdist workers of one run, and people or CI jobs
running checkouts side by side. Each worker takes its own block of ports and its own database
names, derived from its worker id (``PYTEST_XDIST_WORKER``); the run takes one Redis database.
``TEST_PORT_BASE``, ``TEST_REDIS_DB`` and ``TEST_NAME_SUFFIX`` move a whole run elsewhere.
"""

import os

PORTS_PER_WORKER = 20
DEFAULT_PORT_BASE = 18620
DEFAULT_REDIS_DB = 6


def worker_index() -> int:
    """0 without xdist or on its first worker (gw0), 1 on gw1, and so on."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker.removeprefix("gw") or 0)


def port(offset: int) -> int:
    """The port ``offset`` of this worker's block (offsets are listed in PORTS below)."""
    if not 0 <= offset < PORTS_PER_WORKER:
        raise ValueError(f"port offset {offset} is outside a worker's block")
    base = int(os.environ.get("TEST_PORT_BASE", DEFAULT_PORT_BASE))
    return base + worker_index() * PORTS_PER_WORKER + offset


def redis_url() -> str:
    """The Redis database the run's servers share and flush (never another run's).

    One per run, not per worker: the modules that use it take turns, one module at a time
    (SHARED_SERVICE_MODULES in tests/conftest.py), so a run needs one database only.
    """
    return f"redis://127.0.0.1:6379/{int(os.environ.get('TEST_REDIS_DB', DEFAULT_REDIS_DB))}"


def database_name(base: str) -> str:
    """``base`` with the run's suffix and the worker id, for databases a test makes itself."""
    parts = [
        base,
        os.environ.get("TEST_NAME_SUFFIX", ""),
        os.environ.get("PYTEST_XDIST_WORKER", ""),
    ]
    return "_".join(part for part in parts if part)


# Offsets in a worker's block of ports, one line per test module that listens.
VCL_POLICY_VARNISH, VCL_POLICY_BACKEND = 0, 1
EDGE_VARNISH, EDGE_APP_FIRST, EDGE_APP_SECOND = 2, 3, 4
REPLICA, REPLICA_TOLERANT_APP, REPLICA_STRICT_APP = 6, 7, 8
DEPLOYMENT_GUNICORN = 9
