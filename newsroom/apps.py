from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class NewsroomConfig(AppConfig):
    default = True
    name = "newsroom"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.models import Group
        from wagtail.admin import auth

        from newsroom.access import refuse_with_403
        from newsroom.roles import role_display_name

        # Wagtail answers a refused admin view with a redirect to the dashboard; every admin
        # refusal goes through this one function, and the newsroom wants a real 403.
        auth.permission_denied = refuse_with_403
        # Role names are stored in English and read in the user's language wherever a group is
        # named (user forms, workflow steps, filters).
        Group.__str__ = lambda group: role_display_name(group.name)


class NewsroomUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a group listing that shows role names translated."""

    default = False
    group_viewset = "newsroom.views.RoleGroupViewSet"
