"""Public pages reach readers compressed; pages made for one reader never are (BREACH)."""

import gzip

import brotli
import pytest
from freezegun import freeze_time


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("br, gzip", "br", brotli.decompress), ("gzip, deflate", "gzip", gzip.decompress)],
)
def test_articles_are_compressed_for_readers_that_accept_it(
    client, demo_site, accept, encoding, decompress
):
    url = demo_site["article"].url
    # One instant for both: the comment form's ticket names the second it was issued.
    with freeze_time():
        plain = client.get(url)
        compressed = client.get(url, HTTP_ACCEPT_ENCODING=accept)
    assert compressed["Content-Encoding"] == encoding
    assert "Accept-Encoding" in compressed["Vary"]
    assert decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert "Content-Encoding" not in plain


@pytest.mark.django_db
def test_cached_pages_are_compressed_and_revalidate_with_their_weak_etag(
    client, demo_site, settings
):
    settings.PAGE_CACHE_ENABLED = True
    url = demo_site["article"].url
    client.get(url, HTTP_ACCEPT_ENCODING="br")
    hit = client.get(url, HTTP_ACCEPT_ENCODING="br")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "br"
    assert hit["ETag"].startswith('W/"')
    again = client.get(url, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=hit["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == hit["ETag"]


@pytest.mark.django_db
def test_pages_for_one_reader_are_never_compressed(client, demo_site, admin_user):
    client.force_login(admin_user)
    for url in (demo_site["article"].url, "/admin/", "/admin/pages/"):
        response = client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response, url
