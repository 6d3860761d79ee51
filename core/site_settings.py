"""Every site setting of the request's site, taken from the site directory on first need.

A page shows three site settings (the digits on Arabic pages, the logo and social links, the
comment rules), and Wagtail's ``for_request`` reads each with a query of its own. They are
all one-to-one with the site and come with it in the site directory (core/site_directory.py),
which the request has read already; the first one asked for leaves each on the request, where
``for_request`` looks first.
"""

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from core.site_directory import site_directory


def site_setting(model: type[BaseSiteSetting], request) -> BaseSiteSetting:
    """``model.for_request(request)``, with every site setting read at once on first use."""
    if not hasattr(request, model.get_cache_attr_name()):
        read_all_site_settings(request)
    return model.for_request(request)


def read_all_site_settings(request) -> None:
    site = Site.find_for_request(request)
    if site is None:
        return
    for model, setting in site_directory().settings_of(site).items():
        setting._request = request  # as for_request does, for its page URLs
        setattr(request, model.get_cache_attr_name(), setting)
