"""An administrator imports a WordPress export from the admin, with the real background worker."""

from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import ArticlePage
from wordpress_import.models import ImportRun

FIXTURES = Path(__file__).resolve().parents[1] / "wordpress_import" / "fixtures"
PASSWORD = "a-long-pass-phrase"


@pytest.fixture
def database_queue(settings):
    """Tasks wait in the database for `db_worker`, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(base_url + "/admin/")


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0.1, verbosity=0)


def test_an_administrator_uploads_checks_imports_and_reads_the_report(
    live_demo_site, open_page, django_user_model, database_queue, screenshot
):
    django_user_model.objects.create_superuser("chief", "chief@example.com", PASSWORD)
    base_url = live_demo_site["base_url"]
    page = open_page(width=1280, height=900, locale="ar")  # the newsroom works in Arabic
    log_in(page, base_url, "chief")

    page.goto(base_url + "/admin/")
    page.get_by_role("button", name="الإعدادات").click()
    page.get_by_role("link", name="الاستيراد من ووردبريس").click()
    page.set_input_files("#id_export_file", str(FIXTURES / "sections-tags-authors.xml"))
    page.select_option("#id_default_section", "politics")
    page.get_by_role("button", name="رفع وفحص (تجربة)").click()

    # The dry run waits for the worker; the page follows it and shows the summary.
    page.locator("progress").wait_for()
    run_worker()
    page.locator(".wordpress-import__summary").wait_for(timeout=15000)
    imported = page.locator('tr[data-kind="post"] td[data-outcome="imported"]')
    assert imported.inner_text() == "5"
    assert not ArticlePage.objects.filter(title="خبر مثبت").exists()
    screenshot(page, "wordpress-import-dry-run")

    page.get_by_role("button", name="بدء الاستيراد").click()
    page.locator("progress").wait_for()
    assert page.locator('[data-import-status="queued"]').is_visible()  # waiting for the worker
    run_worker()
    page.locator('[data-import-status="done"]').wait_for(timeout=15000)
    assert page.locator('tr[data-kind="post"] td[data-outcome="imported"]').inner_text() == "5"
    screenshot(page, "wordpress-import-report")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE and run.processed_items == 5
    assert ArticlePage.objects.filter(title="خبر مثبت", live=True).exists()


def test_a_non_administrator_gets_403(live_demo_site, open_page, django_user_model):
    from django.contrib.auth.models import Group

    from newsroom.roles import EDITOR_IN_CHIEF

    user = django_user_model.objects.create_user("laila", "laila@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITOR_IN_CHIEF))
    base_url = live_demo_site["base_url"]
    page = open_page(width=1280)
    log_in(page, base_url, "laila")
    response = page.goto(base_url + "/admin/wordpress-import/")
    assert response.status == 403
