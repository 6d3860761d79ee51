"""Anonymous readers' pages from a real streaming replica; everything else from the primary.

A replica of the local cluster is made with `pg_basebackup -R` and run on its own port; two
gunicorn servers use it (REPLICA_DATABASE_URL), one accepting a replica up to an hour behind,
one only two seconds behind. To see which database answered, the replica's replay is paused
and a headline changed on the primary alone: the replica still has the old one.
"""

import json
import re
import subprocess
import tempfile
import time

import psycopg
import pytest
import requests
from django.db import connection

from bench.edge_stack import app_server, flush_redis, fresh_database, prepare_site
from bench.server import BIN_DIR, PROJECT_DIR, production_environment
from tests import isolation
from tests.operations.streaming_replica import streaming_replica, tools_available

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="streams from the local PostgreSQL"
    ),
]

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = isolation.redis_url()
DATABASE = isolation.database_name("akhbar_edge_replica")
REPLICA_PORT = isolation.port(isolation.REPLICA)
TOLERANT_PORT = isolation.port(isolation.REPLICA_TOLERANT_APP)
STRICT_PORT = isolation.port(isolation.REPLICA_STRICT_APP)
EDITOR, PASSWORD = "replica-editor", "replica-editor-password-0123"
KNOWN_READER = "known-reader@example.com"

SETUP_SCRIPT = f"""
import django, json; django.setup()
from django.contrib.auth import get_user_model
from wagtail.models import Site
from articles.models import ArticlePage
from comments.models import CommentSettings, ReaderComment
get_user_model().objects.create_superuser({EDITOR!r}, "editor@example.com", {PASSWORD!r})
seed = ArticlePage.objects.get(slug="morocco-counter-terrorism-regional-security",
                               locale__language_code="ar")
for site in Site.objects.all():
    settings = CommentSettings.for_site(site)
    settings.auto_approve_known_authors = True
    settings.min_seconds_to_submit = 0
    settings.save()
ReaderComment.objects.create(page=seed, author_name="قارئة", author_email={KNOWN_READER!r},
                             body="تعليق سابق", status="approved")
print(json.dumps({{"id": seed.pk, "url": seed.url, "title": seed.title}}))
"""


def primary_sql(sql: str, *args):
    with psycopg.connect(f"{POSTGRES}/{DATABASE}", autocommit=True) as database:
        return (
            database.execute(sql, args).fetchall()
            if sql.lstrip().startswith("SELECT")
            else (database.execute(sql, args))
        )


def replica_sql(sql: str):
    with psycopg.connect(
        f"postgres://postgres@127.0.0.1:{REPLICA_PORT}/{DATABASE}", autocommit=True
    ) as database:
        return database.execute(sql).fetchall()


def wait_for_replay() -> None:
    """Until the replica has replayed everything the primary has written."""
    target = primary_sql("SELECT pg_current_wal_lsn()::text")[0][0]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done = replica_sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0][0]
        if done:
            return
        time.sleep(0.2)
    raise AssertionError("the replica did not catch up")


@pytest.fixture(scope="module")
def servers():
    if not tools_available():
        pytest.skip("PostgreSQL's server programs (pg_basebackup, postgres) are not installed")
    database_url = fresh_database(POSTGRES, DATABASE)
    flush_redis(REDIS)
    base = production_environment(database_url, redis_url=REDIS, page_cache=False)
    base.update(
        {
            "DJANGO_FRAGMENT_CACHE": "0",
            "DJANGO_MEDIA_ROOT": tempfile.mkdtemp(prefix="akhbar-replica-media-"),
        }
    )
    prepare_site(base)
    seed = json.loads(
        subprocess.run(
            [str(BIN_DIR / "python"), "-c", SETUP_SCRIPT],
            cwd=PROJECT_DIR,
            env=base,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    try:
        replica = streaming_replica(REPLICA_PORT)
        running_replica = replica.__enter__()
    except subprocess.CalledProcessError as error:
        pytest.skip(
            "the local PostgreSQL refused to stream to a replica (pg_hba.conf needs "
            f"`host replication all 127.0.0.1/32 trust`, see .ci/run): {error.stderr}"
        )
    try:
        wait_for_replay()
        replica_env = {
            **base,
            "REPLICA_DATABASE_URL": f"postgres://postgres@127.0.0.1:{REPLICA_PORT}/{DATABASE}",
            "DJANGO_REPLICA_CHECK_SECONDS": "1",
            "DJANGO_REPLICA_READ_YOUR_WRITES_SECONDS": "10",
        }
        tolerant_env = {**replica_env, "DJANGO_REPLICA_MAX_LAG_SECONDS": "3600"}
        strict_env = {**replica_env, "DJANGO_REPLICA_MAX_LAG_SECONDS": "2"}
        logs = PROJECT_DIR / "test-artifacts"
        logs.mkdir(exist_ok=True)
        with (
            app_server(tolerant_env, TOLERANT_PORT, logs) as tolerant,
            app_server(strict_env, STRICT_PORT, logs) as strict,
        ):
            yield {"tolerant": tolerant.url, "strict": strict.url, "seed": seed,
                   "replica": running_replica}  # fmt: skip
    finally:
        replica.__exit__(None, None, None)


def headline(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def signed_in(url: str) -> requests.Session:
    session = requests.Session()
    login = url + "/admin/login/"
    session.get(login, timeout=15)
    session.post(
        login,
        data={"username": EDITOR, "password": PASSWORD,
              "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": login},
        timeout=15,
    )  # fmt: skip
    assert "sessionid" in session.cookies
    return session


def test_reads_go_to_the_replica_and_editors_to_the_primary(servers):
    seed = servers["seed"]
    replica_sql("SELECT pg_wal_replay_pause()")
    try:
        primary_sql(
            "UPDATE wagtailcore_page SET title = %s WHERE id = %s", "عنوان جديد", seed["id"]
        )
        page = servers["tolerant"] + seed["url"]

        anonymous = requests.get(page, timeout=15)
        assert anonymous.status_code == 200
        assert headline(anonymous.text) == seed["title"]  # the replica's copy

        editor = signed_in(servers["tolerant"])
        assert headline(editor.get(page, timeout=15).text) == "عنوان جديد"
        edit = editor.get(f"{servers['tolerant']}/admin/pages/{seed['id']}/edit/", timeout=15)
        assert edit.status_code == 200 and "عنوان جديد" in edit.text

        # The strict server accepts a replica at most 2 s behind: this one is paused.
        time.sleep(3.5)
        lagging = requests.get(servers["strict"] + seed["url"], timeout=15)
        assert lagging.status_code == 200
        assert headline(lagging.text) == "عنوان جديد"
    finally:
        replica_sql("SELECT pg_wal_replay_resume()")
        primary_sql(
            "UPDATE wagtailcore_page SET title = %s WHERE id = %s", seed["title"], seed["id"]
        )
        wait_for_replay()


def test_a_reader_sees_their_own_comment_right_after_posting(servers):
    seed, base = servers["seed"], servers["tolerant"]
    reader = requests.Session()
    ticket = reader.get(f"{base}/ar/comments/{seed['id']}/form-state/", timeout=15).json()
    replica_sql("SELECT pg_wal_replay_pause()")  # the replica will not have the comment
    try:
        response = reader.post(
            f"{base}/ar/comments/{seed['id']}/post/",
            data={"name": "قارئة", "email": KNOWN_READER, "body": "تعليقي الجديد هنا",
                  "ticket": ticket["ticket"]},
            timeout=15,
            allow_redirects=False,
        )  # fmt: skip
        assert response.status_code == 303, response.text[:500]
        assert "read_primary" in reader.cookies
        page = reader.get(base + response.headers["Location"], timeout=15)
        assert page.status_code == 200
        assert "تعليقي الجديد هنا" in page.text
    finally:
        replica_sql("SELECT pg_wal_replay_resume()")
        wait_for_replay()


def test_stopping_the_replica_causes_no_server_error(servers):
    seed = servers["seed"]
    url = servers["tolerant"] + seed["url"]
    assert requests.get(url, timeout=15).status_code == 200
    servers["replica"].stop()
    statuses = [requests.get(url, timeout=15).status_code for _ in range(12)]
    statuses += [requests.get(servers["strict"] + "/ar/", timeout=15).status_code]
    assert set(statuses) == {200}
