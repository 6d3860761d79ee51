"""Go-live and expiry times are honoured by `publish_scheduled` (Done when 5), on a fixed clock."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from freezegun import freeze_time

from articles.models import ArticlePage
from tests.newsroom.conftest import create_article, workflow_action

NOON = timezone.make_aware(datetime(2026, 3, 2, 12, 0))


def admin_datetime(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.mark.django_db
def test_an_approved_article_scheduled_for_later_goes_live_on_the_next_run(
    demo_site, writer, section_editor, client_for
):
    section = demo_site["home"].get_children().get(slug="economy")
    with freeze_time(NOON):
        response = create_article(
            client_for(writer),
            section,
            go_live_at=admin_datetime(NOON + timedelta(hours=1)),
            **{"action-submit": "submit"},
        )
        assert response.status_code == 302
        article = ArticlePage.objects.get(slug="writer-article", alias_of__isnull=True)
        workflow_action(client_for(section_editor), article, "approve")
        article.refresh_from_db()
        assert not article.live
        assert article.approved_schedule

        call_command("publish_scheduled")
        article.refresh_from_db()
        assert not article.live

    with freeze_time(NOON + timedelta(hours=1, minutes=1)):
        output = StringIO()
        with translation.override(settings.LANGUAGE_CODE):  # as under manage.py
            call_command("publish_scheduled", stdout=output)
    article.refresh_from_db()
    assert article.live
    assert article.first_published_at == NOON + timedelta(hours=1, minutes=1)
    # The article, and the copies the synchronised French and English trees keep of it.
    *published, summary = output.getvalue().splitlines()
    assert f"نُشر «{article.title}» ({article.get_url()}، رقم {article.pk})" in published
    assert all(line.startswith("نُشر «") for line in published)
    assert summary == f"نُشر {len(published)}، وأُلغي نشر 0."


@pytest.mark.django_db
def test_an_expired_article_is_taken_down_by_the_next_run(demo_site, section_editor, client_for):
    section = demo_site["home"].get_children().get(slug="economy")
    editor = client_for(section_editor)
    with freeze_time(NOON):
        create_article(
            editor,
            section,
            expire_at=admin_datetime(NOON + timedelta(hours=2)),
            **{"action-publish": "publish"},
        )
        article = ArticlePage.objects.get(slug="writer-article", alias_of__isnull=True)
        assert article.live
        public_url = article.get_url()
        assert editor.get(public_url).status_code == 200
        call_command("publish_scheduled")
        article.refresh_from_db()
        assert article.live

    with freeze_time(NOON + timedelta(hours=2, minutes=1)):
        quiet, nothing_left = StringIO(), StringIO()
        call_command("publish_scheduled", stdout=quiet, verbosity=0)
        call_command("publish_scheduled", stdout=nothing_left)
    assert quiet.getvalue() == ""  # -v 0, even though it took the article down
    assert nothing_left.getvalue() == ""  # a run with nothing to do stays silent
    article.refresh_from_db()
    assert not article.live
    assert article.expired
    assert editor.get(public_url).status_code == 404


@pytest.mark.django_db
def test_an_editor_sets_the_schedule_from_the_article_editor(demo_site, section_editor, client_for):
    article = demo_site["article"]
    response = client_for(section_editor).get(
        reverse("wagtailadmin_pages:edit", args=(article.pk,))
    )
    html = response.content.decode()
    assert 'name="go_live_at"' in html
    assert 'name="expire_at"' in html


@pytest.mark.django_db
def test_the_run_names_what_it_took_down(demo_site):
    article = demo_site["article"]
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    output = StringIO()
    with translation.override(settings.LANGUAGE_CODE):  # as under manage.py
        call_command("publish_scheduled", stdout=output)
    *unpublished, summary = output.getvalue().splitlines()
    assert f"أُلغي نشر «{article.title}» ({article.get_url()}، رقم {article.pk})" in unpublished
    assert summary == f"نُشر 0، وأُلغي نشر {len(unpublished)}."
