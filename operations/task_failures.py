"""The background tasks administrators should look at: failed for good, or waiting to retry."""

from django.conf import settings


def uses_database_queue() -> bool:
    return settings.TASKS.get("default", {}).get("BACKEND", "").startswith("django_tasks_db.")


def failed_tasks():
    """Tasks that failed on their last attempt, newest first (empty without a queue)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.failed().order_by("-finished_at")


def retrying_tasks():
    """Tasks queued again after a failure (operations/background.py), soonest first."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, args_kwargs__kwargs__attempt__gt=1
    ).order_by("run_after")
