from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page of the site shares: navigation, view restrictions, SEO, sitemaps."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import pre_save

        from core import site_root_paths
        from core.text import clean_instance_text

        # Every model's text: titles, names, captions, alt texts (core/text.py says why).
        pre_save.connect(clean_instance_text, dispatch_uid="core.text.clean_instance_text")
        # Page URLs work out the sites' root paths once per request (core/site_root_paths.py).
        site_root_paths.install()
