"""The site setting for how numbers are written on Arabic pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class ArabicDigits(models.TextChoices):
    WESTERN = "western", _("Western Arabic digits (0123456789)")
    EASTERN = "eastern", _("Eastern Arabic digits (٠١٢٣٤٥٦٧٨٩)")


@register_setting(icon="globe")
class NumberFormattingSettings(BaseSiteSetting):
    arabic_digits = models.CharField(
        _("digits on Arabic pages"),
        max_length=10,
        choices=ArabicDigits.choices,
        default=ArabicDigits.WESTERN,
        help_text=_(
            "How dates, section numbers and counts are written on Arabic pages. "
            "Moroccan newspapers mostly use Western digits; French and English pages always do."
        ),
    )

    panels = [FieldPanel("arabic_digits")]

    class Meta:
        verbose_name = _("number formatting")
        verbose_name_plural = _("number formatting")
