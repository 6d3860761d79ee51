"""Dates and numbers written for the reader's language, in the digits the site has chosen."""

from django.utils import formats, timezone
from django.utils.translation import get_language
from wagtail.models import Site

from pagecache.registry import cached_value
from translations.models import ArabicDigits, NumberFormattingSettings

ARABIC_DIGITS = cached_value("arabic-digits")
EASTERN_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def to_eastern_arabic_digits(text: str) -> str:
    return text.translate(EASTERN_ARABIC_DIGITS)


def uses_eastern_digits(request) -> bool:
    """Eastern Arabic digits only on Arabic pages, and only where the site asks for them."""
    if request is None or get_language() != "ar":
        return False
    cached = getattr(request, "_arabic_digits", None)
    if cached is None:
        cached = arabic_digits_for(request)
        request._arabic_digits = cached
    return cached == ArabicDigits.EASTERN


def arabic_digits_for(request) -> str:
    """The site's choice, from the cache until the setting is saved (a new cache generation)."""
    site = Site.find_for_request(request)
    return ARABIC_DIGITS.get_or_compute(
        site.pk if site else 0,
        compute=lambda: NumberFormattingSettings.for_request(request).arabic_digits,
    )


def with_digits(text: str, request) -> str:
    return to_eastern_arabic_digits(text) if uses_eastern_digits(request) else text


def localized_date(value, request) -> str:
    """The date as the reader's language writes it ("29 نوفمبر، 2026", "29 novembre 2026")."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return with_digits(formats.date_format(value, "DATE_FORMAT"), request)


def localized_number(value, request) -> str:
    if value is None or value == "":
        return ""
    return with_digits(formats.number_format(value, use_l10n=True), request)
