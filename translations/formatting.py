"""Dates and numbers written for the reader's language, in the digits the site has chosen."""

from collections.abc import Callable
from datetime import date

from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from hijridate import Gregorian
from wagtail.models import Site

from core.site_settings import site_setting
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
        compute=lambda: site_setting(NumberFormattingSettings, request).arabic_digits,
    )


def with_digits(text: str, request) -> str:
    return to_eastern_arabic_digits(text) if uses_eastern_digits(request) else text


def localized_date(value, request) -> str:
    """The date as the reader's language writes it ("29 نوفمبر، 2026", "29 novembre 2026")."""
    return date_writer(request)(value)


def date_writer(request) -> Callable:
    """``localized_date`` for the many dates of one page (a listing's cards): the language's
    format and the site's digits looked up once, not for each date."""
    date_format = formats.get_format("DATE_FORMAT")
    eastern = uses_eastern_digits(request)

    def write(value) -> str:
        if value is None:
            return ""
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        text = dateformat.format(value, date_format)
        return to_eastern_arabic_digits(text) if eastern else text

    return write


def localized_number(value, request) -> str:
    if value is None or value == "":
        return ""
    return with_digits(formats.number_format(value, use_l10n=True), request)


# The Umm al-Qura months in the catalogue's English; Arabic and French come from locale/.
HIJRI_MONTHS = [
    pgettext_lazy("Hijri month", "Muharram"),
    pgettext_lazy("Hijri month", "Safar"),
    pgettext_lazy("Hijri month", "Rabi al-Awwal"),
    pgettext_lazy("Hijri month", "Rabi al-Thani"),
    pgettext_lazy("Hijri month", "Jumada al-Ula"),
    pgettext_lazy("Hijri month", "Jumada al-Akhirah"),
    pgettext_lazy("Hijri month", "Rajab"),
    pgettext_lazy("Hijri month", "Shaban"),
    pgettext_lazy("Hijri month", "Ramadan"),
    pgettext_lazy("Hijri month", "Shawwal"),
    pgettext_lazy("Hijri month", "Dhu al-Qadah"),
    pgettext_lazy("Hijri month", "Dhu al-Hijjah"),
]


def hijri_date(value: date, request) -> str:
    """The Umm al-Qura date ("20 جمادى الآخرة 1448 هـ"), in the reader's language and digits.

    Empty outside the calendar's range (1343 to 1500 AH), where no official table exists.
    """
    try:
        hijri = Gregorian(value.year, value.month, value.day).to_hijri()
    except OverflowError:
        return ""
    text = _("%(day)s %(month)s %(year)s AH") % {
        "day": hijri.day,
        "month": HIJRI_MONTHS[hijri.month - 1],
        "year": hijri.year,
    }
    return with_digits(text, request)


def gregorian_date(value: date, request) -> str:
    """The day and date as the reader's language writes them ("الاثنين 30 نوفمبر 2026")."""
    return with_digits(formats.date_format(value, _("l j F Y")), request)
