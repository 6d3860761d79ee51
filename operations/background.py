"""Retrying background tasks with backoff.

django-tasks runs a task once. Work that talks to another service (a CDN's API, Varnish, a mail
server) fails now and then for reasons that pass, so such a task catches its error and calls
`retry_later`: the same task is queued again to run after a delay that doubles each time
(TASK_RETRY_SECONDS, then twice that, and so on). The attempt that has no retry left re-raises,
so the queue records it as FAILED, with its traceback, where administrators see it (Reports →
Failed background tasks, operations/views.py).

With the immediate backend (development, tests) tasks cannot be deferred: the error is raised
at once.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)


def retry_delay(attempt: int) -> float:
    """Seconds before the attempt after ``attempt``: doubling from TASK_RETRY_SECONDS."""
    return settings.TASK_RETRY_SECONDS * 2 ** (attempt - 1)


def retry_later(task, error: Exception, attempt: int, *args, **kwargs) -> dict:
    """Queue ``task(*args, attempt=attempt + 1, **kwargs)`` after a backoff, or raise ``error``.

    Call it from the task's ``except`` block; the task then returns what it returns.
    """
    if attempt >= settings.TASK_MAX_ATTEMPTS or not task.get_backend().supports_defer:
        raise error
    delay = retry_delay(attempt)
    task.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        *args, attempt=attempt + 1, **kwargs
    )
    logger.warning(
        "%s failed (attempt %s of %s: %s); next try in %ss",
        task.name,
        attempt,
        settings.TASK_MAX_ATTEMPTS,
        error,
        delay,
    )
    return {"error": str(error), "next_attempt": attempt + 1, "retry_in_seconds": delay}
