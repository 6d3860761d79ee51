"""Writers submit, editors approve, the editor-in-chief signs off on "سياسة" (Done when 1-4)."""

import pytest
from django.core import mail
from django.urls import reverse

from articles.models import ArticlePage
from tests.html import soup_of, text_of
from tests.newsroom.conftest import (
    article_form_data,
    create_article,
    submit_new_article,
    workflow_action,
)


def action_names(response) -> set[str]:
    """The names of the buttons in the editor's action menu (save, submit, publish …)."""
    return {button.get("name") for button in soup_of(response).select("footer button[name]")}


@pytest.mark.django_db
def test_writer_is_not_offered_publish_and_a_forged_publish_is_refused(
    demo_site, writer, client_for
):
    client = client_for(writer)
    section = demo_site["home"].get_children().get(slug="economy")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    offered = action_names(client.get(add_url))
    assert "action-submit" in offered
    assert "action-publish" not in offered

    forged = create_article(client, section, **{"action-publish": "publish"})
    assert forged.status_code == 403
    assert not ArticlePage.objects.child_of(section).filter(slug="writer-article").exists()

    assert create_article(client, section).status_code == 302
    article = ArticlePage.objects.child_of(section).get(slug="writer-article")
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert "action-publish" not in action_names(client.get(edit_url))
    forged = client.post(edit_url, article_form_data(**{"action-publish": "publish"}))
    assert forged.status_code == 403
    article.refresh_from_db()
    assert not article.live
    assert article.first_published_at is None

    submitted = submit_new_article(client, section, slug="submitted-article")
    assert submitted.workflow_in_progress
    assert not submitted.live


@pytest.mark.django_db
def test_section_editor_sees_the_article_awaiting_review_approves_and_it_goes_live(
    demo_site, writer, section_editor, client_for
):
    section = demo_site["home"].get_children().get(slug="economy")
    article = submit_new_article(client_for(writer), section, title="ميزانية الدولة")

    editor = client_for(section_editor)
    dashboard = soup_of(editor.get(reverse("wagtailadmin_home")))
    awaiting = dashboard.select_one("#awaiting-review-section, [id^=awaiting-review]")
    assert awaiting is not None
    assert "ميزانية الدولة" in text_of(awaiting)

    response = workflow_action(editor, article, "approve")
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    assert not article.workflow_in_progress
    public = editor.get(article.get_url())
    assert public.status_code == 200


@pytest.mark.django_db
def test_politics_needs_the_editor_in_chief_after_the_section_editor(
    demo_site, writer, section_editor, editor_in_chief, client_for
):
    politics = demo_site["politics"]
    article = submit_new_article(client_for(writer), politics, title="الانتخابات المقبلة")

    editor = client_for(section_editor)
    workflow_action(editor, article, "approve")
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_task.name == "Editor-in-chief sign-off"
    # The section editor can neither approve the last step nor publish past it.
    assert workflow_action(editor, article, "approve").status_code == 403
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert "action-publish" not in action_names(editor.get(edit_url))
    forged = editor.post(edit_url, article_form_data(**{"action-publish": "publish"}))
    assert forged.status_code == 403
    article.refresh_from_db()
    assert not article.live

    chief = client_for(editor_in_chief)
    chief_dashboard = text_of(soup_of(chief.get(reverse("wagtailadmin_home"))))
    assert "الانتخابات المقبلة" in chief_dashboard
    workflow_action(chief, article, "approve")
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_rejection_returns_the_article_to_the_writer_with_the_comment_and_an_email(
    demo_site, writer, section_editor, editor_in_chief, client_for
):
    politics = demo_site["politics"]
    writer_client = client_for(writer)
    article = submit_new_article(writer_client, politics, title="مقال يحتاج تعديلا")
    workflow_action(client_for(section_editor), article, "approve")
    mail.outbox.clear()

    article.refresh_from_db()
    workflow_action(client_for(editor_in_chief), article, "reject", "يرجى توثيق المصادر")
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state.status == "needs_changes"

    to_writer = [message for message in mail.outbox if writer.email in message.to]
    assert len(to_writer) == 1
    assert "يرجى توثيق المصادر" in to_writer[0].body

    dashboard = soup_of(writer_client.get(reverse("wagtailadmin_home")))
    returned = dashboard.select_one("#newsroom-returned-to-me-section, [id^=newsroom-returned]")
    assert returned is not None
    assert "مقال يحتاج تعديلا" in text_of(returned)
    assert "يرجى توثيق المصادر" in text_of(returned)

    # Back with the writer: they can edit and resubmit.
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    response = writer_client.post(
        edit_url, article_form_data(title="مقال بعد التعديل", **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == "in_progress"


@pytest.mark.django_db
def test_an_article_in_review_is_locked_for_other_writers_and_its_author(
    demo_site, writer, other_writer, section_editor, client_for
):
    section = demo_site["home"].get_children().get(slug="economy")
    writer_client = client_for(writer)
    article = submit_new_article(writer_client, section, title="العنوان الأصلي")
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    other = client_for(other_writer)
    response = other.post(edit_url, article_form_data(title="عنوان من كاتب آخر"))
    assert response.status_code == 403
    # Even the author waits for the review: Wagtail's workflow lock.
    response = writer_client.post(edit_url, article_form_data(title="تعديل أثناء المراجعة"))
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "العنوان الأصلي"
    assert article.get_lock() is not None
    assert article.get_lock().for_user(writer)

    # The reviewer can still edit while reviewing.
    editor = client_for(section_editor)
    editor.post(edit_url, article_form_data(title="عنوان المحرر"))
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "عنوان المحرر"


def messages_after(client) -> str:
    return text_of(soup_of(client.get(reverse("wagtailadmin_home"))).select_one(".messages"))


@pytest.mark.django_db
def test_each_review_decision_is_confirmed_with_a_message(
    demo_site, writer, section_editor, editor_in_chief, client_for
):
    politics = demo_site["politics"]
    article = submit_new_article(client_for(writer), politics, title="مقال حساس")
    editor = client_for(section_editor)
    workflow_action(editor, article, "approve")
    assert messages_after(editor) == (
        "تمت الموافقة على «مقال حساس» في «موافقة محرر القسم»؛ "
        "الخطوة التالية: «اعتماد رئيس التحرير»."
    )
    chief = client_for(editor_in_chief)
    workflow_action(chief, article, "reject", "يرجى توثيق المصادر")
    assert messages_after(chief) == "طُلبت تعديلات على «مقال حساس»: عاد المقال إلى كاتبه."

    other = submit_new_article(
        client_for(writer),
        demo_site["home"].get_children().get(slug="economy"),
        title="مقال اقتصادي",
    )
    workflow_action(editor, other, "approve")
    assert messages_after(editor) == (
        "تمت الموافقة على «مقال اقتصادي» في «موافقة محرر القسم» ونُشر."
    )
