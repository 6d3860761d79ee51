"""The article's body, composed from small blocks.

An article is a stream of paragraphs and headed sections; a section has its own stream of
paragraphs, sub-headings, bullet lists, quotes, images, tables and embedded players. Section
numbers are never stored: they are computed from the order of the numbered sections when the
page renders (see numbering.py).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from articles.embeds import UNSUPPORTED_MESSAGE, parse_embed

INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link"]

BLOCK_TEMPLATES = "components/streamfield/blocks"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", INLINE_RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = f"{BLOCK_TEMPLATES}/paragraph_block.html"
        description = _("A paragraph of text: bold, italic and links only.")
        preview_value = (
            "<p>يعتبر المغرب من الدول الرائدة في مكافحة الإرهاب وتعزيز الأمن الإقليمي.</p>"
        )


class BulletListItemBlock(blocks.StructBlock):
    lead = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Lead"),
        help_text=_("Optional words shown in bold before the item, followed by a colon."),
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "list-ul"
        label = _("List item")
        form_classname = "bullet-list-item"


class BulletListBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Numbered list"),
        help_text=_("Number the items (1, 2, 3) instead of showing bullets."),
    )
    items = blocks.ListBlock(BulletListItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Bullet list")
        template = f"{BLOCK_TEMPLATES}/bullet_list_block.html"
        description = _("A list whose items may open with a bold lead-in.")
        preview_value = {
            "ordered": False,
            "items": [
                {
                    "lead": "الاستخبارات الدقيقة",
                    "text": "تفكيك الخلايا قبل أن تتحرك.",
                },
                {"lead": "المراقبة والتحليل", "text": "تقنيات حديثة لرصد الأنشطة المشبوهة."},
            ],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = f"{BLOCK_TEMPLATES}/quote_block.html"
        description = _("A quotation with who said it.")
        preview_value = {
            "text": "الأمن مسؤولية مشتركة بين الدولة والمجتمع.",
            "attribution": "مسؤول أمني",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Alternative text"),
        help_text=_(
            "Describe the image for readers who cannot see it. "
            "Leave empty to use the image's title."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Credit"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = f"{BLOCK_TEMPLATES}/image_block.html"
        description = _("An image with its caption, credit and alternative text.")

    def get_preview_value(self):
        """Preview with the newest image in the library, so the picker shows a real figure."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {
                "image": image.pk if image else None,
                "alt_text": "",
                "caption": "صورة من الأرشيف",
                "credit": "",
            }
        )


class SubHeadingBlock(blocks.StructBlock):
    """A heading inside a section (h3 to h6): it is not numbered and not in the contents."""

    level = blocks.ChoiceBlock(
        choices=[
            ("h3", _("Level 3")),
            ("h4", _("Level 4")),
            ("h5", _("Level 5")),
            ("h6", _("Level 6")),
        ],
        default="h3",
        label=_("Level"),
    )
    text = blocks.CharBlock(max_length=255, label=_("Text"))

    class Meta:
        icon = "h3"
        label = _("Sub-heading")
        template = f"{BLOCK_TEMPLATES}/sub_heading_block.html"
        description = _("A smaller heading inside a section; never numbered.")
        preview_value = {"level": "h3", "text": "التعاون مع دول الساحل"}


class EmbedBlock(blocks.StructBlock):
    """A YouTube, Vimeo or X link shown as a player the reader chooses to load.

    Only the address is stored; nothing is fetched from the provider when the article is saved
    or shown (articles/embeds.py).
    """

    url = blocks.URLBlock(
        label=_("Address"),
        help_text=_("A YouTube, Vimeo or X (Twitter) address, as copied from the browser."),
    )
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Video or post")
        template = f"{BLOCK_TEMPLATES}/embed_block.html"
        description = _(
            "A video or post from YouTube, Vimeo or X, loaded only when the reader asks."
        )
        preview_value = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "caption": ""}

    def clean(self, value):
        value = super().clean(value)
        if parse_embed(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(UNSUPPORTED_MESSAGE)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = parse_embed(value["url"])
        return context


class TableBlock(blocks.StructBlock):
    """A plain table of text: rows of cells, the first row optionally its header."""

    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))
    first_row_is_header = blocks.BooleanBlock(
        required=False, default=True, label=_("The first row is the header")
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.TextBlock(required=False, label=_("Cell")), label=_("Row")),
        min_num=1,
        label=_("Rows"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = f"{BLOCK_TEMPLATES}/table_block.html"
        description = _("A table of text, with an optional header row and caption.")
        preview_value = {
            "caption": "الخلايا المفككة",
            "first_row_is_header": True,
            "rows": [["السنة", "الخلايا"], ["2023", "12"], ["2024", "9"]],
        }


class SectionContentBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    sub_heading = SubHeadingBlock()
    bullet_list = BulletListBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    table = TableBlock()
    embed = EmbedBlock()


class HeadedSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    unnumbered = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Unnumbered"),
        help_text=_(
            "Show this section without a number, as for a closing section such as “خاتمة”."
        ),
    )
    content = SectionContentBlock(label=_("Content"))

    class Meta:
        icon = "title"
        label = _("Headed section")
        template = f"{BLOCK_TEMPLATES}/headed_section_block.html"
        description = _(
            "A section with its own heading; numbered sections are numbered 1, 2, 3… in order."
        )
        preview_value = {
            "heading": "الاستراتيجية الأمنية: نهج استباقي في مواجهة الإرهاب",
            "unnumbered": False,
            "content": [
                ("paragraph", "<p>اعتمد المغرب سياسة استباقية تعتمد على:</p>"),
            ],
        }


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    headed_section = HeadedSectionBlock()
    sub_heading = SubHeadingBlock()
    bullet_list = BulletListBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    table = TableBlock()
    embed = EmbedBlock()
