"""Every admin view a role should not reach answers 403, tested role by role."""

import pytest
from django.urls import reverse

from tests.factories import make_article


def admin_urls(site):
    home, politics, article = site["home"], site["politics"], site["article"]
    economy_article = site["economy_article"]
    return {
        "users": reverse("wagtailusers_users:index"),
        "groups": reverse("wagtailusers_groups:index"),
        "sites": reverse("wagtailsites:index"),
        "locales": reverse("wagtaillocales:index"),
        "redirects": reverse("wagtailredirects:index"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "workflow tasks": reverse("wagtailadmin_workflows:task_index"),
        "add a section": reverse(
            "wagtailadmin_pages:add", args=("articles", "sectionpage", home.pk)
        ),
        "edit the home page": reverse("wagtailadmin_pages:edit", args=(home.pk,)),
        "edit someone's published article": reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        "delete a published article": reverse("wagtailadmin_pages:delete", args=(article.pk,)),
        "unpublish an article": reverse("wagtailadmin_pages:unpublish", args=(economy_article.pk,)),
        "add an author": reverse("wagtailsnippets_articles_author:add"),
        "tags": reverse("wagtailsnippets_taggit_tag:list"),
        "add an article": reverse(
            "wagtailadmin_pages:add", args=("articles", "articlepage", politics.pk)
        ),
        "upload an image": reverse("wagtailimages:add"),
        "choose an author": reverse("wagtailsnippetchoosers_articles_author:choose"),
        "dashboard": reverse("wagtailadmin_home"),
    }


EVERYONE = {"dashboard", "add an article", "upload an image", "choose an author"}
EDITORS = EVERYONE | {
    "edit someone's published article",
    "delete a published article",
    "unpublish an article",
    "add a section",
    "edit the home page",
    "add an author",
    "tags",
}
ADMINISTRATORS = {
    "users",
    "groups",
    "sites",
    "locales",
    "redirects",
    "workflows",
    "workflow tasks",
} | EDITORS
ALLOWED = {
    "writer": EVERYONE,
    "section_editor": EDITORS,
    "editor_in_chief": EDITORS,
    "administrator": ADMINISTRATORS,
}


@pytest.fixture
def site(demo_site):
    economy = demo_site["home"].get_children().get(slug="economy").specific
    return {**demo_site, "economy_article": make_article(economy, slug="economy-news")}


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_each_role_reaches_its_views_and_gets_403_everywhere_else(role, site, client_for, request):
    client = client_for(request.getfixturevalue(role))
    urls = admin_urls(site)
    assert set(urls) == ADMINISTRATORS
    for name, url in urls.items():
        status = client.get(url).status_code
        if name in ALLOWED[role]:
            assert status == 200, f"{role} should reach {name} ({url}), got {status}"
        else:
            assert status == 403, f"{role} should get 403 for {name} ({url}), got {status}"


@pytest.mark.django_db
def test_a_refused_admin_view_explains_itself_in_arabic(site, writer, client_for):
    response = client_for(writer).get(reverse("wagtailusers_users:index"))
    assert response.status_code == 403
    assert "صلاحية" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client, site):
    response = client.get(reverse("wagtailusers_users:index"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url
