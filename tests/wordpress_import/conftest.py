"""Running the importer on the small hand-written exports in fixtures/."""

from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation
from PIL import Image

FIXTURES = Path(__file__).with_name("fixtures")


def fixture(name: str) -> Path:
    return FIXTURES / name


def import_file(name_or_path, *args, language="en", **options) -> str:
    """Run ``manage.py import_wordpress`` as a person would; returns what it printed.

    The command speaks the site's language (Arabic unless told otherwise); the tests read its
    messages in English, and test_bad_input reads one in Arabic.
    """
    out = StringIO()
    path = name_or_path if isinstance(name_or_path, Path) else fixture(name_or_path)
    options.setdefault("default_section", "politics")
    with translation.override(language):
        call_command("import_wordpress", str(path), *args, stdout=out, stderr=out, **options)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    """Rows in every table of the project: what "the database is as it was" compares."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def jpeg_bytes(colour=(200, 30, 40), size=(640, 360)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A copy of wp-content/uploads with the files the fixtures name."""
    root = tmp_path / "uploads"
    folder = root / "2024" / "05"
    folder.mkdir(parents=True)
    photo = jpeg_bytes()
    (folder / "photo.jpg").write_bytes(photo)
    (folder / "photo-copy.jpg").write_bytes(photo)  # the same file under another name
    png = BytesIO()
    Image.new("RGB", (200, 100), (10, 120, 60)).save(png, format="PNG")
    (folder / "ok.png").write_bytes(png.getvalue())
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not an image")
    (folder / "fake.jpg").write_text("<?php echo 'not an image'; ?>")
    with (folder / "huge.jpg").open("wb") as huge:  # 1 GB on disk, sparse: nothing is written
        huge.truncate(1024 * 1024 * 1024)
    return root
