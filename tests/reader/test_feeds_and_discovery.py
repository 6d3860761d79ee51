"""What machines read: RSS feeds, the sitemap, robots.txt, canonical and social metadata."""

import json
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale, Page

from core.sitemaps import TranslatedPagesSitemap
from tests.factories import AuthorFactory, make_article, make_image
from tests.html import soup_of

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse_rss(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    return channel


@pytest.mark.django_db
def test_site_feed_is_valid_rss_with_full_titles_and_standfirsts(client, demo_site):
    home = demo_site["home"]
    page = soup_of(client.get(home.url))
    feed_link = page.select_one("link[rel=alternate][type='application/rss+xml']")
    channel = parse_rss(client.get(feed_link["href"]))
    assert channel.findtext("language") == "ar"
    [item] = channel.findall("item")
    article = demo_site["article"]
    assert item.findtext("title") == article.title
    assert item.findtext("description") == article.standfirst
    assert item.findtext("link") == article.get_full_url()
    assert item.findtext("pubDate")
    assert "هيئة التحرير" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")


@pytest.mark.django_db
def test_each_section_has_its_own_feed(client, demo_site):
    politics = demo_site["politics"]
    make_article(demo_site["home"].get_children().live().last().specific, title="خارج القسم")
    inside = make_article(politics, title="داخل القسم")
    page = soup_of(client.get(politics.url))
    feed_url = page.select_one("link[rel=alternate][type='application/rss+xml']")["href"]
    assert page.find("a", href=feed_url) is not None  # a visible link too
    channel = parse_rss(client.get(feed_url))
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [inside.title, demo_site["article"].title]
    assert "سياسة" in channel.findtext("title")


@pytest.fixture
def translated_site(demo_site):
    """The French pages the demo build translated with wagtail-localize."""
    french = Locale.objects.get(language_code="fr")
    return {
        name: demo_site[name].get_translation(french).specific
        for name in ("home", "politics", "article")
    }


def sitemap_urls(client):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    page_urls = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert page_urls
    entries = {}
    for page_url in page_urls:
        parts = urlsplit(page_url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200
        for url in ElementTree.fromstring(response.content).iter(f"{SITEMAP}url"):
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
            }
            entries[url.findtext(f"{SITEMAP}loc")] = alternates
    return page_urls, entries


@pytest.mark.django_db
def test_sitemap_lists_every_live_article_with_its_translations(client, demo_site, translated_site):
    draft = make_article(demo_site["politics"], title="مسودة", publish=False)
    second = make_article(demo_site["politics"], title="مقال ثان")
    _, entries = sitemap_urls(client)

    article = demo_site["article"]
    french = translated_site["article"]
    assert entries[article.get_full_url()] == {
        "ar": article.get_full_url(),
        "fr": french.get_full_url(),
    }
    assert entries[french.get_full_url()]["ar"] == article.get_full_url()
    assert second.get_full_url() in entries
    assert entries[second.get_full_url()] == {}  # no translation, no alternates
    assert draft.get_full_url() not in entries


@pytest.mark.django_db
def test_sitemap_is_split_into_pages_as_it_grows(client, demo_site, monkeypatch):
    monkeypatch.setattr(TranslatedPagesSitemap, "limit", 3)
    for index in range(4):
        make_article(demo_site["politics"], title=f"مقال {index}")
    # Addresses are written from each language root's; a slug in Arabic is quoted as Wagtail does.
    make_article(demo_site["politics"], title="مقال بعنوان عربي", slug="مقال-عربي")
    page_urls, entries = sitemap_urls(client)
    assert any("%D9%85%D9%82%D8%A7%D9%84" in location for location in entries)
    # Every live page of every language tree except untranslated copies (aliases), listed once.
    listed = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
    assert listed.count() > 11  # the Arabic tree alone has 11: translations are listed too
    assert set(entries) == {page.get_full_url() for page in listed}
    # Page n of the sitemap holds the pages whose ids are in the n-th block of three, so a
    # page never moves to another file as the site grows, and the last page is as cheap as
    # the first.
    highest_id = listed.order_by("-pk").first().pk
    assert len(page_urls) == -(-highest_id // 3)
    for number, page_url in enumerate(page_urls, start=1):
        on_page = sitemap_page_locations(client, page_url)
        assert len(on_page) <= 3
        in_block = listed.filter(pk__gt=(number - 1) * 3, pk__lte=number * 3)
        assert on_page == {page.get_full_url() for page in in_block}


def sitemap_page_locations(client, page_url):
    parts = urlsplit(page_url)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["0", "-1", "abc", "99999"])
def test_a_sitemap_page_that_does_not_exist_is_not_found(client, demo_site, number):
    assert client.get("/sitemap-pages.xml", {"p": number}).status_code == 404


@pytest.mark.django_db
def test_sitemap_index_and_pages_cost_the_same_queries_however_many_pages(
    client, demo_site, monkeypatch
):
    monkeypatch.setattr(TranslatedPagesSitemap, "limit", 3)
    few = sitemap_queries(client)
    for index in range(12):
        make_article(demo_site["politics"], title=f"مقال {index}")
    many = sitemap_queries(client)
    assert many["pages"] > few["pages"]
    assert (many["index"], many["first"], many["last"]) == (few["index"], few["first"], few["last"])
    assert max(many["index"], many["first"], many["last"]) <= 5


def sitemap_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    page_urls = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    last = urlsplit(page_urls[-1])
    return {
        "pages": len(page_urls),
        "index": queries("/sitemap.xml"),
        "first": queries("/sitemap-pages.xml"),
        "last": queries(f"{last.path}?{last.query}"),
    }


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client, demo_site):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_title_and_description_come_from_the_seo_fields(client, demo_site):
    article = demo_site["article"]
    page = soup_of(client.get(article.url))
    assert page.title.string == f"{article.title} | أخبار"
    assert page.select_one("meta[name=description]")["content"].startswith("يعتبر المغرب")

    article.seo_title = "المغرب والإرهاب: قراءة في الاستراتيجية"
    article.search_description = "كيف يواجه المغرب الإرهاب."
    article.save_revision().publish()
    page = soup_of(client.get(article.url))
    assert page.title.string == "المغرب والإرهاب: قراءة في الاستراتيجية | أخبار"
    assert page.select_one("meta[name=description]")["content"] == "كيف يواجه المغرب الإرهاب."
    assert page.select_one("meta[property='og:title']")["content"] == article.seo_title
    assert page.select_one("meta[property='og:description']")["content"] == (
        "كيف يواجه المغرب الإرهاب."
    )


@pytest.mark.django_db
def test_canonical_opengraph_and_twitter_tags(client, demo_site):
    article = make_article(
        demo_site["politics"],
        title="صورة المقال",
        lead_image=make_image(),
        lead_image_alt_text="ميناء طنجة المتوسط",
    )
    page = soup_of(client.get(article.url))

    def meta(attribute, name):
        return page.select_one(f"meta[{attribute}='{name}']")["content"]

    assert page.select_one("link[rel=canonical]")["href"] == article.get_full_url()
    assert meta("property", "og:url") == article.get_full_url()
    assert meta("property", "og:type") == "article"
    assert meta("property", "og:site_name") == "أخبار"
    assert meta("property", "og:image").startswith("http://127.0.0.1:8000/")
    assert meta("property", "og:image:width") == "1200"
    assert meta("property", "og:image:alt") == "ميناء طنجة المتوسط"
    assert meta("property", "article:section") == "سياسة"
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("name", "twitter:title") == "صورة المقال"


@pytest.mark.django_db
def test_json_ld_news_article_carries_the_fields_search_engines_need(client, demo_site):
    second_author = AuthorFactory(name="سلمى الإدريسي", slug="salma")
    article = make_article(
        demo_site["politics"],
        title="تحليل",
        standfirst="مقدمة التحليل.",
        lead_image=make_image(),
        authors=[second_author],
    )
    article.tags.add("الاقتصاد")
    article.save_revision().publish()
    page = soup_of(client.get(article.url))
    [script] = page.select("script[type='application/ld+json']")
    data = json.loads(script.string)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "تحليل"
    assert data["description"] == "مقدمة التحليل."
    assert data["datePublished"].startswith(str(article.publication_date.date()))
    assert data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "سلمى الإدريسي",
            "url": "http://127.0.0.1:8000/ar/authors/salma/",
        }
    ]
    assert data["publisher"]["name"] == "أخبار"
    assert data["articleSection"] == "سياسة"
    assert data["image"][0].startswith("http://127.0.0.1:8000/") and data["image"][0].endswith(
        ".png"
    )
    assert data["mainEntityOfPage"]["@id"] == article.get_full_url()
    assert data["keywords"] == ["الاقتصاد"]
    assert data["inLanguage"] == "ar"


@pytest.mark.django_db
def test_json_ld_cannot_be_broken_out_of_by_a_title(client, demo_site):
    article = make_article(demo_site["politics"], title="</script><script>alert(1)</script>")
    page = soup_of(client.get(article.url))
    [script] = page.select("script[type='application/ld+json']")
    assert json.loads(script.string)["headline"] == "</script><script>alert(1)</script>"
    # Only the JSON-LD block is inline; every other script is one of our files: nothing injected.
    inline = [script for script in page.select("script") if not script.get("src")]
    assert inline == [script]
    assert all(s["src"].startswith("/static/js/") for s in page.select("script[src]"))
