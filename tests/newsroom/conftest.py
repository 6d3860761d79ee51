"""People in each newsroom role, and the clicks they make in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from articles.models import ArticlePage
from newsroom.roles import EDITOR_IN_CHIEF, SECTION_EDITORS, WRITERS
from tests.admin_forms import article_form
from tests.factories import UserFactory


def member_of(role: str, username: str):
    user = UserFactory(username=username, email=f"{username}@example.com")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def writer(db):
    return member_of(WRITERS, "salma")


@pytest.fixture
def other_writer(db):
    return member_of(WRITERS, "youssef")


@pytest.fixture
def section_editor(db):
    return member_of(SECTION_EDITORS, "karim")


@pytest.fixture
def editor_in_chief(db):
    return member_of(EDITOR_IN_CHIEF, "laila")


@pytest.fixture
def administrator(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "admin-user", "admin-user@example.com", "correct horse battery staple"
    )


@pytest.fixture
def client_for(client):
    """A fresh test client logged in as ``user``, so one test can switch between people."""
    from django.test import Client

    def login(user):
        other = Client()
        other.force_login(user)
        return other

    return login


def article_form_data(title="مقال من كاتبة", slug="writer-article", **actions):
    return article_form(
        title=title,
        slug=slug,
        standfirst="مقدمة قصيرة.",
        body=streamfield([("paragraph", rich_text("<p>نص المقال.</p>"))]),
        **actions,
    )


def create_article(client, section: Page, **kwargs):
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    return client.post(url, article_form_data(**kwargs))


def submit_new_article(client, section: Page, **kwargs) -> ArticlePage:
    response = create_article(client, section, **{"action-submit": "submit"}, **kwargs)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.child_of(section).get(slug=kwargs.get("slug", "writer-article"))


def workflow_action(client, page, action: str, comment: str = ""):
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})
