from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from operations.task_failures import uses_database_queue
from operations.views import FailedTasksView


@hooks.register("register_admin_urls")
def register_failed_tasks_url():
    return [path("operations/failed-tasks/", FailedTasksView.as_view(), name="failed_tasks")]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser and uses_database_queue()


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return AdministratorMenuItem(
        _("Failed background tasks"),
        reverse("failed_tasks"),
        name="failed-tasks",
        icon_name="warning",
        order=950,
    )


@hooks.register("before_serve_page")
def name_the_page_type_for_metrics(page, request, serve_args, serve_kwargs):
    """Request latency is reported per page type, not as one "wagtail_serve" view."""
    request.metrics_page_type = page.specific_class._meta.label_lower
