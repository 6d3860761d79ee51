"""gunicorn's settings for the Docker image (docker/start-web.sh), from the environment.

Workers are threaded (gthread) and keep a reader's connection open between requests
(keep-alive), so a phone reading several pages, or a proxy in front, does not pay a new TCP
(and TLS, at the proxy) handshake per page; sync workers close after every response.

A search is a GET: its words travel in the request line, and gunicorn answers a line longer than
``limit_request_line`` itself, with a bare English 414, before Django sees it. Each Arabic letter
is six bytes there (two UTF-8 bytes, percent-encoded), so the default 4,094 bytes stopped at about
680 letters. 8,190, gunicorn's largest, fits the longest search the form allows twice over
(tests/project/test_deployment.py checks it), so even a longer query pasted into the address bar
reaches the form and gets its message in the reader's language. The benchmark server
(bench/server.py) passes the same limit.
"""

import os

from gunicorn.glogging import Logger

# The health probes' paths (operations/probes.py): answered many times a minute, never logged.
PROBE_PATHS = ("/healthz", "/readyz")

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE_SECONDS", "5"))
forwarded_allow_ips = "*"
limit_request_line = 8190
# With JSON logs, Django writes the access lines itself, with the request id
# (operations/logs.py); otherwise gunicorn's own access log goes to stdout.
accesslog = None if os.environ.get("DJANGO_LOG_FORMAT") == "json" else "-"


class ProbeQuietLogger(Logger):
    """gunicorn's access log without the load balancers' probes."""

    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO", "").rstrip("/") in PROBE_PATHS:
            return
        super().access(resp, req, environ, request_time)


logger_class = ProbeQuietLogger


def child_exit(server, worker):
    """A stopped worker's metrics files are merged into the totals, not counted as live."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
