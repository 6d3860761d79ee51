"""The article page stays light: its HTML, CSS and JS, compressed, under 60 KB (fonts aside)."""

import gzip

import pytest
from django.contrib.staticfiles import finders

from tests.html import soup_of

BUDGET_BYTES = 60 * 1024


def compressed_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_weight(client, url):
    """Compressed bytes of the HTML and every stylesheet and script it links to."""
    response = client.get(url)
    assert response.status_code == 200
    sizes = {"html": compressed_size(response.content)}
    page = soup_of(response)
    assets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assets += [script["src"] for script in page.select("script[src]")]
    for url in assets:
        path = finders.find(url.removeprefix("/static/"))
        assert path, url
        with open(path, "rb") as asset:
            sizes[url] = compressed_size(asset.read())
    return sizes


@pytest.mark.django_db
def test_the_seed_article_is_under_60_kb_compressed(client, demo_site):
    sizes = page_weight(client, demo_site["article"].url)
    assert set(sizes) >= {"html", "/static/css/site.css", "/static/js/site.js"}
    assert sum(sizes.values()) < BUDGET_BYTES, sizes
