"""Nothing assumes one process: media, rate limits, login lockouts and comment tickets are
shared by every app server (a volume or S3, Redis, PostgreSQL, the shared secret key)."""

import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests import isolation
from tests.project.test_deployment import PROJECT_DIR, REAL_LOOKING_ENVIRONMENT, run_manage

SHARED_REDIS = isolation.redis_url()

# Each test starts Django in other Python processes, seconds apiece: left out of test-fast.
pytestmark = pytest.mark.slow


def in_another_process(code: str, environment: dict) -> str:
    """Runs ``code`` with Django set up in a separate Python process; returns its last line."""
    env = {"PATH": "/usr/bin:/bin", **environment}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_media_go_to_object_storage_when_a_bucket_is_named():
    environment = {
        **REAL_LOOKING_ENVIRONMENT,
        "DJANGO_MEDIA_S3_BUCKET": "akhbar-media",
        "DJANGO_MEDIA_S3_REGION": "eu-west-3",
        "DJANGO_MEDIA_S3_ENDPOINT_URL": "https://s3.eu-west-3.amazonaws.com",
    }
    code = (
        "import json; from django.core.files.storage import storages; s = storages['default']; "
        "print(json.dumps([type(s).__module__ + '.' + type(s).__name__, s.bucket_name, "
        "s.location, s.querystring_auth, s.url('images/a.jpg')]))"
    )
    backend, bucket, location, signed, url = json.loads(in_another_process(code, environment))
    assert backend == "storages.backends.s3.S3Storage"
    assert (bucket, location, signed) == ("akhbar-media", "media", False)
    assert url == "https://s3.eu-west-3.amazonaws.com/akhbar-media/media/images/a.jpg"
    assert run_manage("check", "--deploy", environment=environment).returncode == 0


def test_media_stay_on_the_shared_volume_without_a_bucket(tmp_path):
    volume = tmp_path / "shared-volume"
    environment = {**REAL_LOOKING_ENVIRONMENT, "DJANGO_MEDIA_ROOT": str(volume)}
    code = (
        "from django.core.files.base import ContentFile; "
        "from django.core.files.storage import default_storage as s; "
        "print(s.save('original_images/from-server-one.txt', ContentFile(b'one')))"
    )
    name = in_another_process(code, environment)
    assert (volume / name).read_bytes() == b"one"  # another server reads it from the volume


def test_this_process_writes_media_where_the_others_read_them(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "volume"
    name = default_storage.save("documents/report.txt", ContentFile(b"shared"))
    assert (tmp_path / "volume" / name).read_bytes() == b"shared"


@pytest.mark.django_db
def test_comment_tickets_issued_by_one_server_are_accepted_by_another(demo_site):
    from comments.tickets import ticket_age

    environment = {**REAL_LOOKING_ENVIRONMENT}
    article_id = demo_site["article"].pk
    ticket = in_another_process(
        f"from comments.tickets import issue_ticket; print(issue_ticket({article_id}))",
        environment,
    )
    settings.SECRET_KEY = REAL_LOOKING_ENVIRONMENT["DJANGO_SECRET_KEY"]
    try:
        assert 0 <= ticket_age(ticket, article_id) < 120
    finally:
        settings.SECRET_KEY = "test-only-secret-key"


def test_comment_rate_limits_are_counted_in_the_shared_redis(settings):
    import redis

    try:
        redis.Redis.from_url(SHARED_REDIS, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    environment = {**REAL_LOOKING_ENVIRONMENT, "REDIS_URL": SHARED_REDIS}
    redis.Redis.from_url(SHARED_REDIS).flushdb()
    # Both servers at the same moment of one minute's window: started seconds apart, they
    # could otherwise fall on either side of a window's end and each count from zero.
    same_moment = "import time; time.time = lambda: 1_800_000_000.0; "
    code = (
        same_moment + "from comments.ratelimit import take_slot; "
        "print([take_slot('203.0.113.9', 3) for _ in range(3)])"
    )
    assert in_another_process(code, environment) == "[0, 0, 0]"  # three allowed, on server one
    code = (
        same_moment + "from comments.ratelimit import take_slot; print(take_slot('203.0.113.9', 3))"
    )
    assert int(in_another_process(code, environment)) > 0  # the fourth refused, on server two


def test_login_lockouts_are_kept_in_the_database():
    """django-axes' default handler stores failures in PostgreSQL: every server sees them."""
    assert getattr(settings, "AXES_HANDLER", "axes.handlers.database.AxesDatabaseHandler") == (
        "axes.handlers.database.AxesDatabaseHandler"
    )
