from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressImportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wordpress_import"
    verbose_name = _("WordPress import")
