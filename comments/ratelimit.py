"""Comments per minute from one address, counted in the shared cache (Redis in production).

The address is pagecache.client_address.client_ip's: the login lockout's trusted-proxy rule.
"""

import time

from django.core.cache import cache

WINDOW_SECONDS = 60


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
