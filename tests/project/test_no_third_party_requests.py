"""Readers' browsers talk to our site only: no font, script, style or image from another host."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.html import soup_of

# Attributes whose URL a browser fetches by itself (as opposed to links a reader may follow).
FETCHED_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
FETCHED_LINK_RELS = {"stylesheet", "preload", "icon", "modulepreload", "prefetch", "manifest"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def foreign_urls(urls, own_host="testserver"):
    foreign = []
    for url in urls:
        for candidate in url.split(","):
            candidate = candidate.strip().split(" ")[0]
            parts = urlsplit(candidate)
            is_absolute = candidate.startswith("//") or parts.scheme in {"http", "https"}
            if is_absolute and parts.hostname != own_host:
                foreign.append(candidate)
    return foreign


def fetched_urls(page):
    for tag, attributes in FETCHED_ATTRIBUTES.items():
        for element in page.find_all(tag):
            yield from (element[name] for name in attributes if element.get(name))
    for link in page.find_all("link"):
        if FETCHED_LINK_RELS & set(link.get("rel", [])) and link.get("href"):
            yield link["href"]
    for element in page.find_all(style=True):
        yield from CSS_URL.findall(element["style"])
    for style in page.find_all("style"):
        yield from CSS_URL.findall(style.get_text())


@pytest.mark.django_db
def test_pages_fetch_nothing_from_another_host(client, demo_site):
    for page in (demo_site["home"], demo_site["politics"], demo_site["article"]):
        rendered = soup_of(client.get(page.url))
        urls = list(fetched_urls(rendered))
        assert urls, "expected at least the stylesheet and script"
        assert foreign_urls(urls) == [], page.url


def test_stylesheets_fetch_nothing_from_another_host():
    stylesheets = list(Path(settings.BASE_DIR, "static").rglob("*.css"))
    assert stylesheets
    for stylesheet in stylesheets:
        assert foreign_urls(CSS_URL.findall(stylesheet.read_text("utf-8"))) == [], stylesheet


def test_the_check_itself_catches_a_google_font():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Cairo">'
    from bs4 import BeautifulSoup

    assert foreign_urls(fetched_urls(BeautifulSoup(html, "html.parser"))) == [
        "https://fonts.googleapis.com/css2?family=Cairo"
    ]
