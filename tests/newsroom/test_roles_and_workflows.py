"""Every role and workflow exists straight after `migrate` (Done when 7), names translated."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from newsroom.roles import EDITOR_IN_CHIEF, SECTION_EDITORS, WRITERS
from newsroom.workflows import EDITORIAL_REVIEW, SENSITIVE_REVIEW
from tests.factories import make_article
from tests.html import soup_of, text_of


def page_permissions(name):
    return set(
        GroupPagePermission.objects.filter(group__name=name).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_migrate_makes_the_three_editorial_roles_and_drops_wagtails_examples():
    names = set(Group.objects.values_list("name", flat=True))
    assert {WRITERS, SECTION_EDITORS, EDITOR_IN_CHIEF} <= names
    assert not names & {"Editors", "Moderators"}
    assert page_permissions(WRITERS) == {"add_page"}
    assert page_permissions(SECTION_EDITORS) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert page_permissions(EDITOR_IN_CHIEF) == page_permissions(SECTION_EDITORS)
    root = Page.get_first_root_node()
    assert set(
        GroupPagePermission.objects.filter(group__name=WRITERS).values_list("page", flat=True)
    ) == {root.pk}


@pytest.mark.django_db
def test_migrate_makes_both_workflows_with_their_steps():
    editorial = Workflow.objects.get(name=EDITORIAL_REVIEW)
    steps = [
        (task.name, [group.name for group in task.groups.all()])
        for task in editorial.tasks.specific()
    ]
    assert steps == [("Section editor approval", [SECTION_EDITORS])]
    sensitive = Workflow.objects.get(name=SENSITIVE_REVIEW)
    steps = [
        (task.name, [group.name for group in task.groups.all()])
        for task in sensitive.tasks.specific()
    ]
    assert steps == [
        ("Section editor approval", [SECTION_EDITORS]),
        ("Editor-in-chief sign-off", [EDITOR_IN_CHIEF]),
    ]
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow == editorial
    assert not Workflow.objects.filter(name="Moderators approval").exists()


@pytest.mark.django_db
def test_the_demo_puts_politics_under_sensitive_review_and_the_rest_under_editorial(demo_site):
    assert demo_site["politics"].get_workflow().name == SENSITIVE_REVIEW
    assert demo_site["article"].get_workflow().name == SENSITIVE_REVIEW
    economy = demo_site["home"].get_children().get(slug="economy")
    assert economy.get_workflow().name == EDITORIAL_REVIEW


@pytest.mark.django_db
def test_an_admin_sees_where_sensitive_review_applies_and_can_extend_it(
    demo_site, administrator, client_for
):
    sensitive = Workflow.objects.get(name=SENSITIVE_REVIEW)
    response = client_for(administrator).get(
        reverse("wagtailadmin_workflows:edit", args=(sensitive.pk,))
    )
    assert response.status_code == 200
    assert "سياسة" in text_of(soup_of(response))
    # What the edit form's "assign to pages" does: one row per section.
    economy = demo_site["home"].get_children().get(slug="economy")
    WorkflowPage.objects.create(page=economy, workflow=sensitive)
    article = make_article(economy, publish=False)
    assert article.get_workflow() == sensitive


@pytest.mark.django_db
def test_role_names_read_in_the_users_language(administrator, client_for):
    client = client_for(administrator)
    listing = text_of(soup_of(client.get(reverse("wagtailusers_groups:index"))))
    with translation.override("ar"):
        for name in (WRITERS, SECTION_EDITORS, EDITOR_IN_CHIEF):
            arabic = translation.gettext(name)
            assert arabic != name
            assert arabic in listing
    with translation.override("fr"):
        assert str(Group.objects.get(name=EDITOR_IN_CHIEF)) == translation.gettext(EDITOR_IN_CHIEF)
        assert translation.gettext(EDITOR_IN_CHIEF) != EDITOR_IN_CHIEF
    with translation.override("en"):
        assert str(Group.objects.get(name=WRITERS)) == "Writers"
