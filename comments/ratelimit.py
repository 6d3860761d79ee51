"""Comments per minute from one address, counted in the shared cache (Redis in production)."""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def client_ip(request) -> str:
    """The reader's address: REMOTE_ADDR, or the header a trusted proxy sets (README)."""
    header = getattr(settings, "COMMENTS_CLIENT_IP_HEADER", "")
    if header:
        forwarded = request.META.get(header, "")
        # X-Forwarded-For lists every hop; the proxy we trust appends the last one.
        candidate = forwarded.split(",")[-1].strip()
        if valid_ip(candidate):
            return candidate
    remote = request.META.get("REMOTE_ADDR", "")
    return remote if valid_ip(remote) else ""


def valid_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def take_slot(ip: str, limit: int) -> int:
    """Counts one post; returns 0 if allowed, else the seconds until the window reopens."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"comments:rate:{ip}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this post opens a new window.
        cache.add(key, 1, timeout=WINDOW_SECONDS + 5)
        count = 1
    if count is None:
        # The cache is down (config/cache.py answers None): no count, so no limit. Refusing
        # every reader's comment would be worse than letting a flood through to moderation.
        return 0
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
