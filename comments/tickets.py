"""The signed form ticket: which article the form is for, and when it was served.

The article page is the same HTML for every anonymous reader (so it can be cached), which rules
out Django's per-reader CSRF token there. The ticket is the same for everyone and proves two
things: the form came from our page for this article, and how long ago it was served (robots
post within a second). See the README's "Reader comments" section for the whole design.
"""

import time

from django.core import signing

SALT = "comments.form-ticket"
MAX_AGE_SECONDS = 2 * 24 * 60 * 60


class TicketError(Exception):
    pass


def issue_ticket(page_id: int) -> str:
    return signing.dumps({"page": page_id, "at": int(time.time())}, salt=SALT, compress=False)


def ticket_age(ticket: str, page_id: int) -> float:
    """Seconds since the ticket was issued; TicketError if forged, stale or for another page."""
    try:
        data = signing.loads(ticket or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as error:
        raise TicketError(str(error)) from error
    if not isinstance(data, dict) or data.get("page") != page_id:
        raise TicketError("ticket for another page")
    return max(0.0, time.time() - float(data.get("at", 0)))
