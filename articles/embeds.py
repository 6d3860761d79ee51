"""The outside players an article may embed, and how to play them only when the reader asks.

An embed stores the address the writer pasted (a YouTube, Vimeo or X link), never the provider's
HTML, and no request is made to the provider when the article is saved or shown: the page draws a
placeholder, and the provider's player (an iframe) is built in the reader's browser only after a
click. The reader's Content-Security-Policy allows frames from these hosts and nothing else.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EmbedProvider:
    key: str
    name: str
    frame_host: str


YOUTUBE = EmbedProvider("youtube", "YouTube", "www.youtube-nocookie.com")
VIMEO = EmbedProvider("vimeo", "Vimeo", "player.vimeo.com")
X = EmbedProvider("x", "X", "platform.twitter.com")

PROVIDERS = (YOUTUBE, VIMEO, X)
# Every host a reader's browser may load a player from, once the reader has clicked.
FRAME_HOSTS = tuple(f"https://{provider.frame_host}" for provider in PROVIDERS)

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "music.youtube.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
X_HOSTS = {"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
DIGITS = re.compile(r"^\d{1,25}$")

UNSUPPORTED_MESSAGE = _("Only YouTube, Vimeo and X (Twitter) addresses can be embedded.")


@dataclass(frozen=True)
class Embed:
    provider: EmbedProvider
    url: str
    frame_url: str


def _youtube_id(parts) -> str | None:
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"] or not segments:
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif segments[0] in {"embed", "shorts", "live", "v"} and len(segments) > 1:
        candidate = segments[1]
    else:
        candidate = ""
    return candidate if YOUTUBE_ID.match(candidate) else None


def _vimeo_id(parts) -> str | None:
    segments = [segment for segment in parts.path.split("/") if segment]
    for segment in reversed(segments):
        if DIGITS.match(segment):
            return segment
    return None


def _x_status_id(parts) -> str | None:
    segments = [segment for segment in parts.path.split("/") if segment]
    # /{user}/status/{id} or /i/web/status/{id}
    for index, segment in enumerate(segments[:-1]):
        if segment in {"status", "statuses"} and DIGITS.match(segments[index + 1]):
            return segments[index + 1]
    return None


def parse_embed(url: str) -> Embed | None:
    """The provider and player address for a pasted link, or None if we do not embed it."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS:
        video = _youtube_id(parts)
        if video:
            frame = f"https://{YOUTUBE.frame_host}/embed/{video}?autoplay=1"
            return Embed(YOUTUBE, url, frame)
    elif host in VIMEO_HOSTS:
        video = _vimeo_id(parts)
        if video:
            return Embed(VIMEO, url, f"https://{VIMEO.frame_host}/video/{video}?autoplay=1")
    elif host in X_HOSTS:
        status = _x_status_id(parts)
        if status:
            frame = f"https://{X.frame_host}/embed/Tweet.html?id={status}&dnt=true"
            return Embed(X, url, frame)
    return None
