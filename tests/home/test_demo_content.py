"""The demo command builds the newsroom once; running it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from articles.models import ArticlePage, Author
from demo.seed_article import load_seed_article


def tree_snapshot():
    pages = [
        (page.path, page.title, page.slug, page.specific_class.__name__, page.live)
        for page in Page.objects.order_by("path")
    ]
    return {
        "pages": pages,
        "revisions": Revision.objects.count(),
        "authors": list(Author.objects.values_list("slug", "name")),
        "sites": list(Site.objects.values_list("hostname", "root_page_id", "is_default_site")),
    }


@pytest.mark.django_db
def test_running_the_demo_command_twice_leaves_the_same_tree(capsys):
    call_command("load_demo_content")
    first = tree_snapshot()
    call_command("load_demo_content")
    assert tree_snapshot() == first
    assert "nothing changed" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_tree_is_home_sections_and_the_seed_article():
    call_command("load_demo_content")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    assert home.specific_class.__name__ == "HomePage"
    sections = [child.title for child in home.get_children()]
    assert "سياسة" in sections
    article = ArticlePage.objects.get(
        locale__language_code="ar", slug="morocco-counter-terrorism-regional-security"
    )
    assert article.get_parent().title == "سياسة"
    assert article.live
    assert article.title == load_seed_article().title
    assert [author.name for author in article.ordered_authors] == ["هيئة التحرير"]


def test_seed_parser_finds_five_numbered_sections_and_the_closing_one():
    seed = load_seed_article()
    assert seed.section_title == "سياسة"
    assert [section.numbered for section in seed.sections] == [True] * 5 + [False]
    assert seed.sections[-1].heading == "خاتمة"
    bullets = [
        item
        for section in seed.sections
        for block in section.content
        if block["type"] == "bullet_list"
        for item in block["value"]["items"]
    ]
    assert len(bullets) == 15
    assert bullets[0]["lead"] == "الاستخبارات الدقيقة"
    assert sum(1 for item in bullets if item["lead"]) == 9


def test_seed_parser_leaves_out_the_wordpress_footer():
    seed = load_seed_article()
    words = " ".join(
        block["value"] if block["type"] == "paragraph" else str(block["value"])
        for section in seed.sections
        for block in section.content
    )
    assert "أضف تعليقاً" not in words
    assert "Back to top" not in words


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_demo_pictures_come_with_every_size_the_readers_pages_ask_for(
    client, demo_site, language
):
    """A fresh demo site resizes no picture on its first front page, section or article."""
    from wagtail.images import get_image_model

    from home.models import HomePage

    renditions = get_image_model().get_rendition_model().objects
    home = HomePage.objects.get(depth=2, locale__language_code=language)
    before = renditions.count()
    for page in [home, *home.get_children().live().specific()[:3]]:
        assert client.get(page.url).status_code == 200
    article = demo_site["article"].get_translation(home.locale)
    assert client.get(article.url).status_code == 200
    made = renditions.order_by("-pk")[: renditions.count() - before]
    assert renditions.count() == before, sorted({r.filter_spec for r in made})
