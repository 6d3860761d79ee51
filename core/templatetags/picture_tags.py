"""``{% srcset_image %}`` exactly as Wagtail draws it, its sizes parsed once per template.

Wagtail's node makes a ``Filter`` for each size every time it draws a picture, and each new
``Filter`` parses its operations again (checking every operation's arguments by signature
inspection): a third of a listing card's picture, and a listing draws twelve to sixteen cards.
A ``Filter`` holds nothing but its spec and those parsed operations, so the node here keeps
the ones it made for its sizes and draws every later picture with them. Loaded instead of
``wagtailimages_tags`` where a template draws many pictures (the article card); the tag's
syntax and markup are Wagtail's own. docs/upgrading.md, 17, says what it relies on.
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode, image

register = template.Library()


class SrcsetImageOfParsedSizes(SrcsetImageNode):
    @cached_property
    def parsed_filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.parsed_filters


@register.tag
def srcset_image(parser, token):
    """Same arguments as Wagtail's ``srcset_image`` (its own parser reads them)."""
    node = image(parser, token)
    return SrcsetImageOfParsedSizes(
        node.image_expr,
        node.filter_specs,
        attrs=node.attrs,
        output_var_name=node.output_var_name,
    )
