"""After the import, readers find every article, and every old address leads to its new page."""

import pytest
from django.test import Client

from articles.models import ArticlePage
from tests.wordpress_import.conftest import fixture, import_file
from wordpress_import.models import ImportedItem
from wordpress_import.wxr import iter_items

pytestmark = pytest.mark.django_db

EXPORTS = ["sections-tags-authors.xml", "post-statuses.xml", "gutenberg-blocks.xml"]


def test_every_imported_article_answers_an_anonymous_reader(demo_site):
    for name in EXPORTS:
        import_file(name)
    reader = Client()
    live = ArticlePage.objects.filter(
        pk__in=ImportedItem.objects.filter(kind="post").values("object_id"), live=True
    )
    assert live.count() == 9  # five, two (published and password-protected), two
    for article in live:
        response = reader.get(article.url)
        if article.title == "خبر محمي":
            assert response.status_code == 200 and "password" in response.content.decode()
        else:
            assert response.status_code == 200, article.url


def test_every_old_address_redirects_permanently_to_its_new_page(demo_site):
    import_file("sections-tags-authors.xml")
    import_file("post-statuses.xml")
    reader = Client()
    for name in ("sections-tags-authors.xml", "post-statuses.xml"):
        for item in iter_items(fixture(name)):
            if item.post_type != "post" or item.status != "publish":
                continue
            page = ArticlePage.objects.get(
                pk=ImportedItem.objects.get(kind="post", wp_id=str(item.wp_id)).object_id
            )
            old = item.link.split("old-news.example", 1)[1]
            for path in (old, f"/?p={item.wp_id}"):
                response = reader.get(path)
                assert response.status_code == 301, path
                assert response["Location"] == page.url
                assert not response["Location"].startswith("http")  # never off-site


def test_percent_encoded_and_decoded_arabic_paths_both_resolve(demo_site):
    import_file("post-statuses.xml")
    page = ArticlePage.objects.get(title="خبر منشور")
    reader = Client()
    encoded = "/2024/05/%d8%ae%d8%a8%d8%b1-%d9%85%d9%86%d8%b4%d9%88%d8%b1/"
    for path in (encoded, encoded.upper().replace("/2024/05/", "/2024/05/"), "/2024/05/خبر-منشور/"):
        response = reader.get(path)
        assert response.status_code == 301 and response["Location"] == page.url


def test_archives_and_the_feed_redirect_to_ours(demo_site):
    import_file("sections-tags-authors.xml")
    reader = Client()
    expected = {
        "/category/world/": "/ar/world/",
        "/category/world/maghreb/": "/ar/tags/",
        "/tag/%d8%a7%d9%86%d8%aa%d8%ae%d8%a7%d8%a8%d8%a7%d8%aa/": "/ar/tags/",
        "/author/amina/": "/ar/authors/amina/",
        "/feed/": "/ar/feed/",
        "/category/world/feed/": "/ar/world/feed/",
    }
    for old, new in expected.items():
        response = reader.get(old)
        assert response.status_code == 301, old
        assert response["Location"].startswith(new), (old, response["Location"])
        assert reader.get(response["Location"]).status_code == 200
