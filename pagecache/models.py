from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    """The cache generation's durable record: one row, whose number only ever grows.

    Every change readers would see raises it in the same transaction as the change, so it
    survives a cache that was unreachable at that moment or restarted from old saved data.
    The shared cache keeps a copy that requests read (pagecache/store.py).
    """

    number = models.BigIntegerField(_("number"), default=0)
    # Raised with every change that renews only some keys (pagecache/keys.py): a shared cache
    # that comes back with a smaller copy may have lost some, and the whole site is renewed.
    keyed_changes = models.BigIntegerField(_("changes by key"), default=0, db_default=0)

    class Meta:
        verbose_name = _("cache generation")
        verbose_name_plural = _("cache generations")

    def __str__(self):
        return str(self.number)
