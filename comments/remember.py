"""The "remember my name and email" cookie: signed, HTTP-only, and only if the reader asked."""

from django.conf import settings
from django.core import signing

COOKIE_NAME = "comment_author"
SALT = "comments.remember"
MAX_AGE_SECONDS = 365 * 24 * 60 * 60


def remembered_author(request) -> dict:
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return {}
    try:
        data = signing.loads(value, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: str(data.get(key, "")) for key in ("name", "email", "url")}


def remember_author(response, *, name: str, email: str, url: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps({"name": name, "email": email, "url": url}, salt=SALT),
        max_age=MAX_AGE_SECONDS,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def forget_author(response) -> None:
    response.delete_cookie(COOKIE_NAME, samesite="Lax")
