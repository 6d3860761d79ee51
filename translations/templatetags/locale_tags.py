"""Language chrome for reader pages: switcher, hreflang links, dates and numbers."""

from django import template
from django.conf import settings
from django.utils import timezone

from translations import alternates, formatting

register = template.Library()


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {
        "versions": alternates.language_versions(request, context.get("page")),
        "cookie_name": settings.LANGUAGE_COOKIE_NAME,
    }


@register.inclusion_tag("navigation/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    return {"alternates": alternates.alternates(context.get("request"), context.get("page"))}


@register.simple_tag(takes_context=True)
def local_date(context, value):
    """``{% local_date page.display_date %}``: the date in the page's language and digits."""
    return formatting.localized_date(value, context.get("request"))


@register.simple_tag(takes_context=True)
def local_number(context, value):
    """``{% local_number item.number %}``: a number in the page's language and digits."""
    return formatting.localized_number(value, context.get("request"))


@register.inclusion_tag("navigation/date_bar.html", takes_context=True)
def date_bar(context):
    """Today in the Gregorian and the Hijri (Umm al-Qura) calendars, for the masthead."""
    request = context.get("request")
    today = timezone.localdate()
    return {
        "today": today,
        "gregorian": formatting.gregorian_date(today, request),
        "hijri": formatting.hijri_date(today, request),
    }
