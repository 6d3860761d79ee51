"""`make bench-faults`: what readers and commenters see when Redis or PostgreSQL fail.

The site runs as in production (gunicorn, production settings, page cache on) against a
PostgreSQL cluster and a Redis server of its own, started here on ports 5499 and 6390 so the
machine's services are never touched. Reader threads load the home page, a section and the seed
article while a commenter posts comments (each with a unique text) the whole time.

1. Redis is shut down mid-run and started again: readers must see no 5xx at all.
2. Redis restarts from saved data (issue 13, item 2): pages are cached, Redis saves its data
   and stops, an article is unpublished and another restricted while it is down, and Redis
   comes back with the old data (the cached pages and the old cache generation). No reader may
   be served the unpublished article, the restricted one, or a listing that still shows the
   unpublished one: "stale_pages" must be 0.
3. PostgreSQL is stopped mid-run and started again: requests may fail, but only with the
   friendly 503 page, and the site must answer again within 5 s of the database being back,
   without a restart.

Afterwards every comment that was answered 201 is looked up: each must be in the database
exactly once. Results: bench/results/faults.json, and a summary printed.
"""

import http.client
import json
import os
import random
import subprocess
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.server import BIN_DIR, PROJECT_DIR, gunicorn, manage, production_environment

PG_BIN = Path("/usr/lib/postgresql") / sorted(os.listdir("/usr/lib/postgresql"))[-1] / "bin"
# Ports and folders can be moved (BENCH_FAULTS_*) so two checkouts can run it side by side.
PG_DATA = Path(os.environ.get("BENCH_FAULTS_PG_DATA", "/tmp/akhbar-faults-pg"))
PG_PORT = int(os.environ.get("BENCH_FAULTS_PG_PORT", "5499"))
REDIS_PORT = int(os.environ.get("BENCH_FAULTS_REDIS_PORT", "6390"))
REDIS_DATA = Path(os.environ.get("BENCH_FAULTS_REDIS_DATA", "/tmp/akhbar-faults-redis"))
WEB_PORT = int(os.environ.get("BENCH_FAULTS_WEB_PORT", "8766"))
RESULTS = PROJECT_DIR / "bench" / "results"


def as_postgres(*command: str) -> None:
    subprocess.run(["su", "postgres", "-c", " ".join(command)], check=True)


def start_private_postgres() -> None:
    if not (PG_DATA / "PG_VERSION").exists():
        PG_DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run(["chown", "postgres", str(PG_DATA)], check=True)
        as_postgres(str(PG_BIN / "initdb"), "-D", str(PG_DATA), "-A", "trust", "-U", "postgres")
    postgres_ctl("start")
    subprocess.run(
        [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres",
         "akhbar_faults"],
        check=False, capture_output=True,
    )  # fmt: skip


def postgres_ctl(action: str) -> None:
    options = f"'-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1'"
    extra = ["-m", "fast"] if action == "stop" else ["-o", options, "-w"]
    as_postgres(
        str(PG_BIN / "pg_ctl"), "-D", str(PG_DATA), "-l", str(PG_DATA / "log"), *extra, action
    )


def redis(action: str) -> None:
    """Start (from the saved data, if any), stop (without saving) or save, as asked."""
    if action == "start":
        REDIS_DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(REDIS_DATA), "--dbfilename", "dump.rdb",
             "--daemonize", "yes"],
            check=True,
        )  # fmt: skip
        time.sleep(0.3)
    elif action == "save":
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "save"], capture_output=True)
    else:
        subprocess.run(
            ["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True
        )


def restart_from_saved_data(base_url: str, env: dict, stale: dict) -> dict:
    """Cache pages, save Redis, stop it, change them, start it from the saved data, read."""
    load = Load(base_url, [], 0, "")
    for path in [stale["unpublished"], stale["restricted"], *stale["listings"]] * 6:
        load.request("GET", path)  # cached in Redis, and in each worker's memory
    redis("save")
    redis("stop")
    in_django(env, "change", stdin=json.dumps(stale))  # while Redis is down
    redis("start")  # from the data saved before the change
    time.sleep(config_retry_seconds())
    served = Counter()
    deadline = time.monotonic() + 6
    while time.monotonic() < deadline:
        for name, path in [("unpublished", stale["unpublished"]),
                           ("restricted", stale["restricted"])]:  # fmt: skip
            status, _ = load.request("GET", path)
            served[f"{name} {status}"] += 1
            if status == 200:
                served["stale"] += 1
        for path in stale["listings"]:
            status, payload = load.request("GET", path)
            served[f"listing {status}"] += 1
            if stale["title"].encode() in payload:
                served["stale"] += 1
    return {"answers": dict(served), "stale_pages": served.pop("stale", 0)}


def config_retry_seconds() -> float:
    """How long a worker leaves Redis alone after a failure (config/cache.py), plus a margin."""
    from config.cache import RETRY_AFTER_SECONDS

    return RETRY_AFTER_SECONDS + 0.5


class Load:
    """Reader and commenter threads; every answer is recorded with its time."""

    def __init__(self, base_url: str, paths: list[str], article_id: int, ticket: str):
        self.host, self.port = urlsplit(base_url).hostname, urlsplit(base_url).port
        self.paths = paths
        self.article_id = article_id
        self.ticket = ticket
        self.records = []
        self.accepted_comments = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            payload = response.read()
            return response.status, payload
        except OSError:
            return 0, b""
        finally:
            connection.close()

    def record(self, kind, status, payload=b""):
        with self.lock:
            self.records.append((time.monotonic(), kind, status, b"Traceback" in payload))

    def reader(self):
        while not self.stop.is_set():
            status, payload = self.request("GET", random.choice(self.paths))
            self.record("read", status, payload)

    def commenter(self):
        while not self.stop.is_set():
            token = uuid.uuid4().hex
            form = {
                "name": "قارئ الاختبار",
                "email": f"{token[:12]}@example.com",
                "body": f"تعليق اختبار الأعطال {token}",
                "ticket": self.ticket,
                "homepage": "",
            }
            status, payload = self.request(
                "POST",
                f"/ar/comments/{self.article_id}/post/",
                body=urlencode(form),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/json",
                    "X-Forwarded-For": f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.1",
                },
            )
            self.record("comment", status, payload)
            if status == 201:
                with self.lock:
                    self.accepted_comments.append(token)
            time.sleep(0.2)

    def run(self, seconds: float, events: list[tuple[float, callable]]):
        threads = [threading.Thread(target=self.reader) for _ in range(4)]
        threads.append(threading.Thread(target=self.commenter))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        marks = {}
        for at, name, action in events:
            time.sleep(max(0.0, started + at - time.monotonic()))
            action()
            marks[name] = time.monotonic()
        time.sleep(max(0.0, started + seconds - time.monotonic()))
        self.stop.set()
        for thread in threads:
            thread.join()
        return marks


def summarise(records, since=None, until=None):
    chosen = [
        r for r in records if (since is None or r[0] >= since) and (until is None or r[0] <= until)
    ]
    statuses = Counter((kind, status) for _, kind, status, _ in chosen)
    return {
        "requests": len(chosen),
        "statuses": {
            f"{kind} {status}": count for (kind, status), count in sorted(statuses.items())
        },
        "reader_5xx": sum(1 for _, kind, status, _ in chosen if kind == "read" and status >= 500),
        "reader_non_503_errors": sum(
            1
            for _, kind, status, _ in chosen
            if kind == "read" and (status == 0 or 500 <= status != 503)
        ),
        "tracebacks": sum(1 for *_, traceback in chosen if traceback),
    }


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    start_private_postgres()
    (REDIS_DATA / "dump.rdb").unlink(missing_ok=True)
    redis("start")
    database_url = f"postgres://postgres@127.0.0.1:{PG_PORT}/akhbar_faults"
    env = production_environment(
        database_url, redis_url=f"redis://127.0.0.1:{REDIS_PORT}/0", page_cache=True
    )
    env["DJANGO_TRUSTED_PROXY_COUNT"] = "1"
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    setup = in_django(env, "setup")
    article = json.loads(setup.strip().splitlines()[-1])
    time.sleep(3.5)  # the ticket's minimum writing time

    report = {}
    with gunicorn(env, WEB_PORT) as base_url:
        load = Load(base_url, article["paths"], article["id"], article["ticket"])
        marks = load.run(14, [(4, "redis_down", lambda: redis("stop")),
                              (10, "redis_up", lambda: redis("start"))])  # fmt: skip
        report["redis"] = {
            "whole_run": summarise(load.records),
            "while_down": summarise(load.records, marks["redis_down"], marks["redis_up"]),
        }
        redis_comments = list(load.accepted_comments)

        report["redis_restart_from_saved_data"] = restart_from_saved_data(
            base_url, env, article["stale"]
        )

        load = Load(base_url, article["paths"], article["id"], article["ticket"])
        marks = load.run(25, [(5, "postgres_down", lambda: postgres_ctl("stop")),
                              (10, "postgres_up", lambda: postgres_ctl("start"))])  # fmt: skip
        back = marks["postgres_up"]
        successes = [
            t for t, kind, status, _ in load.records if kind == "comment" and status == 201
        ]
        first_success = min((t for t in successes if t >= back), default=None)
        report["postgres"] = {
            "whole_run": summarise(load.records),
            "while_down": summarise(load.records, marks["postgres_down"], back),
            "after_back": summarise(load.records, back),
            # From the database being back to the first comment stored (a write, uncached).
            "recovery_seconds": None if first_success is None else round(first_success - back, 2),
        }
        all_comments = redis_comments + load.accepted_comments

    ledger = in_django(env, "ledger", stdin=json.dumps(all_comments))
    counts = json.loads(ledger.strip().splitlines()[-1])
    report["comment_ledger"] = {
        "answered_201": len(all_comments),
        "stored_exactly_once": sum(1 for n in counts.values() if n == 1),
        "missing": sum(1 for n in counts.values() if n == 0),
        "duplicated": sum(1 for n in counts.values() if n > 1),
    }
    redis("stop")
    postgres_ctl("stop")
    (RESULTS / "faults.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


def in_django(env: dict, step: str, stdin: str | None = None) -> str:
    return subprocess.run(
        [str(BIN_DIR / "python"), "-m", "bench.faults", step],
        cwd=PROJECT_DIR,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def django_step(step: str) -> None:
    """Run inside Django (a separate process with the server's settings)."""
    import sys

    import django

    django.setup()
    from wagtail.models import PageViewRestriction

    from articles.models import ArticlePage
    from comments.models import ReaderComment
    from comments.tickets import issue_ticket
    from demo.builder import build_demo_content

    if step == "setup":
        build_demo_content()
        article = ArticlePage.objects.get(
            slug="morocco-counter-terrorism-regional-security", locale__language_code="ar"
        )
        # The last path carries a parameter the page cache ignores: always rendered afresh, so
        # it shows when the database is really back.
        paths = [article.url, article.get_parent().url, "/ar/", f"{article.url}?from=faults"]
        # Two more articles in the seed's section, for the Redis restart: one to unpublish
        # and one to restrict while Redis is down.
        unpublished, restricted = (
            fresh_article(article.get_parent(), slug, title)
            for slug, title in [("faults-unpublished", "خبر يسحب أثناء توقف ريديس"),
                                ("faults-restricted", "خبر يقيد أثناء توقف ريديس")]
        )  # fmt: skip
        stale = {
            "unpublished": unpublished.url,
            "unpublished_id": unpublished.pk,
            "title": unpublished.title,
            "restricted": restricted.url,
            "restricted_id": restricted.pk,
            "listings": [article.get_parent().url, "/ar/"],
        }
        print(
            json.dumps(
                {
                    "id": article.pk,
                    "ticket": issue_ticket(article.pk),
                    "paths": paths,
                    "stale": stale,
                }
            )
        )
    elif step == "change":
        stale = json.load(sys.stdin)
        ArticlePage.objects.get(pk=stale["unpublished_id"]).unpublish()
        PageViewRestriction.objects.create(
            page=ArticlePage.objects.get(pk=stale["restricted_id"]),
            restriction_type=PageViewRestriction.LOGIN,
        )
    elif step == "ledger":
        tokens = json.load(sys.stdin)
        counts = {t: ReaderComment.objects.filter(body__endswith=t).count() for t in tokens}
        print(json.dumps(counts))


def fresh_article(section, slug: str, title: str):
    """A published article made anew (a previous run left it unpublished or restricted)."""
    from django.utils import timezone

    from articles.models import ArticlePage

    for old in ArticlePage.objects.filter(slug=slug):
        old.delete()
    article = ArticlePage(
        title=title,
        slug=slug,
        standfirst="خبر لاختبار الأعطال.",
        body=[
            {
                "type": "headed_section",
                "value": {
                    "heading": "الخبر",
                    "unnumbered": False,
                    "content": [{"type": "paragraph", "value": "<p>نص الخبر.</p>"}],
                },
            }
        ],
        publication_date=timezone.now(),
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 1:
        django_step(sys.argv[1])
    else:
        main()
