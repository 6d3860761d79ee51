"""``{% article_card article %}``: an article's card in a listing (articles/card_display.py).

The card shows its date in the reader's language and digits, and marks a headline still in
Arabic on a French or English page: both this app's (formatting.py, ``source_language``), which
articles/ may not import (docs/architecture.md), so the tag that hands them to the card is here.

    {% article_card article variant="lead" %}
    {% article_card article lazy=True compact=True hide_section=True %}
"""

from types import MappingProxyType

from django import template
from django.utils.translation import get_language

from articles.card_display import Listing, card_html
from core.navigation import home_for
from translations import formatting
from translations.templatetags.locale_tags import source_language

register = template.Library()

NO_SECTIONS = MappingProxyType({})  # a listing that names no sections: one for every card


def listing_of(context) -> Listing:
    """What the cards drawn in ``context`` share: its request, its page's sections and home.

    Made once for a listing's cards and kept on the request, for each language (a page may
    draw another language's) and each set of sections (the Listing keeps it, so its ``id``
    stays its own for the request).
    """
    request = context.get("request")
    sections_by_path = context.get("sections_by_path") or NO_SECTIONS
    page = context.get("page")
    key = (get_language(), id(sections_by_path), getattr(page, "pk", None))
    listings = request.__dict__.setdefault("_card_listings", {}) if request is not None else {}
    listing = listings.get(key)
    if listing is None or listing.sections_by_path is not sections_by_path:
        listing = listings[key] = Listing(
            request,
            sections_by_path,
            home_for(page, request),
            reader_date=formatting.date_writer(request),
            headline_language=source_language,
        )
    return listing


@register.simple_tag(takes_context=True)
def article_card(context, article, variant="", lazy=False, compact=False, hide_section=False):
    return card_html(
        article,
        listing_of(context),
        variant=variant,
        lazy=lazy,
        compact=compact,
        hide_section=hide_section,
    )
