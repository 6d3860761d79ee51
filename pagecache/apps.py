from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from django.db.models.signals import post_migrate, pre_migrate

        from pagecache import frontend, signals  # noqa: F401  (connects the receivers)
        from pagecache.store import migration_finished, migration_started

        pre_migrate.connect(migration_started, sender=self)
        post_migrate.connect(migration_finished, sender=self)
