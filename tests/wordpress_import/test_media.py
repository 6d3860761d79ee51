"""Attachments become Wagtail images, from a copy of the uploads folder or over HTTP."""

import http.server
import threading
from functools import partial

import pytest
from wagtail.images import get_image_model

from tests.wordpress_import.conftest import import_file, jpeg_bytes, row_counts

pytestmark = pytest.mark.django_db
# The helpers' port range (HELPER-RULES): the test server binds only to 127.0.0.1.
HTTP_PORT = 18531


def test_images_come_from_the_uploads_copy_once_per_file(demo_site, uploads):
    Image = get_image_model()
    before = Image.objects.count()
    output = import_file("classic-shortcodes-and-embeds.xml", uploads=uploads)
    assert Image.objects.count() == before + 1  # photo.jpg and photo-copy.jpg are the same file
    image = Image.objects.order_by("-pk").first()
    assert image.title == "صورة المغرب" and image.width == 640
    import_file("classic-shortcodes-and-embeds.xml", uploads=uploads)
    assert Image.objects.count() == before + 1
    assert "attachment" in output


def test_attachment_problems_are_skipped_with_their_reason(demo_site, uploads):
    Image = get_image_model()
    before = Image.objects.count()
    output = import_file("attachment-problems.xml", uploads=uploads)
    assert Image.objects.count() == before + 1  # only ok.png
    assert Image.objects.order_by("-pk").first().title == "صورة سليمة"
    assert "file missing: 1" in output
    assert "not an image: 1" in output
    assert "too large (1024 MB)" in output  # refused from its size alone, never read
    assert "not a readable image: 1" in output


def test_without_a_media_source_attachments_are_reported_not_fetched(demo_site):
    before = row_counts()
    output = import_file("attachment-problems.xml", dry_run=True)
    assert row_counts() == before
    assert "no media source (give --uploads or --fetch-media): 5" in output


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(uploads):
    """The old WordPress site's uploads, served over HTTP on 127.0.0.1."""
    handler = partial(QuietHandler, directory=str(uploads.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", HTTP_PORT), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{HTTP_PORT}"
    server.shutdown()
    server.server_close()


def test_fetch_media_downloads_images_only(demo_site, old_site, tmp_path, settings):
    settings.WORDPRESS_IMPORT_MAX_IMAGE_BYTES = 1024 * 1024
    export = tmp_path / "fetch.xml"
    text = (import_file.__globals__["fixture"]("attachment-problems.xml")).read_text(
        encoding="utf-8"
    )
    export.write_text(
        text.replace("https://old-news.example/wp-content/uploads/", f"{old_site}/uploads/"),
        encoding="utf-8",
    )
    Image = get_image_model()
    before = Image.objects.count()
    output = import_file(export, fetch_media=True)
    assert Image.objects.count() == before + 1
    assert "could not be fetched (HTTPError)" in output  # missing.jpg: 404
    assert "not an image" in output  # report.pdf
    assert "too large" in output  # huge.jpg: refused from its Content-Length
    assert jpeg_bytes()  # the fixture's helper still makes images
