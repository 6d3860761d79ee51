"""Security headers: strict for readers, a looser same-origin policy for the admin, HSTS."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from articles.embeds import FRAME_HOSTS as EMBED_FRAME_HOSTS
from tests.factories import UserFactory

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_the_players_the_article_embeds_are_the_frames_the_policy_allows(settings):
    assert list(EMBED_FRAME_HOSTS) == settings.READER_FRAME_SOURCES


def policy(response, header="Content-Security-Policy"):
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.django_db
def test_reader_pages_forbid_inline_scripts_and_other_hosts(client, demo_site):
    for url in (demo_site["home"].url, demo_site["article"].url, "/ar/no-such-page/"):
        response = client.get(url)
        csp = policy(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"]
        assert csp["style-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'self'"]
        # The one outside source: embedded players, framed only after the reader clicks.
        assert csp.pop("frame-src") == ["'self'", *EMBED_FRAME_HOSTS]
        for sources in csp.values():
            assert all(source in {"'self'", "'none'", "data:"} for source in sources), csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_reader_pages_have_no_inline_script_or_style(client, demo_site):
    from tests.html import soup_of

    for url in (demo_site["home"].url, demo_site["politics"].url, demo_site["article"].url):
        page = soup_of(client.get(url))
        inline = [
            script
            for script in page.find_all("script")
            if not script.get("src") and script.get("type") != "application/ld+json"
        ]
        assert inline == [], url
        assert page.find_all("style") == [], url
        assert page.find_all(style=True) == [], url
        assert page.find_all(lambda tag: any(a.startswith("on") for a in tag.attrs)) == []


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_and_still_works(client, demo_site):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    for url in (
        "/admin/",
        f"/admin/pages/{demo_site['article'].pk}/edit/",
        f"/admin/pages/{demo_site['home'].pk}/edit/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert "'unsafe-inline'" in csp["script-src"]
        assert all(
            source in {"'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "data:", "blob:"}
            for sources in csp.values()
            for source in sources
        ), csp
        assert b"gravatar.com" not in response.content


def test_production_sends_hsts():
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "a-real-looking-production-secret-key-for-this-test-only-0123",
            "DJANGO_ALLOWED_HOSTS": "news.example.ma",
        }
    )
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "settings.SECURE_CONTENT_TYPE_NOSNIFF, settings.SECURE_REFERRER_POLICY)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True", "True", "strict-origin-when-cross-origin"]


@pytest.mark.django_db
def test_hsts_header_is_sent_over_https_when_configured(client, demo_site, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(demo_site["home"].url, secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
