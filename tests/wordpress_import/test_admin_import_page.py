"""Settings → Import from WordPress: administrators upload, check, import and read reports."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import ArticlePage
from newsroom.roles import EDITOR_IN_CHIEF
from tests.factories import UserFactory
from tests.html import soup_of, text_of
from tests.wordpress_import.conftest import fixture, row_counts
from wordpress_import.models import ImportRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser(
        "wp-admin", "wp-admin@example.com", "correct horse battery staple"
    )


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def upload(client, name, **fields):
    data = {
        "export_file": SimpleUploadedFile(name, fixture(name).read_bytes(), "text/xml"),
        "language": "ar",
        "default_section": "politics",
        **fields,
    }
    return client.post(reverse("wordpress_import"), data)


def test_non_administrators_are_refused(client, demo_site):
    chief = UserFactory(username="laila-wp")
    chief.groups.add(Group.objects.get(name=EDITOR_IN_CHIEF))
    client.force_login(chief)
    run = ImportRun.objects.create(file_name="x.xml", language="ar")
    for url in (
        reverse("wordpress_import"),
        reverse("wordpress_import_run", args=[run.pk]),
        reverse("wordpress_import_status", args=[run.pk]),
    ):
        assert client.get(url).status_code == 403
    assert client.post(reverse("wordpress_import_start", args=[run.pk])).status_code == 403
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Import from WordPress" not in home and "الاستيراد من ووردبريس" not in home


def test_upload_dry_run_then_import_and_report(admin_client, administrator, demo_site):
    page = admin_client.get(reverse("wordpress_import"))
    assert page.status_code == 200
    before = row_counts()
    response = upload(admin_client, "sections-tags-authors.xml")
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "wordpress_import_run", args=[run.pk]
    )
    assert run.status == ImportRun.Status.CHECKED and run.user == administrator
    after_check = row_counts()
    assert {k: v for k, v in after_check.items() if k != "wordpress_import.ImportRun"} == {
        k: v for k, v in before.items() if k != "wordpress_import.ImportRun"
    }  # the dry run wrote nothing but its own record
    summary = soup_of(admin_client.get(response["Location"]))
    posts = summary.select_one('tr[data-kind="post"] td[data-outcome="imported"]')
    assert text_of(posts) == "5"

    admin_client.post(reverse("wordpress_import_start", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert run.processed_items == run.total_items == 5
    assert ArticlePage.objects.filter(title="خبر مثبت").exists()
    report = soup_of(admin_client.get(reverse("wordpress_import_run", args=[run.pk])))
    assert text_of(report.select_one('tr[data-kind="post"] td[data-outcome="imported"]')) == "5"
    status = admin_client.get(reverse("wordpress_import_status", args=[run.pk])).json()
    assert status["status"] == "done" and status["percent"] == 100
    index = soup_of(admin_client.get(reverse("wordpress_import")))
    assert "sections-tags-authors.xml" in text_of(index.select_one(".wordpress-import__runs"))
    # Starting the same run twice does nothing more.
    admin_client.post(reverse("wordpress_import_start", args=[run.pk]))
    assert ArticlePage.objects.filter(title="خبر مثبت").count() == 1


def test_a_bad_file_fails_with_its_message_not_a_500(admin_client, demo_site):
    before = row_counts()
    response = upload(admin_client, "xml-bomb.xml")
    run = ImportRun.objects.get()
    assert response.status_code == 302 and run.status == ImportRun.Status.FAILED
    page = admin_client.get(reverse("wordpress_import_run", args=[run.pk]))
    assert page.status_code == 200
    # The admin speaks Arabic first: the message is the translated one, naming the line.
    assert text_of(soup_of(page).select_one(".error-message")).startswith(
        "السطر 2: يعلن الملف نوع مستند أو كيانات"
    )
    assert not soup_of(page).select("form[action$='/start/']")
    counts = row_counts()
    counts.pop("wordpress_import.ImportRun")
    before.pop("wordpress_import.ImportRun")
    assert counts == before


def test_an_upload_over_the_limit_is_refused_with_a_message(admin_client, demo_site, settings):
    settings.WORDPRESS_IMPORT_MAX_UPLOAD_BYTES = 1024
    response = upload(admin_client, "gutenberg-blocks.xml")
    assert response.status_code in (400, 413)
    assert "وأكبر ملف تصدير مقبول هنا" in response.content.decode()  # the admin speaks Arabic
    assert not ImportRun.objects.exists()


def test_a_file_that_is_not_xml_by_name_is_refused(admin_client, demo_site):
    data = {
        "export_file": SimpleUploadedFile("site.zip", b"PK", "application/zip"),
        "language": "ar",
    }
    response = admin_client.post(reverse("wordpress_import"), data)
    assert response.status_code == 400
    assert "ملفات تصدير ووردبريس تنتهي بـ" in response.content.decode()
