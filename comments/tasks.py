"""Moderator emails, sent by the background worker: a reader's post never waits for the mail
server (with the immediate backend, in development and tests, they are sent at once)."""

from django_tasks import task

from comments.notifications import notify_moderators


@task()
def notify_moderators_task(comment_id: int) -> None:
    notify_moderators(comment_id)
