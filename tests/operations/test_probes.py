"""/healthz and /readyz: what a load balancer asks before sending readers to a server."""

import logging

import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_checks_the_database_and_the_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_probes_answer_any_host_and_skip_the_https_redirect(client, settings):
    """Probes address the container by its IP, over plain HTTP inside the cluster."""
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.3.7:8000")
        assert response.status_code == 200, path


@pytest.mark.django_db
def test_readiness_is_503_when_the_database_is_down(client, monkeypatch):
    from django.db.backends.base import base

    def refuse(self, *args, **kwargs):
        raise DatabaseError("could not connect to server: Connection refused")

    monkeypatch.setattr(base.BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_is_503_when_the_cache_loses_what_it_was_given(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_probes_write_no_access_log_line(client, settings, caplog):
    settings.LOGGING = {}  # records reach caplog
    logging.getLogger("operations.access").setLevel(logging.INFO)
    try:
        with caplog.at_level(logging.INFO):
            client.get("/healthz")
            client.get("/readyz")
            client.get("/robots.txt")
    finally:
        logging.getLogger("operations.access").setLevel(logging.NOTSET)
    access = [record for record in caplog.records if record.name == "operations.access"]
    assert [record.path for record in access] == ["/robots.txt"]
