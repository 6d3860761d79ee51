from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wordpress_import import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("wordpress-import/", views.ImportIndexView.as_view(), name="wordpress_import"),
        path(
            "wordpress-import/<int:pk>/",
            views.ImportRunView.as_view(),
            name="wordpress_import_run",
        ),
        path(
            "wordpress-import/<int:pk>/start/",
            views.StartImportView.as_view(),
            name="wordpress_import_start",
        ),
        path(
            "wordpress-import/<int:pk>/status/",
            views.ImportStatusView.as_view(),
            name="wordpress_import_status",
        ),
    ]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import(request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return AdministratorsMenuItem(
        _("Import from WordPress"),
        reverse("wordpress_import"),
        name="wordpress-import",
        icon_name="download",
        order=900,
    )
