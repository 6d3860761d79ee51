"""The Prometheus endpoint: what it reports, and that only the scraper and staff can read it."""

import re

import pytest
from django.test import override_settings

from tests.factories import make_article

TOKEN = "scrape-token-0123456789abcdef"


def metric_value(text: str, name: str, **labels) -> float:
    """The value of one sample in Prometheus' text format (0 when absent)."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        match = re.match(r"^([a-zA-Z_:]+)(\{(.*)\})? (\S+)$", line)
        if not match or match.group(1) != name:
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', match.group(3) or ""))
        if all(found.get(key) == value for key, value in labels.items()):
            return float(match.group(4))
    return 0.0


def scrape(client) -> str:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return response.content.decode()


@pytest.fixture(autouse=True)
def metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN


@pytest.mark.django_db
def test_metrics_are_not_public(client, django_user_model):
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    reader = django_user_model.objects.create_user("reader", password="a-long-password-1")
    client.force_login(reader)
    assert client.get("/metrics").status_code == 403


@pytest.mark.django_db
def test_staff_and_the_scraper_may_read_them(client, admin_user):
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200
    client.force_login(admin_user)
    assert client.get("/metrics").status_code == 200


@pytest.mark.django_db
def test_no_token_configured_means_no_token_accepted(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 403


@pytest.mark.django_db
def test_request_latency_is_reported_per_page_type_and_view(client, demo_site):
    before = scrape(client)
    article_url = demo_site["article"].url
    client.get(article_url)
    client.get("/robots.txt")
    after = scrape(client)
    name = "akhbar_request_latency_seconds_count"
    for view in ("page:articles.articlepage", "robots_txt"):
        assert metric_value(after, name, view=view, method="GET") == (
            metric_value(before, name, view=view, method="GET") + 1
        ), view


@pytest.mark.django_db
def test_page_cache_hits_and_misses_are_counted(client, demo_site, settings):
    settings.PAGE_CACHE_ENABLED = True
    name = "akhbar_page_cache_responses_total"
    before = scrape(client)
    url = demo_site["article"].url
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get(url)["X-Page-Cache"] == "hit"
    after = scrape(client)
    assert metric_value(after, name, result="miss") == metric_value(before, name, result="miss") + 1
    assert metric_value(after, name, result="hit") == metric_value(before, name, result="hit") + 2
    page_cache = metric_value(
        after, "akhbar_request_latency_seconds_count", view="page_cache", method="GET"
    )
    assert page_cache >= 2


@pytest.mark.django_db
def test_reader_comments_are_counted_by_status(client, demo_site):
    from comments.models import ReaderComment

    name = "akhbar_reader_comments_total"
    before = scrape(client)
    ReaderComment.objects.create(
        page=demo_site["article"], author_name="سلمى", author_email="s@example.com", body="شكرا"
    )
    after = scrape(client)
    assert metric_value(after, name, status="pending") == (
        metric_value(before, name, status="pending") + 1
    )


@pytest.mark.django_db
def test_task_queue_depth_is_read_from_the_database_queue(client, settings, demo_site):
    from comments.tasks import notify_moderators_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=settings.TASKS):
        notify_moderators_task.enqueue(1)
        notify_moderators_task.enqueue(2)
        text = scrape(client)
    assert metric_value(text, "akhbar_task_queue_depth", status="READY") == 2
    assert metric_value(text, "akhbar_task_queue_depth", status="FAILED") == 0


@pytest.mark.django_db
def test_immediate_tasks_report_no_queue(client, demo_site):
    make_article(demo_site["politics"])
    assert "akhbar_task_queue_depth{" not in scrape(client)
