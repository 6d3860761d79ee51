from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticleSearchConfig(AppConfig):
    name = "search"
    label = "article_search"
    verbose_name = _("Article search")

    def ready(self):
        from search import signals  # noqa: F401
