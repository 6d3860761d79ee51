"""Language chrome for reader pages: switcher, hreflang links, dates and numbers."""

import re
from functools import partial

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html_join, strip_tags
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from translations import alternates, formatting

register = template.Library()


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {
        "versions": alternates.language_versions(request, context.get("page")),
        "cookie_name": settings.LANGUAGE_COOKIE_NAME,
    }


HREFLANG_LINK = '<link rel="alternate" hreflang="{}" href="{}">\n    '


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for every language version of the page, in the head.

    Drawn here rather than through a template of its own: a few lines, on every page.
    """
    links = alternates.alternates(context.get("request"), context.get("page"))
    lines = format_html_join("", HREFLANG_LINK, ((link.hreflang, link.url) for link in links))
    return lines + mark_safe("\n")


@register.simple_tag(takes_context=True)
def local_date(context, value):
    """``{% local_date page.display_date %}``: the date in the page's language and digits."""
    return formatting.localized_date(value, context.get("request"))


@register.simple_tag(takes_context=True)
def local_number(context, value):
    """``{% local_number item.number %}``: a number in the page's language and digits."""
    return formatting.localized_number(value, context.get("request"))


@register.simple_tag(takes_context=True)
def local_digits(context, text):
    """``{% local_digits sentence %}``: a sentence already written with a number in it (a
    translated count, "3 تعليقات") in the page's digits. Its safety is kept: escaped text
    stays escaped, and text still to escape is escaped on output."""
    written = formatting.with_digits(str(text), context.get("request"))
    return mark_safe(written) if isinstance(text, SafeData) else written  # noqa: S308 -- already safe


@register.simple_tag(takes_context=True)
def digit_writer(context):
    """``{% digit_writer as digits %}``: a function writing a text's digits as this page does,
    for other apps' tags that write numbers (the comments' dates) and may not ask the site's
    setting themselves (the apps' layers, pyproject.toml)."""
    write = partial(formatting.with_digits, request=context.get("request"))
    write.do_not_call_in_templates = True  # passed to a tag, not called by the template
    return write


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


ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@register.simple_tag
def source_language(text):
    """`` lang="ar" dir="rtl"`` on French and English pages for text still in Arabic.

    A translation published with untranslated segments shows the Arabic source in their
    place (wagtail-localize); marked as Arabic, it is read, hyphenated and laid out right to
    left, its punctuation on the correct side.
    """
    if get_language() == "ar" or not text:
        return ""
    plain = strip_tags(str(getattr(text, "source", text)))
    if len(ARABIC_LETTER.findall(plain)) > len(LATIN_LETTER.findall(plain)):
        return mark_safe(' lang="ar" dir="rtl"')
    return ""
