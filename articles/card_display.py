"""The article card's markup, written once, drawn in Python for every card of a listing.

Every listing draws cards: the front page sixteen, a section, tag or author page twelve, the
end of an article four. Drawn by a template (an include per card, the byline another, Wagtail's
``srcset_image`` node, ``pageurl``), a card cost about 1.5 ms with every cache off: a third of
the front page's time. Here what every card of a listing shares is worked out once
(``Listing``: the labels in the reader's language, the home page its authors' archives are
under, the sections' URLs) and each card is one ``format_html``, as comments/display.py draws
a comment.

Each piece is what the template's was:
- the picture: Wagtail's renditions (``get_renditions_or_not_found``: missing ones are made, a
  lost original draws Wagtail's "not-found" picture), written as Wagtail's ``srcset_image``
  writes them (its attributes in ``flatatt``'s order; tests/upgrading/ checks they agree);
- the headline's link: its section's URL (Wagtail's ``get_url``, once per section and request)
  followed by the rest of its path (core/page_urls.py); Wagtail's own ``get_url`` where the
  listing does not know the section;
- the standfirst cut as ``truncatewords:40`` cuts it, the date as ``date:'c'`` writes it.

The date in the reader's language and digits, and the marking of a headline still in Arabic on
a French or English page, are the translations app's (``Listing.reader_date``,
``Listing.headline_language``), which this app may not import: the template tag that draws a
card (translations/templatetags/card_tags.py) hands them over. Everything an editor typed is
escaped by ``format_html``; the labels come from our catalogues and are trusted as
``{% translate %}`` trusts them. tests/articles/test_article_card_markup.py pins every
variant's markup.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.template.defaultfilters import truncatewords
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext, pgettext
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.archives import archive_url
from core.navigation import section_of, section_url, url_in_section

CARD = """\
<article class="article-card{variant}">
    {picture}
    <div class="article-card__text">
        {section}
        <h3 class="article-card__title"{headline_language}><a href="{url}">{title}</a></h3>
        {standfirst}
        <p class="article-card__meta">{byline}
<time datetime="{datetime}">{date}</time></p>
    </div>
</article>
"""  # the line break before <time> is where the byline's template used to end
SECTION = '<p class="article-card__section"><a href="{}">{}</a></p>'
STANDFIRST = '<p class="article-card__standfirst">{}</p>'
STANDFIRST_WORDS = 40
BYLINE = '<span class="byline__authors">{} {}</span> · '
AUTHOR = (
    '<a class="byline__author" rel="author" href="{}"><bdi class="byline__author-name">{}</bdi></a>'
)


@dataclass(frozen=True)
class CardPicture:
    """One way a card shows its article's picture: the sizes made, and the <img> attributes."""

    specs: str
    attributes: dict

    @property
    def filters(self) -> list[Filter]:
        return _filters(self.specs)

    @property
    def markup(self) -> str:
        """The <img> element with ``{src}``, ``{width}``, ``{height}``, ``{srcset}`` to fill.

        Wagtail writes a rendition's attributes (``src``, ``width``, ``height``, ``alt``), the
        image app's default ones, the tag's, then ``srcset``, sorted by name (``flatatt``).
        """
        return _img_markup(self.specs, tuple(self.attributes.items()))


@cache
def _filters(specs: str) -> list[Filter]:
    # A Filter keeps only its spec and parsed operations: one made here serves every picture
    # (tests/upgrading/test_wagtail_card_picture.py), instead of parsing them for each card.
    return [Filter(spec=spec) for spec in Filter.expand_spec(specs)]


@cache
def _img_markup(specs: str, attributes: tuple) -> str:
    fixed = dict(apps.get_app_config("wagtailimages").default_attrs)
    fixed.update(attributes)
    filled = {"src": "{src}", "width": "{width}", "height": "{height}", "srcset": "{srcset}"}
    names = sorted({*fixed, *filled})
    parts = []
    for name in names:
        if name in filled and name not in fixed:
            parts.append(f' {name}="{filled[name]}"')
        else:
            value = fixed[name]
            if value is True:
                parts.append(f" {name}")
            elif value is not None and value is not False:
                escaped = str(escape(value)).replace("{", "{{").replace("}", "}}")
                parts.append(f' {name}="{escaped}"')
    return "<img" + "".join(parts) + ">"


CARD_SIZES = "(min-width: 64rem) 22rem, (min-width: 48rem) 45vw, 100vw"
PICTURES = {
    "lead": CardPicture(
        "fill-{320x180,640x360,960x540,1280x720}",
        {
            "sizes": "(min-width: 72rem) 44rem, (min-width: 48rem) 62vw, 100vw",
            "class": "article-card__image",
            "alt": "",
            "fetchpriority": "high",
        },
    ),
    "lazy": CardPicture(
        "fill-{320x180,640x360,960x540}",
        {
            "sizes": CARD_SIZES,
            "class": "article-card__image",
            "alt": "",
            "loading": "lazy",
            "decoding": "async",
        },
    ),
    "plain": CardPicture(
        "fill-{320x180,640x360,960x540}",
        {"sizes": CARD_SIZES, "class": "article-card__image", "alt": ""},
    ),
}

# Every size a card may draw, the only renditions read with the cards (articles/cards.py).
CARD_FILTER_SPECS = tuple(
    sorted(
        {picture_filter.spec for picture in PICTURES.values() for picture_filter in picture.filters}
    )
)


def picture_html(image, picture: CardPicture) -> SafeString:
    """The picture in the sizes ``picture`` asks for, as Wagtail's ``srcset_image`` draws it."""
    renditions = list(get_renditions_or_not_found(image, picture.filters).values())
    urls = [rendition.url for rendition in renditions]
    first = renditions[0]
    markup = picture.markup.format(
        src=escape(urls[0]),
        width=first.width,
        height=first.height,
        srcset=escape(
            ", ".join(
                f"{url} {rendition.width}w" for url, rendition in zip(urls, renditions, strict=True)
            )
        ),
    )
    return mark_safe(markup)  # noqa: S308 -- the values escaped, the attributes ours


@dataclass(frozen=True)
class Wording:
    """What every byline says in the active language, translated once per listing."""

    by: str
    separator: str

    @classmethod
    def current(cls) -> "Wording":
        return cls(
            by=gettext("By"),
            separator=pgettext("separator between author names", ", "),
        )


def byline_html(authors, wording: Wording, author_url: Callable) -> SafeString:
    """The byline's "By" and authors, each linked to their archive; nothing without authors."""
    if not authors:
        return mark_safe("")
    links = format_html_join(
        mark_safe(wording.separator),  # noqa: S308 -- our catalogue
        AUTHOR,
        ((author_url(author), author.name) for author in authors),
    )
    return format_html(BYLINE, mark_safe(wording.by), links)  # noqa: S308 -- our catalogue


class Listing:
    """What every card of a listing shares, worked out once for all of them.

    ``sections_by_path``: the listing's sections by tree path (the card's section, its link);
    ``home``: the home page the authors' archives are under (None: bylines link nowhere);
    ``reader_date``: a datetime as the reader's language writes it;
    ``headline_language``: the ``lang``/``dir`` attributes for a headline in another language.
    """

    def __init__(self, request, sections_by_path, home, *, reader_date, headline_language):
        self.request = request
        self.sections_by_path = sections_by_path
        self.home = home
        self.reader_date = reader_date
        self.headline_language = headline_language
        self.wording = Wording.current()
        self._bylines = {}

    def author_url(self, author) -> str:
        if self.home is None:
            return ""
        return archive_url(self.home, "author", author.slug, self.request)

    def byline(self, authors) -> SafeString:
        """The authors' byline: drawn once for the listing's cards that share it."""
        key = tuple((author.pk, author.slug, author.name) for author in authors)
        if key not in self._bylines:
            self._bylines[key] = byline_html(authors, self.wording, self.author_url)
        return self._bylines[key]

    def article_url(self, article, section) -> str:
        """The URL Wagtail's ``pageurl`` gives: below the section's, when the listing knows it."""
        return url_in_section(article, section, self.request)


def card_html(
    article,
    listing: Listing,
    *,
    variant: str = "",
    lazy: bool = False,
    compact: bool = False,
    hide_section: bool = False,
) -> SafeString:
    """One card. ``variant`` ("lead", "featured") is a class; the lead's picture loads first,
    a ``lazy`` one when the reader scrolls to it; ``compact`` leaves out the standfirst,
    ``hide_section`` the section's link (a section's own box)."""
    section = section_of(article, listing.sections_by_path)
    picture = ""
    if article.lead_image:
        kind = "lead" if variant == "lead" else "lazy" if lazy else "plain"
        picture = picture_html(article.lead_image, PICTURES[kind])
    section_link = ""
    if section and not hide_section:
        section_link = format_html(SECTION, section_url(section, listing.request), section.title)
    standfirst = ""
    if not compact:
        standfirst = format_html(STANDFIRST, truncatewords(article.standfirst, STANDFIRST_WORDS))
    published = localtime(article.display_date)
    return format_html(
        CARD,
        variant=f" article-card--{variant}" if variant else "",
        picture=picture,
        section=section_link,
        headline_language=listing.headline_language(article.title),
        url=listing.article_url(article, section),
        title=article.title,
        standfirst=standfirst,
        byline=listing.byline(article.ordered_authors),
        datetime=published.isoformat(),
        date=listing.reader_date(published),
    )
