"""Request ids and JSON log lines (DJANGO_LOG_FORMAT=json)."""

import io
import json
import logging
import subprocess
import sys

import pytest

from operations.logs import JsonFormatter, RequestIdFilter
from tests.project.test_deployment import PROJECT_DIR


@pytest.fixture
def json_lines():
    """Everything logged during the test, as the JSON handler would write it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root, access = logging.getLogger(), logging.getLogger("operations.access")
    root.addHandler(handler)
    access.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        access.setLevel(logging.NOTSET)


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]
    assert len(first) >= 16 and first != second


@pytest.mark.django_db
def test_the_proxy_s_request_id_is_kept_and_arbitrary_text_is_not(client):
    given = "varnish-1234567890"
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    forged = client.get("/robots.txt", HTTP_X_REQUEST_ID="<script>\n")["X-Request-ID"]
    assert forged != "<script>\n" and forged.isalnum()


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id(client, json_lines):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID="edge-abcdef123456")
    client.get("/ar/no-such-page-here/")
    lines = json_lines()
    access = [line for line in lines if line["logger"] == "operations.access"]
    assert access[0]["request_id"] == response["X-Request-ID"] == "edge-abcdef123456"
    assert access[0]["path"] == "/robots.txt"
    assert access[0]["status"] == 200
    assert access[0]["level"] == "INFO"
    assert isinstance(access[0]["duration_ms"], float)
    not_found = [line for line in lines if line["logger"] == "django.request"]
    assert not_found and not_found[0]["level"] == "WARNING"
    assert not_found[0]["request_id"] == access[1]["request_id"]


def test_json_format_is_chosen_by_the_environment():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('operations.demo').warning('مرحبا %s', 1)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DJANGO_LOG_FORMAT": "json",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "مرحبا 1"
    assert line["level"] == "WARNING"
    assert line["request_id"] == ""
