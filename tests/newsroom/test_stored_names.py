"""Role, workflow and step names: stored once, read in each admin user's language."""

import pickle
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from newsroom.roles import SECTION_EDITORS, WRITERS
from newsroom.workflows import EDITOR_IN_CHIEF_SIGN_OFF, SECTION_EDITOR_APPROVAL, SENSITIVE_REVIEW
from tests.html import soup_of, text_of
from tests.newsroom.conftest import submit_new_article

ENGLISH_NAMES = [SENSITIVE_REVIEW, SECTION_EDITOR_APPROVAL, EDITOR_IN_CHIEF_SIGN_OFF]


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def stored_name(model, pk):
    return model.objects.filter(pk=pk).values_list("name", flat=True).get()


@pytest.mark.django_db
def test_the_writer_submits_to_the_review_named_in_arabic(demo_site, writer, client_for):
    client = client_for(speaks(writer, "ar"))
    politics = demo_site["politics"]
    article = submit_new_article(client, politics, slug="named-review")
    edit = text_of(soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))))
    assert "المراجعة الحساسة" in edit or "موافقة محرر القسم" in edit
    for name in ENGLISH_NAMES:
        assert name not in edit
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", politics.pk))
    menu = text_of(soup_of(client.get(add_url)).select_one("footer"))
    assert "تقديم إلى المراجعة الحساسة" in menu


@pytest.mark.django_db
def test_the_workflow_screens_read_in_the_users_language(administrator, client_for):
    for language, expected in [
        ("ar", ["المراجعة الحساسة", "موافقة محرر القسم", "اعتماد رئيس التحرير"]),
        ("fr", ["Relecture sensible", "Validation du chef de rubrique"]),
    ]:
        client = client_for(speaks(administrator, language))
        workflows = text_of(soup_of(client.get(reverse("wagtailadmin_workflows:index"))))
        tasks = text_of(soup_of(client.get(reverse("wagtailadmin_workflows:task_index"))))
        for name in expected:
            assert name in workflows + tasks, (language, name)
        for name in ENGLISH_NAMES:
            assert name not in workflows + tasks, (language, name)


@pytest.mark.django_db
def test_saving_a_translated_name_stores_the_source_text(db):
    workflow = Workflow.objects.get(name=SENSITIVE_REVIEW)
    with translation.override("ar"):
        shown = str(workflow.name)
        assert shown == "المراجعة الحساسة"
        workflow.name = shown  # what a form sends back after showing the field
        workflow.save()
        assert str(workflow) == "المراجعة الحساسة"
    assert stored_name(Workflow, workflow.pk) == SENSITIVE_REVIEW
    group = Group.objects.get(name=WRITERS)
    with translation.override("fr"):
        group.name = str(group)
        group.save()
    assert stored_name(Group, group.pk) == WRITERS


@pytest.mark.django_db
def test_names_typed_by_an_administrator_are_kept_as_typed(db):
    task = Task.objects.create(name="تدقيق قانوني")
    workflow = Workflow.objects.create(name="Fact check")
    with translation.override("ar"):
        assert str(Task.objects.get(pk=task.pk)) == "تدقيق قانوني"
        assert str(Workflow.objects.get(pk=workflow.pk).name) == "Fact check"
    assert stored_name(Workflow, workflow.pk) == "Fact check"


@pytest.mark.django_db
def test_names_still_read_translated_after_the_cache(db):
    workflow = pickle.loads(pickle.dumps(Workflow.objects.get(name=SENSITIVE_REVIEW)))  # noqa: S301 (our own bytes, as the cache stores them)
    with translation.override("ar"):
        assert str(workflow.name) == "المراجعة الحساسة"
    assert f"{Group.objects.get(name=SECTION_EDITORS).name}" in {"محررو الأقسام", SECTION_EDITORS}


@pytest.mark.django_db
def test_the_migration_puts_translated_names_back_to_source_text(db):
    migration = import_module("newsroom.migrations.0003_names_as_source_text")
    workflow = Workflow.objects.get(name=SENSITIVE_REVIEW)
    Workflow.objects.filter(pk=workflow.pk).update(name="المراجعة الحساسة")
    Task.objects.filter(name=EDITOR_IN_CHIEF_SIGN_OFF).update(
        name="Validation du rédacteur en chef"
    )
    Group.objects.filter(name=WRITERS).update(name="الصحفيون")
    mine = Workflow.objects.create(name="مسار خاص بنا")
    migration.names_to_source_text(apps, None)
    assert stored_name(Workflow, workflow.pk) == SENSITIVE_REVIEW
    assert Task.objects.filter(name=EDITOR_IN_CHIEF_SIGN_OFF).exists()
    assert Group.objects.filter(name=WRITERS).exists()
    assert stored_name(Workflow, mine.pk) == "مسار خاص بنا"


@pytest.mark.django_db
def test_the_moderators_group_named_in_arabic_by_an_earlier_install_is_renamed(db):
    migration = import_module("comments.migrations.0003_moderators_group_named_by_source_text")
    group = Group.objects.get(permissions__codename="moderate_readercomment")
    Group.objects.filter(pk=group.pk).update(name="مشرفو التعليقات")
    migration.rename_to_source_text(apps, None)
    assert stored_name(Group, group.pk) == "Comment moderators"
