from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page of the site shares: navigation, view restrictions, SEO, sitemaps."""

    name = "core"
    verbose_name = _("Site")
