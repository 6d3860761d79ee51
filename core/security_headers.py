"""Security headers: a strict Content-Security-Policy for readers, a looser one for the admin.

Django's SecurityMiddleware already sends HSTS (production), X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy; this adds the two headers it does not know.

The public site runs no inline script or style and loads nothing from another host, so its
policy allows only our own origin. Wagtail's admin relies on inline scripts and styles (and on
``eval`` in some widgets), so paths under the admin get a policy that still confines every fetch
to our own origin but allows those.
"""

from django.conf import settings
from django.urls import reverse


def serialise(policy: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


SELF = "'self'"
NONE = "'none'"

READER_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "manifest-src": [SELF],
    # Players of embedded videos and posts, built only after the reader clicks (articles/embeds.py).
    "frame-src": [SELF, *settings.READER_FRAME_SOURCES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}

ADMIN_POLICY = {
    **READER_POLICY,
    "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF],
    "worker-src": [SELF, "blob:"],
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.reader_policy = serialise(READER_POLICY)
        self.admin_policy = serialise(ADMIN_POLICY)
        self._admin_prefix = None

    @property
    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(self.admin_prefix)
        header = (
            "Content-Security-Policy-Report-Only"
            if settings.CONTENT_SECURITY_POLICY_REPORT_ONLY
            else "Content-Security-Policy"
        )
        response.headers.setdefault(header, self.admin_policy if is_admin else self.reader_policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
