"""A message after approving or sending back a review step from the dashboard.

Wagtail's workflow action view (the "Approve" and "Request changes" buttons on the dashboard
and in the page listing) acts and redirects without a word, so an editor cannot tell whether
the click did anything. :func:`install` wraps its ``post`` to add one message saying what
happened. See docs/admin-language.md ("Upstream behaviour we rely on").
"""

from functools import wraps

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState, WorkflowState


def outcome_message(page, task_state) -> tuple[str, str] | None:
    """(level, text) for what the action did, or None if it did nothing we can describe."""
    title = page.get_admin_display_title()
    task = str(task_state.task.name)
    if task_state.status == TaskState.STATUS_REJECTED:
        return "success", _("Changes requested on “%(title)s”: it is back with its writer.") % {
            "title": title
        }
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    workflow_state = task_state.workflow_state
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        if page.live:
            return "success", _("“%(title)s” approved at “%(task)s” and published.") % {
                "title": title,
                "task": task,
            }
        return "success", _("“%(title)s” approved at “%(task)s”; it goes live as scheduled.") % {
            "title": title,
            "task": task,
        }
    next_task = workflow_state.current_task_state.task.name
    return "success", _("“%(title)s” approved at “%(task)s”; next: “%(next)s”.") % {
        "title": title,
        "task": task,
        "next": str(next_task),
    }


def with_confirmation(post):
    @wraps(post)
    def post_and_confirm(view, request, *args, **kwargs):
        task_state_id = view.task_state.pk
        before = view.task_state.status
        response = post(view, request, *args, **kwargs)
        task_state = TaskState.objects.filter(pk=task_state_id).select_related("task").first()
        if task_state is not None and task_state.status != before:
            page = view.object.specific_class.objects.get(pk=view.object.pk)
            outcome = outcome_message(page, task_state)
            if outcome is not None:
                level, text = outcome
                getattr(messages, level)(request, text)
        return response

    return post_and_confirm


def install() -> None:
    WorkflowActionView.post = with_confirmation(WorkflowActionView.post)
