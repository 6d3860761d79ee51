"""The masthead (logo and name) and the footer (sections, feeds, social links) of every page."""

from django import template
from django.templatetags.static import static
from wagtail.models import Site

from core.navigation import home_for
from core.restrictions import private_pages
from core.site_settings import site_setting
from core.templatetags.navigation_tags import menu_sections
from home.branding import SiteIdentitySettings
from home.models import InformationPage
from pagecache.registry import cached_value

register = template.Library()

SITE_IDENTITY = cached_value("site-identity")
FOOTER_INFORMATION = cached_value("footer-information")

LOGO_HEIGHT = 64
DEFAULT_LOGO = "img/logo.svg"


def site_identity(request) -> dict:
    """The logo and social links as plain values, kept until the setting is saved."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"logo": None, "logo_shows_name": False, "social_links": []}

    def compute():
        identity = site_setting(SiteIdentitySettings, request)
        logo = None
        if identity.logo is not None:
            rendition = identity.logo.get_rendition(f"height-{LOGO_HEIGHT * 2}")
            logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
        return {
            "logo": logo,
            "logo_shows_name": identity.logo is not None and identity.logo_shows_name,
            "social_links": identity.social_links(),
        }

    return SITE_IDENTITY.get_or_compute(site.pk, compute=compute)


def site_title(site, home) -> str:
    """The name in the reader's language: the home page's title ("Akhbar" on the French site),
    else the site's name."""
    if home is not None and home.title:
        return home.title
    return site.site_name if site and site.site_name else ""


@register.inclusion_tag("navigation/masthead.html", takes_context=True)
def masthead(context):
    request = context.get("request")
    home = home_for(context.get("page"), request)
    site = Site.find_for_request(request) if request else None
    identity = site_identity(request)
    return {
        "request": request,
        "home_url": home.get_url(request) if home else "/",
        "site_name": site_title(site, home),
        "logo": identity["logo"],
        "default_logo": static(DEFAULT_LOGO),
        "logo_shows_name": identity["logo_shows_name"],
    }


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    home = home_for(context.get("page"), request)
    site = Site.find_for_request(request) if request else None
    sections = menu_sections(home, request) if home else []
    return {
        "request": request,
        "site_name": site_title(site, home),
        "home_url": home.get_url(request) if home else "/",
        "sections": sections,
        "site_feed_url": home.get_url(request) + "feed/" if home else "",
        "social_links": site_identity(request)["social_links"],
        "information_pages": footer_information_pages(home, request) if home else [],
    }


def footer_information_pages(home, request) -> list[dict]:
    """The home page's information pages marked for the footer, kept for the generation."""

    def compute():
        pages = (
            InformationPage.objects.live()
            .child_of(home)
            .filter(show_in_footer=True, alias_of=None)
            .order_by("path")
        )
        # Wagtail's public() would read every view restriction once more: the restricted
        # pages the request has already read give the same rule (core/restrictions.py).
        private = private_pages()
        if private is not None:
            pages = pages.exclude(private)
        return [{"title": page.title, "url": page.get_url(request)} for page in pages]

    return FOOTER_INFORMATION.get_or_compute(home.pk, compute=compute)
