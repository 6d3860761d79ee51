from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class NewsroomConfig(AppConfig):
    default = True
    name = "newsroom"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.admin import auth

        from newsroom import stored_names, workflow_messages
        from newsroom.access import refuse_with_403

        # Wagtail answers a refused admin view with a redirect to the dashboard; every admin
        # refusal goes through this one function, and the newsroom wants a real 403.
        auth.permission_denied = refuse_with_403
        # Group, workflow and step names are stored as catalogue source text and read in the
        # user's language wherever Wagtail shows them (newsroom/stored_names.py).
        stored_names.install()
        # Approving or sending back a review step says so (newsroom/workflow_messages.py).
        workflow_messages.install()


class NewsroomUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a group listing that shows role names translated."""

    default = False
    group_viewset = "newsroom.views.RoleGroupViewSet"
