"""Tag and author pages, linked from every article."""

import pytest

from core.archives import archive_url
from tests.factories import AuthorFactory, add_listed_articles, make_image, make_section
from tests.html import soup_of, text_of

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")


@pytest.mark.django_db
def test_article_links_its_tags_and_authors_to_their_pages(client, demo_site):
    article = soup_of(client.get(demo_site["article"].url))
    tag_links = {text_of(a): a["href"] for a in article.select(".tag-list a[rel=tag]")}
    assert set(tag_links) == {"المغرب", "الإرهاب", "الأمن الإقليمي"}
    author_link = article.select_one(".article__byline a[rel=author]")
    assert text_of(author_link) == "هيئة التحرير"

    tag_page = soup_of(client.get(tag_links["الأمن الإقليمي"]))
    assert text_of(tag_page.h1) == "الأمن الإقليمي"
    assert [text_of(h) for h in tag_page.select(".article-card__title")] == [
        demo_site["article"].title
    ]

    author_page = soup_of(client.get(author_link["href"]))
    assert text_of(author_page.h1) == "هيئة التحرير"
    assert "فريق التحرير" in text_of(author_page.select_one(".author-profile__bio"))
    assert [text_of(h) for h in author_page.select(".article-card__title")] == [
        demo_site["article"].title
    ]


@pytest.mark.django_db
def test_author_page_shows_the_photo_and_paginates_the_articles(client, demo_site):
    author = AuthorFactory(name="سلمى الإدريسي", slug="salma", photo=make_image("سلمى"))
    add_listed_articles(demo_site["politics"], 14, authors=[author])
    url = archive_url(demo_site["home"], "author", "salma")

    first = soup_of(client.get(url))
    assert first.select_one(".author-profile__photo")["src"].endswith(".png")
    assert len(first.select(".article-card")) == 12
    assert text_of(first.select_one(".article-card__title")) == "خبر رقم 13"
    second = soup_of(client.get(url + first.select_one("a[rel=next]")["href"]))
    assert len(second.select(".article-card")) == 2
    assert first.select_one("link[rel=canonical]")["href"].endswith("/ar/authors/salma/")
    assert second.select_one("link[rel=canonical]")["href"].endswith("/ar/authors/salma/?page=2")


@pytest.mark.django_db
def test_tag_page_lists_only_articles_with_the_tag_newest_first(client, demo_site):
    section = make_section(demo_site["home"], "بيئة", "environment")
    tagged = add_listed_articles(section, 3, tags=["المناخ"])
    add_listed_articles(section, 2, tags=["الماء"])
    page = soup_of(client.get(archive_url(demo_site["home"], "tag", "المناخ")))
    assert [text_of(h) for h in page.select(".article-card__title")] == [
        article.title for article in reversed(tagged)
    ]
    assert "الوسم" in text_of(page.title)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["tag", "author"])
def test_unknown_tag_or_author_is_a_404_in_the_readers_language(client, demo_site, route):
    response = client.get(archive_url(demo_site["home"], route, "no-such-thing"))
    assert response.status_code == 404
    assert text_of(soup_of(response).h1) == "الصفحة غير موجودة"
