"""Who is asking: the visitor's address, by one rule for every part of the site.

The login lockout (django-axes), the comment rate limit, the address kept with a comment and the
page cache's per-visitor allowance all count visitors by this address. It lives in the lowest
app so that each of them can ask it.

``X-Forwarded-For`` is believed only as far as the site's own proxies go: each trusted proxy
appends the address it received the request from, so with ``DJANGO_TRUSTED_PROXY_COUNT`` = N
the visitor is the N-th address from the end. Anything further left was written by the visitor
and is ignored. With no trusted proxy (the default) the header is ignored entirely, since anyone
can send it.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The visitor's address, or "" when there is no valid one."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        # Fewer hops than proxies: the request did not come through them all, so the only
        # address not written by the visitor is the connection's own.
        if len(hops) >= proxies:
            candidate = hops[-proxies]
            return candidate if is_valid_ip(candidate) else ""
    remote = request.META.get("REMOTE_ADDR", "")
    return remote if is_valid_ip(remote) else ""


def is_valid_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
