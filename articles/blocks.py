"""The article's body, composed from small blocks.

An article is a stream of paragraphs and headed sections; a section has its own stream of
paragraphs, bullet lists, quotes and images. Section numbers are never stored: they are
computed from the order of the numbered sections when the page renders (see numbering.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

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


class SectionContentBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    bullet_list = BulletListBlock()
    quote = QuoteBlock()
    image = ImageBlock()


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
    bullet_list = BulletListBlock()
    quote = QuoteBlock()
    image = ImageBlock()
