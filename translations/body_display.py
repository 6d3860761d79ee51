"""The article's body drawn in Python: its headed sections, paragraphs and bullet lists.

Those three make up nearly every article (the seed article is nothing else). Drawn through
their block templates (``{% include_block %}``), each block cost Django's template machinery
about 0.7 ms (finding the template, a context of its own, the tags' lookups), some 12 ms for
the seed article's seventeen blocks on every view drawn with nothing cached. Here they are
written out directly, as their templates would write them, character for character; any other
block (a quote, an image, a table, an embedded player) is still drawn by its own template.

The templates in components/streamfield/blocks/ stay the blocks' own (``Meta.template``: the
editor's block previews and any other page use them) and are the reference:
tests/reader/test_body_markup.py holds this drawing to them for every variant, in Arabic and
French, so a change to one that is not made to the other fails there.
"""

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from translations import formatting
from translations.templatetags.locale_tags import source_language


def article_body(items, context) -> SafeString:
    """The top-level items of ``page.numbered_body``, each with its number and anchor."""
    request = context.get("request")
    parts = []
    for item in items:
        child = item.block
        if child.block_type == "headed_section":
            html = _headed_section(child.value, item.number, item.anchor, context, request)
        else:
            html = _block(child, context, number=item.number, anchor=item.anchor)
        # The spacing the article template's loop put around each block.
        parts.append(f"\n            {html}\n        ")
    return mark_safe("".join(parts))  # noqa: S308 -- every part is escaped or safe HTML


def _block(child, context, **extra) -> str:
    """A block's HTML: drawn here for a paragraph or a bullet list, else by its template."""
    if child.block_type == "paragraph":
        return _paragraph(child.value)
    if child.block_type == "bullet_list":
        return _bullet_list(child.value)
    # As {% include_block child with ... %} draws it: with a flat copy of the context.
    flat = context.flatten()
    flat.update(extra)
    return child.render_as_block(context=flat)


def _headed_section(value, number, anchor, context, request) -> str:
    labelled = f' aria-labelledby="{escape(anchor)}"' if anchor else ""
    heading_id = f' id="{escape(anchor)}"' if anchor else ""
    shown_number = (
        f'<span class="section-number">{escape(formatting.localized_number(number, request))}'
        ".</span> "
        if number
        else ""
    )
    children = "".join(
        _block(child, context, number=number, anchor=anchor) for child in value["content"]
    )
    return (
        f'<section class="article-section"{labelled}>\n'
        f'    <h2 class="article-section__heading"{heading_id}'
        f"{source_language(value['heading'])}>{shown_number}"
        f"{conditional_escape(value['heading'])}</h2>\n"
        f"    {children}\n"
        "</section>\n"
    )


def _paragraph(value) -> str:
    # A RichText value writes itself out (Wagtail's richtext.html around the expanded HTML),
    # as the |richtext filter leaves it to.
    return f'<div class="rich-text"{source_language(value)}>{conditional_escape(value)}</div>\n'


def _bullet_list(value) -> str:
    tag = "ol" if value["ordered"] else "ul"
    items = []
    for item in value["items"]:
        lead = ""
        if item["lead"]:
            lead = "<strong>{}</strong> ".format(
                gettext("%(lead)s:") % {"lead": conditional_escape(item["lead"])}
            )
        items.append(
            f"<li{source_language(item['text'])}>{lead}{conditional_escape(item['text'])}</li>\n"
            "    "
        )
    return f'<{tag} class="bullet-list">\n    {"".join(items)}\n</{tag}>\n'
