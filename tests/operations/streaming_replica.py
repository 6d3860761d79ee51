"""A PostgreSQL streaming replica of the local cluster, started for a test.

`pg_basebackup -R` copies the running cluster (127.0.0.1:5432) into a temporary folder and
writes the standby settings; a second `postgres` serves the copy on another port and streams
from the primary from then on. The primary must accept replication connections from
127.0.0.1 (.ci/run adds the pg_hba.conf line). Run as root, the copy is owned by and served as
the `postgres` user.
"""

import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def tools_available() -> bool:
    return (PG_BIN / "pg_basebackup").exists() and (PG_BIN / "postgres").exists()


@contextmanager
def streaming_replica(port: int, primary_port: int = 5432):
    """Yields a running replica's port; stops it (if still running) and removes it after."""
    folder = Path(tempfile.mkdtemp(prefix="akhbar-replica-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(
        as_postgres(
            [
                str(PG_BIN / "pg_basebackup"),
                "-h", "127.0.0.1", "-p", str(primary_port), "-U", "postgres",
                "-D", str(data), "-R", "-X", "stream", "--checkpoint=fast",
            ]
        ),
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    # Debian keeps the configuration outside the data folder: the copy gets its own.
    for name, text in {
        "postgresql.conf": "",
        "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
        "pg_ident.conf": "",
    }.items():
        (data / name).write_text(text)
    if os.geteuid() == 0:
        for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
            shutil.chown(data / name, "postgres", "postgres")
    server = subprocess.Popen(
        as_postgres(
            [
                str(PG_BIN / "postgres"),
                "-D", str(data), "-p", str(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", f"unix_socket_directories={folder}",
                "-c", "hot_standby=on",
                "-c", "hot_standby_feedback=on",
                "-c", "logging_collector=off",
                "-c", "shared_buffers=32MB",
            ]
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while subprocess.run(
            [str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"]
        ).returncode:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the replica did not start")
            time.sleep(0.3)
        yield Replica(port, server, data)
    finally:
        Replica(port, server, data).stop()
        shutil.rmtree(folder, ignore_errors=True)


class Replica:
    def __init__(self, port: int, server: subprocess.Popen, data: Path):
        self.port = port
        self.server = server
        self.data = data

    def stop(self) -> None:
        """A fast shutdown, as when the replica's machine is taken down."""
        if self.server.poll() is None:
            subprocess.run(
                as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "stop", "-m", "fast"]),
                capture_output=True,
                timeout=60,
            )
            self.server.wait(timeout=30)
