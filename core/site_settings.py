"""Every site setting of the request's site, read in one query the first time one is needed.

A page shows three site settings (the digits on Arabic pages, the logo and social links, the
comment rules), and Wagtail's ``for_request`` reads each with a query of its own. They are
all one-to-one with the site, so the first one asked for reads them together
(``select_related`` on the site's reverse relations) and leaves each on the request where
``for_request`` looks first. A setting not saved yet is left to ``for_request``, which makes it.
"""

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site


def site_setting(model: type[BaseSiteSetting], request) -> BaseSiteSetting:
    """``model.for_request(request)``, with every site setting read at once on first use."""
    if not hasattr(request, model.get_cache_attr_name()):
        read_all_site_settings(request)
    return model.for_request(request)


def read_all_site_settings(request) -> None:
    site = Site.find_for_request(request)
    if site is None:
        return
    accessors = {}
    related = []
    for model in registry:
        if not issubclass(model, BaseSiteSetting):
            continue
        accessor = model._meta.get_field("site").remote_field.get_accessor_name()
        accessors[model] = accessor
        related.append(accessor)
        related += [f"{accessor}__{name}" for name in (model.select_related or ())]
    found = Site.objects.select_related(*related).filter(pk=site.pk).first()
    if found is None:
        return
    for model, accessor in accessors.items():
        try:
            setting = getattr(found, accessor)
        except model.DoesNotExist:
            continue  # never saved: for_request creates it
        setting._request = request  # as for_request does, for its page URLs
        setattr(request, model.get_cache_attr_name(), setting)
