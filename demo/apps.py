from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo newsroom `make run` shows; it imports every app and nothing imports it."""

    name = "demo"
    verbose_name = _("Demo content")
