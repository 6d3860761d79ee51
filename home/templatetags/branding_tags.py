"""The chrome of every page: the masthead (logo and name), the section menu, the breaking-news
strip and the footer (sections, feeds, social links)."""

from django import template
from django.templatetags.static import static
from wagtail.models import Page, Site

from core.navigation import home_for
from core.site_settings import site_setting
from home.branding import SiteIdentitySettings
from home.chrome import breaking_article, footer_information_pages, menu_sections
from pagecache.registry import cached_value

register = template.Library()

SITE_IDENTITY = cached_value("site-identity")

SECTION_DEPTH = 3  # root, home page, section

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


@register.inclusion_tag("navigation/section_nav.html", takes_context=True)
def section_navigation(context):
    """The live sections of the current language's home page, in the editors' order."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    # Pages outside the tree (search, errors) get the site root in the reader's language.
    home = home_for(current, request)
    sections = menu_sections(home, request) if home else []
    return {
        "home": home,
        "current": current,
        "sections": sections,
        "current_section_path": current.path[: Page.steplen * SECTION_DEPTH]
        if isinstance(current, Page)
        else "",
        "site_name": site.site_name if site and site.site_name else None,
    }


@register.inclusion_tag("components/breaking_news.html", takes_context=True)
def breaking_news(context):
    """The newest recent breaking article in the reader's tree, if there is one."""
    request = context.get("request")
    home = home_for(context.get("page"), request)
    return {"article": breaking_article(home, request) if home else None}
