from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import pre_save

        from articles import signals  # noqa: F401  (connects the receivers)
        from core.text import clean_instance_text

        # Every model's text, not only the articles': titles, names, captions, alt texts...
        pre_save.connect(clean_instance_text, dispatch_uid="core.text.clean_instance_text")
