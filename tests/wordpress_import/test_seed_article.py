"""The seed article, exported from WordPress by hand, renders exactly like the demo's article."""

from pathlib import Path

import pytest

from articles.models import ArticlePage
from comments.models import CommentStatus
from tests.html import soup_of
from tests.wordpress_import.conftest import import_file

SEED_EXPORT = Path(__file__).resolve().parents[2] / "demo" / "wordpress" / "seed-article.wxr.xml"


def article_parts(client, page):
    soup = soup_of(client.get(page.url))
    body = soup.select_one(".article__body")
    return {
        "title": soup.select_one(".article__title").get_text(strip=True),
        "standfirst": soup.select_one(".article__standfirst").get_text(strip=True),
        "contents": [a.get_text(" ", strip=True) for a in soup.select(".toc a")],
        "body": body.decode_contents(),
    }


@pytest.mark.django_db
def test_the_imported_seed_article_renders_like_the_demo_article(client, demo_site):
    import_file(SEED_EXPORT)
    imported = ArticlePage.objects.get(slug="نهج-المغرب")
    demo = demo_site["article"]

    assert imported.get_parent().specific == demo_site["politics"]  # "سياسة" is our politics
    imported_parts = article_parts(client, imported)
    assert imported_parts == article_parts(client, demo)
    soup = soup_of(client.get(imported.url))
    headings = [h.get_text(" ", strip=True) for h in soup.select(".article-section__heading")]
    assert headings[0] == "1. الاستراتيجية الأمنية: نهج استباقي في مواجهة الإرهاب"
    assert headings[-1] == "خاتمة"
    leads = [strong.get_text(strip=True) for strong in soup.select(".bullet-list strong")]
    assert leads[:2] == ["الاستخبارات الدقيقة:", "المراقبة والتحليل:"]


@pytest.mark.django_db
def test_the_seed_articles_comments_arrive_as_a_thread(client, demo_site):
    import_file(SEED_EXPORT)
    article = ArticlePage.objects.get(slug="نهج-المغرب")
    comments = {c.author_name: c for c in article.reader_comments.all()}
    assert len(comments) == 3
    assert {c.status for c in comments.values()} == {CommentStatus.APPROVED}
    reply = comments["هيئة التحرير"]
    assert reply.parent == comments["كريم"] and reply.depth == 1
    page = soup_of(client.get(article.url))
    assert "شكراً كريم، تناولنا ذلك في القسم الثالث من المقال." in page.get_text()
