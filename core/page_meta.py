"""What a reader page tells search engines and social networks in its head (canonical, og:).

Drawn in Python, each value worked out once: as a template, the block resolved the same page
properties twice over (its title and its description, a truncation of its text) and drew its
picture's ``{% image %}`` through template machinery, some 2.8 ms of every page with every
cache off. Here it is one ``format_html`` a line, the same markup
(tests/reader/test_head_markup.py). Everything from the page or the editors is escaped.
"""

from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from core.images import with_renditions

SOCIAL_IMAGE_FILTER = "fill-1200x630"

LINE = "\n    "


def social_rendition(image):
    """The picture shared with a link to the page, its rendition made once per image object.

    The head's og:image and the article's JSON-LD (``article_json_ld``) both give it.
    """
    rendition = getattr(image, "_social_rendition", None)
    if rendition is None:
        rendition = with_renditions(image).get_rendition(SOCIAL_IMAGE_FILTER)
        image._social_rendition = rendition
    return rendition


def iso_datetime(value) -> str:
    """``{{ value|date:'c' }}``: in the site's time zone, as the template filter gives it."""
    return date_format(template_localtime(value), "c")


def first_of(*values):
    """``{% firstof %}``: the first value that is not empty, else ""."""
    for value in values:
        if value:
            return value
    return ""


def page_meta_html(
    *,
    page,
    canonical: str,
    site,
    absolute_url,
    language_code: str,
    section=None,
    meta_title=None,
    meta_description=None,
) -> SafeString:
    """The head's canonical link and social-network metadata for ``page``.

    ``meta_title`` and ``meta_description`` stand in for the page's own (an author's name and
    biography on the author's archive); ``absolute_url`` puts a path on the site's public address.
    """
    title = first_of(meta_title, getattr(page, "meta_title", None), getattr(page, "title", None))
    description = first_of(meta_description, getattr(page, "meta_description", None))
    og_type = getattr(page, "og_type", None)
    lines = [
        format_html('<link rel="canonical" href="{}">', canonical),
        format_html('<meta property="og:type" content="{}">', og_type or "website"),
        format_html('<meta property="og:title" content="{}">', title),
    ]
    if description:
        lines.append(format_html('<meta property="og:description" content="{}">', description))
    else:
        lines.append("")
    lines.append(format_html('<meta property="og:url" content="{}">', canonical))
    if site is not None and site.site_name:
        lines.append(format_html('<meta property="og:site_name" content="{}">', site.site_name))
    else:
        lines.append("")
    lines.append(format_html('<meta property="og:locale" content="{}">', language_code or "ar"))
    image = getattr(page, "social_image", None)
    if image:
        social = social_rendition(image)
        image_url = absolute_url(social.url)
        lines.append(format_html('<meta property="og:image" content="{}">', image_url))
        lines.append(format_html('<meta property="og:image:width" content="{}">', social.width))
        lines.append(format_html('<meta property="og:image:height" content="{}">', social.height))
        alt_text = getattr(page, "lead_image_alt_text", None)
        if alt_text:
            lines.append(format_html('<meta property="og:image:alt" content="{}">', alt_text))
        else:
            lines.append("")
        lines.append('<meta name="twitter:card" content="summary_large_image">')
        lines.append(
            format_html('<meta name="twitter:image" content="{}">', image_url)
            + format_html(LINE + '<meta name="twitter:title" content="{}">', title)
        )
    else:
        lines.append(
            '<meta name="twitter:card" content="summary">'
            + format_html(LINE + '<meta name="twitter:title" content="{}">', title)
        )
    if description:
        lines.append(format_html('<meta name="twitter:description" content="{}">', description))
    else:
        lines.append("")
    if og_type == "article":
        modified = page.last_published_at
        lines.append(
            LINE.join(
                [
                    format_html(
                        '<meta property="article:published_time" content="{}">',
                        iso_datetime(page.display_date),
                    ),
                    format_html(
                        '<meta property="article:modified_time" content="{}">',
                        iso_datetime(modified),
                    )
                    if modified
                    else "",
                    format_html('<meta property="article:section" content="{}">', section.title)
                    if section
                    else "",
                ]
            )
        )
    else:
        lines.append("")
    return mark_safe(LINE.join(lines) + "\n")  # noqa: S308 -- every line built by format_html
