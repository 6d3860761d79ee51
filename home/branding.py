"""The site's masthead and footer settings: its logo and its accounts on social networks.

Editors set them under Settings → Site identity; until a logo is uploaded the masthead shows
the emblem shipped in static/img/logo.svg beside the site's name.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# (field name, network's name as readers know it): the footer lists them in this order.
SOCIAL_NETWORKS = [
    ("facebook_url", "Facebook"),
    ("x_url", "X"),
    ("instagram_url", "Instagram"),
    ("youtube_url", "YouTube"),
    ("whatsapp_url", "WhatsApp"),
]


@register_setting(icon="image")
class SiteIdentitySettings(BaseSiteSetting):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of every page, at most 64 pixels high. An SVG or a PNG with a "
            "transparent background works best. Leave empty to use the built-in emblem."
        ),
    )
    logo_shows_name = models.BooleanField(
        _("the logo contains the site's name"),
        default=False,
        help_text=_("Tick it if the logo spells the name: the name is then not written beside it."),
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    x_url = models.URLField(_("X account"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    whatsapp_url = models.URLField(_("WhatsApp channel"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_shows_name")], heading=_("Logo")),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in SOCIAL_NETWORKS],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def social_links(self) -> list[dict]:
        return [
            {"name": label, "url": getattr(self, name)}
            for name, label in SOCIAL_NETWORKS
            if getattr(self, name)
        ]
