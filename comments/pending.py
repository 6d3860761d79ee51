"""A reader sees their own waiting comment, and nobody else ever does.

The article page stays the same HTML for everyone (the page cache and a CDN may keep it). After
a post that waits for a moderator, the reader's browser gets a short-lived, signed, HTTP-only
cookie naming that comment. ``form_state``, the endpoint the comment script already calls on
every article and which is never cached (``private, no-store``), reads the cookie and returns
the reader's still-waiting comments on that article, drawn with their "awaiting moderation"
mark; the script puts them in the thread. The cookie proves nothing but "this browser wrote
it": the comment stays invisible to every other reader and never enters a cached response.
Design record: docs/comments-pending.md.
"""

from django.conf import settings
from django.core import signing

from comments.models import CommentStatus, ReaderComment

COOKIE_NAME = "comment_pending"
SALT = "comments.pending"
# Long enough for a moderator to get to the queue, short enough that the note is not a tracker.
MAX_AGE_SECONDS = 3 * 24 * 60 * 60
MAX_REMEMBERED = 20


def pending_comment_ids(request) -> list[int]:
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return []
    try:
        data = signing.loads(value, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return []
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, int)][-MAX_REMEMBERED:]


def remember_pending_comment(request, response, comment_id: int) -> None:
    ids = [item for item in pending_comment_ids(request) if item != comment_id]
    ids = [*ids, comment_id][-MAX_REMEMBERED:]
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps(ids, salt=SALT),
        max_age=MAX_AGE_SECONDS,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def own_pending_comments(request, page):
    """This browser's comments on ``page`` that still wait for a moderator, oldest first."""
    ids = pending_comment_ids(request)
    if not ids:
        return []
    return list(
        ReaderComment.objects.filter(pk__in=ids, page=page, status=CommentStatus.PENDING).order_by(
            "created_at", "pk"
        )
    )
