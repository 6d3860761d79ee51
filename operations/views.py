"""The metrics endpoint and the administrators' report of failed background tasks."""

import hmac

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from prometheus_client import CONTENT_TYPE_LATEST
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from operations.metrics import exposition
from operations.task_failures import failed_tasks, retrying_tasks, uses_database_queue


def has_metrics_access(request) -> bool:
    """A staff account, or the bearer token configured for the Prometheus scraper."""
    user = getattr(request, "user", None)
    if user is not None and user.is_active and user.is_staff:
        return True
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if not token or not given.startswith("Bearer "):
        return False
    return hmac.compare_digest(given.removeprefix("Bearer ").encode(), token.encode())


def metrics(request):
    if not has_metrics_access(request):
        raise PermissionDenied
    response = HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "private, no-store"
    return response


class FailedTasksView(WagtailAdminTemplateMixin, View):
    """Background work that failed for good (after its retries), newest first, with the error."""

    template_name = "operations/failed_tasks.html"
    page_title = _("Failed background tasks")
    header_icon = "warning"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Failed background tasks")},
    ]
    tasks_per_page = 50

    def get(self, request):
        if not request.user.is_superuser:
            raise PermissionDenied
        queued = uses_database_queue()
        failed = failed_tasks() if queued else []
        context = self.get_context_data(
            queued=queued,
            page_obj=Paginator(failed, self.tasks_per_page).get_page(request.GET.get("p")),
            retrying=list(retrying_tasks()[: self.tasks_per_page]) if queued else [],
        )
        return TemplateResponse(request, self.template_name, context)
