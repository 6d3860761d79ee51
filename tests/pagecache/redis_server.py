"""A Redis server of a test's own, with saved data, that the test stops and starts."""

import shutil
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PersistentRedis:
    """``redis-server`` on a free port, keeping its data in ``folder`` (dump.rdb).

    ``save()`` writes the data as Redis's periodic RDB snapshots would; ``start()`` after
    ``stop()`` loads it again, as a Redis restarted by its supervisor does.
    """

    available = shutil.which("redis-server") is not None

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def cli(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["redis-cli", "-p", str(self.port), *command], capture_output=True, text=True
        )

    def start(self) -> None:
        subprocess.run(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.folder), "--dbfilename", "dump.rdb", "--save", "",
             "--appendonly", "no", "--daemonize", "yes",
             "--pidfile", str(self.folder / "redis.pid")],
            check=True,
        )  # fmt: skip
        self._wait(lambda: self.cli("ping").stdout.strip() == "PONG")

    def save(self) -> None:
        assert self.cli("save").stdout.strip() == "OK"

    def stop(self) -> None:
        self.cli("shutdown", "nosave")
        self._wait(lambda: self.cli("ping").returncode != 0)

    def _wait(self, condition, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis on port {self.port} did not answer in time")
            time.sleep(0.05)
