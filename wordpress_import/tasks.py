"""The import, run by the background worker (``manage.py db_worker``), never in a web request.

In development and tests the immediate backend runs the task at once; in production it waits
in the database queue (django-tasks-db) for the worker (docker-compose's ``worker`` service).
"""

import time

from django.db import close_old_connections
from django.utils import timezone
from django_tasks import task

from wordpress_import.importer import ImportOptions, run_import
from wordpress_import.models import ImportRun
from wordpress_import.wxr import ExportError

# The run's progress is written at most this often: a row update per item would slow the import.
PROGRESS_EVERY_SECONDS = 1.0


@task()
def run_wordpress_import(run_id: int, dry_run: bool) -> str:
    run = ImportRun.objects.get(pk=run_id)
    run.status = ImportRun.Status.RUNNING if not dry_run else run.status
    run.started_at = run.started_at or (timezone.now() if not dry_run else None)
    run.processed_items = 0
    run.save(update_fields=["status", "started_at", "processed_items"])
    last_write = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if dry_run or (now - last_write[0] < PROGRESS_EVERY_SECONDS and done < total):
            return
        last_write[0] = now
        ImportRun.objects.filter(pk=run_id).update(processed_items=done, total_items=total)

    options = ImportOptions(
        language=run.language,
        fetch_media=run.fetch_media,
        default_section=run.default_section,
        dry_run=dry_run,
        update=run.update_changed,
    )
    try:
        report = run_import(run.export_file.path, options, progress=progress, run=run)
    except ExportError as error:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        return "failed"
    except Exception as error:
        close_old_connections()
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED,
            error=f"{error.__class__.__name__}: {error}",
            finished_at=timezone.now(),
        )
        raise
    data = report.as_dict()
    if dry_run:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.CHECKED,
            dry_run_report=data,
            source_site=data["site"],
            total_items=data["total_items"],
            error="",
        )
        return "checked"
    run.refresh_from_db()
    ImportRun.objects.filter(pk=run_id).update(
        status=ImportRun.Status.DONE,
        report=data,
        processed_items=run.total_items,
        finished_at=timezone.now(),
        error="",
    )
    return "done"
