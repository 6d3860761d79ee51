"""The head's canonical link, social metadata, hreflang links and JSON-LD, byte for byte.

What search engines and social networks read is pinned exactly, its spacing included, as the
templates drew it before the head was drawn in Python (core/page_meta.py,
translations/templatetags/locale_tags.py): a value escaped differently, a line lost when a
field is empty, would otherwise pass a test that reads the page with a parser.
"""

import json
from datetime import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"
PUBLISHED = timezone.make_aware(datetime(2025, 10, 14, 9, 30))  # Africa/Casablanca: +01:00


def head_block(response) -> str:
    """From the canonical link to the end of the JSON-LD block (or of the hreflang links)."""
    html = response.content.decode()
    start = html.index('<link rel="canonical"')
    end = html.index('<link rel="preload"')
    return html[start:end].rstrip()


def iso(moment) -> str:
    return timezone.localtime(moment).isoformat()


def test_an_article_with_a_picture_and_text_to_escape(client, demo_site):
    article = make_article(
        demo_site["politics"],
        title='Say "no" & <b>mean</b> it',
        slug="say-no",
        standfirst="A 'standfirst' & more",
        lead_image=make_image(width=1600, height=900),
        lead_image_alt_text='A "quoted" <alt>',
        publication_date=PUBLISHED,
    )
    rendition = article.lead_image.get_rendition("fill-1200x630")
    picture = Site.objects.get(is_default_site=True).root_url + rendition.url
    url = f"{BASE}/ar/politics/say-no/"
    title = "Say &quot;no&quot; &amp; &lt;b&gt;mean&lt;/b&gt; it"
    description = "A &#x27;standfirst&#x27; &amp; more"
    response = client.get(article.url)
    head = head_block(response)
    markup, json_ld = head.split('<script type="application/ld+json">')
    assert markup == (
        f'<link rel="canonical" href="{url}">\n'
        '    <meta property="og:type" content="article">\n'
        f'    <meta property="og:title" content="{title}">\n'
        f'    <meta property="og:description" content="{description}">\n'
        f'    <meta property="og:url" content="{url}">\n'
        '    <meta property="og:site_name" content="أخبار">\n'
        '    <meta property="og:locale" content="ar">\n'
        f'    <meta property="og:image" content="{picture}">\n'
        '    <meta property="og:image:width" content="1200">\n'
        '    <meta property="og:image:height" content="630">\n'
        '    <meta property="og:image:alt" content="A &quot;quoted&quot; &lt;alt&gt;">\n'
        '    <meta name="twitter:card" content="summary_large_image">\n'
        f'    <meta name="twitter:image" content="{picture}">\n'
        f'    <meta name="twitter:title" content="{title}">\n'
        f'    <meta name="twitter:description" content="{description}">\n'
        '    <meta property="article:published_time" content="2025-10-14T09:30:00+01:00">\n'
        f'    <meta property="article:modified_time" content="{iso(article.last_published_at)}">\n'
        '    <meta property="article:section" content="سياسة">\n'
        "\n"
        "    \n"
        f'    <link rel="alternate" hreflang="ar" href="{url}">\n'
        f'    <link rel="alternate" hreflang="x-default" href="{url}">\n'
        "    \n"
        "\n"
        "    "
    )
    assert json_ld.endswith("</script>")
    # The markup characters are JSON escapes: the headline cannot close the element.
    assert "\\u003Cb\\u003Emean\\u003C/b\\u003E" in json_ld
    assert "\\u0026" in json_ld
    data = json.loads(json_ld.removesuffix("</script>"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": 'Say "no" & <b>mean</b> it',
        "description": "A 'standfirst' & more",
        "inLanguage": "ar",
        "datePublished": "2025-10-14T08:30:00+00:00",  # in UTC, as it always was
        "dateModified": article.last_published_at.isoformat(),
        "author": [],
        "publisher": {"@type": "Organization", "name": "أخبار", "url": f"{BASE}/ar/"},
        "articleSection": "سياسة",
        "image": [picture],
    }


def test_a_section_without_a_picture_is_a_summary_card(client, demo_site):
    section = demo_site["politics"]
    response = client.get(section.url)
    head = head_block(response)
    url = f"{BASE}/ar/politics/"
    title = section.meta_title
    description = section.meta_description
    lines = [
        f'<link rel="canonical" href="{url}">',
        '    <meta property="og:type" content="website">',
        f'    <meta property="og:title" content="{title}">',
        f'    <meta property="og:description" content="{description}">' if description else "    ",
        f'    <meta property="og:url" content="{url}">',
        '    <meta property="og:site_name" content="أخبار">',
        '    <meta property="og:locale" content="ar">',
        '    <meta name="twitter:card" content="summary">',
        f'    <meta name="twitter:title" content="{title}">',
        f'    <meta name="twitter:description" content="{description}">' if description else "    ",
        "    ",
    ]
    assert head.startswith("\n".join(lines) + "\n")


def test_an_author_archive_speaks_of_the_author(client, demo_site):
    response = client.get("/ar/authors/newsroom/")
    assert response.status_code == 200
    head = head_block(response)
    url = f"{BASE}/ar/authors/newsroom/"
    assert head.startswith(
        f'<link rel="canonical" href="{url}">\n'
        '    <meta property="og:type" content="website">\n'
        '    <meta property="og:title" content="هيئة التحرير">\n'
    )
    assert '<meta name="twitter:title" content="هيئة التحرير">' in head


def test_a_tag_archive_is_titled_by_its_tag(client, demo_site):
    article = demo_site["article"]
    tag = article.tags.first()
    response = client.get(f"/ar/tags/{tag.slug}/")
    assert response.status_code == 200
    head = head_block(response)
    og_title = head.split("\n")[2]
    assert og_title.startswith('    <meta property="og:title" content="')
    assert tag.name in og_title
    twitter_title = og_title.replace('property="og:title"', 'name="twitter:title"')
    assert twitter_title in head


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_locale_follows_the_reader_language(client, demo_site, language):
    response = client.get(f"/{language}/")
    head = head_block(response)
    assert f'\n    <meta property="og:locale" content="{language}">\n' in head
    assert head.endswith(f'\n    <link rel="alternate" hreflang="x-default" href="{BASE}/ar/">')
