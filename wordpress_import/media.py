"""Getting an attachment's file: from a copy of ``wp-content/uploads``, or over HTTP.

Files are checked before they become Wagtail images: a size limit (read in chunks, never
whole), an image extension Wagtail accepts, and Pillow able to read it. Fetching has a
timeout, follows only http(s), and is only done when asked for (``--fetch-media``).
"""

import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from PIL import Image as PillowImage

CHUNK = 64 * 1024
UPLOADS_MARKER = "/wp-content/uploads/"


class MediaUnavailable(Exception):
    """The file cannot be had or is not an image; the message says which, for the report."""


@dataclass
class MediaFile:
    path: Path
    name: str
    temporary: bool = False

    def discard(self) -> None:
        if self.temporary:
            self.path.unlink(missing_ok=True)


def max_bytes() -> int:
    return settings.WORDPRESS_IMPORT_MAX_IMAGE_BYTES


def relative_upload_path(url: str, attached_file: str = "") -> str:
    """The file's path inside ``wp-content/uploads`` (``2024/03/photo.jpg``)."""
    if attached_file:
        return attached_file.lstrip("/")
    path = unquote(urlsplit(url).path)
    if UPLOADS_MARKER in path:
        return path.split(UPLOADS_MARKER, 1)[1]
    return PurePosixPath(path).name


def allowed_extension(name: str) -> bool:
    return PurePosixPath(name).suffix.lower().lstrip(".") in settings.WAGTAILIMAGES_EXTENSIONS


def check_image(path: Path, name: str) -> None:
    if not allowed_extension(name):
        raise MediaUnavailable(f"not an image: {name}")
    size = path.stat().st_size
    if size > max_bytes():
        raise MediaUnavailable(f"too large ({size // (1024 * 1024)} MB): {name}")
    if size == 0:
        raise MediaUnavailable(f"empty file: {name}")
    try:
        with PillowImage.open(path) as picture:
            picture.verify()
    except Exception:  # Pillow raises many kinds for a file it cannot read
        raise MediaUnavailable(f"not a readable image: {name}") from None


def from_uploads(uploads: Path, relative: str) -> MediaFile:
    root = uploads.resolve()
    candidate = (root / relative).resolve()
    if root not in candidate.parents:
        raise MediaUnavailable(f"outside the uploads folder: {relative}")
    if not candidate.is_file():
        raise MediaUnavailable(f"file missing: {relative}")
    check_image(candidate, candidate.name)
    return MediaFile(candidate, candidate.name)


def fetch(url: str) -> MediaFile:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise MediaUnavailable(f"not a web address: {url}")
    name = PurePosixPath(unquote(parts.path)).name or "image"
    if not allowed_extension(name):
        raise MediaUnavailable(f"not an image: {name}")
    # http(s) only, checked above: the S310 warnings below are about other schemes.
    request = urllib.request.Request(url, headers={"User-Agent": "akhbar-wordpress-import"})  # noqa: S310
    limit = max_bytes()
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.WORDPRESS_IMPORT_FETCH_TIMEOUT
        ) as response:
            content_type = response.headers.get("Content-Type", "")
            if not content_type.startswith("image/"):
                raise MediaUnavailable(f"not an image ({content_type or 'no type'}): {url}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise MediaUnavailable(f"too large ({int(declared) // (1024 * 1024)} MB): {url}")
            received = 0
            suffix = PurePosixPath(name).suffix
            with tempfile.NamedTemporaryFile(delete=False, suffix=suffix) as handle:
                while chunk := response.read(CHUNK):
                    received += len(chunk)
                    if received > limit:
                        Path(handle.name).unlink(missing_ok=True)
                        raise MediaUnavailable(
                            f"too large (over {limit // (1024 * 1024)} MB): {url}"
                        )
                    handle.write(chunk)
    except MediaUnavailable:
        raise
    except Exception as error:  # timeouts, refused connections, HTTP errors
        raise MediaUnavailable(
            f"could not be fetched ({error.__class__.__name__}): {url}"
        ) from None
    media = MediaFile(Path(handle.name), name, temporary=True)
    try:
        check_image(media.path, name)
    except MediaUnavailable:
        media.discard()
        raise
    return media
