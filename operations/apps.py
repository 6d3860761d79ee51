from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What the people who run the site need: probes, metrics, logs and the background queue."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        # Connect the comment counter and the replica's "content just changed" receivers.
        from operations import metrics, replica  # noqa: F401
