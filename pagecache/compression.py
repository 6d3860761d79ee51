"""Brotli or gzip for public pages, when no proxy in front compresses them.

Only responses that are the same for every anonymous reader are compressed: those the site
marked public, and the page cache's hits (always such a response). They hold no secret: no
CSRF token (the page cache refuses a page that set one), no session data. BREACH needs a
secret and attacker-chosen text in the same compressed response; per-reader responses (the
admin, forms with a CSRF token, the comment form's state) stay uncompressed, so there is none
to find. docs/deploy.md explains the choice.

The compressed bytes of a page are kept in this process's memory by ETag, so a cached page is
compressed once per process, not once per request. With Varnish in front, Varnish asks for
gzip and stores what it gets; brotli is for readers who reach gunicorn directly.
"""

import gzip
import re
import threading
from collections import OrderedDict

import brotli
from django.utils.cache import patch_vary_headers

from pagecache.middleware import MARK

COMPRESSIBLE_TYPES = re.compile(r"^(text/html|application/(rss\+xml|atom\+xml|xml))\b")
MIN_LENGTH = 200
BROTLI_QUALITY = 5
GZIP_LEVEL = 6


class CompressedCopies:
    """A small least-recently-used map of compressed bodies, by ETag and encoding."""

    def __init__(self, max_entries: int = 256):
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compress(self, etag: str | None, encoding: str, content: bytes) -> bytes:
        if etag is None:
            return compress(encoding, content)
        key = (etag, encoding)
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        compressed = compress(encoding, content)
        with self._lock:
            self._entries[key] = compressed
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return compressed


def compress(encoding: str, content: bytes) -> bytes:
    if encoding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY)
    # mtime=0: the same page always compresses to the same bytes.
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)


def chosen_encoding(request) -> str | None:
    accepted = {
        part.split(";")[0].strip().lower()
        for part in request.headers.get("Accept-Encoding", "").split(",")
        if not part.strip().endswith(";q=0")
    }
    if "br" in accepted:
        return "br"
    if "gzip" in accepted:
        return "gzip"
    return None


def is_public(response) -> bool:
    return getattr(response, MARK, False) or response.get("X-Page-Cache") == "hit"


def weak(etag: str) -> str:
    return etag if etag.startswith("W/") else f"W/{etag}"


class PublicPageCompressionMiddleware:
    """Above the page cache in MIDDLEWARE, so its hits are compressed too."""

    copies = CompressedCopies()

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A compressed page's ETag is weak (W/"..."): the page cache compares strong ones.
        given = request.META.get("HTTP_IF_NONE_MATCH", "")
        if given.startswith("W/"):
            request.META["HTTP_IF_NONE_MATCH"] = given[2:]
            request.__dict__.pop("headers", None)  # read again from META
        response = self.get_response(request)
        if not is_public(response) or response.streaming:
            return response
        encoding = chosen_encoding(request)
        if response.status_code == 304:
            patch_vary_headers(response, ("Accept-Encoding",))
            if encoding and response.has_header("ETag"):
                response["ETag"] = weak(response["ETag"])
            return response
        if not COMPRESSIBLE_TYPES.match(response.get("Content-Type", "")):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if (
            encoding is None
            or response.status_code != 200
            or response.has_header("Content-Encoding")
            or len(response.content) < MIN_LENGTH
        ):
            return response
        etag = response.get("ETag")
        response.content = self.copies.get_or_compress(etag, encoding, response.content)
        response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(response.content))
        if etag:
            response["ETag"] = weak(etag)
        return response
