"""The shapes a demo story is written in, and how they become an article's body.

A story is written once as plain Python values (paragraphs, quotes, lists, headed sections);
the same shapes written in French or English are its translations, and walking the two side
by side gives wagtail-localize's catalogue (``segment_pairs``).
"""

from dataclasses import dataclass, field

from django.utils.html import escape


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[str, str], ...]  # (bold lead, text); the lead may be empty


@dataclass(frozen=True)
class Section:
    heading: str
    content: tuple = ()


@dataclass(frozen=True)
class StoryText:
    """What readers read of a story, in one language."""

    title: str
    standfirst: str
    image_alt: str
    image_caption: str
    body: tuple = ()


@dataclass(frozen=True)
class Story:
    """A demo article: where it goes, who signs it, when, and its Arabic text."""

    slug: str
    section: str  # the section's slug
    hours_ago: int
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    text: StoryText
    translations: dict = field(default_factory=dict)  # language code: StoryText
    breaking: bool = False


def block_data(block) -> dict:
    """One block in StreamField's raw form."""
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "value": f"<p>{escape(block.text)}</p>"}
    if isinstance(block, Quote):
        return {"type": "quote", "value": {"text": block.text, "attribution": block.attribution}}
    if isinstance(block, BulletList):
        items = [{"lead": lead, "text": text} for lead, text in block.items]
        return {"type": "bullet_list", "value": {"ordered": False, "items": items}}
    if isinstance(block, Section):
        return {
            "type": "headed_section",
            "value": {
                "heading": block.heading,
                "unnumbered": True,
                "content": [block_data(inner) for inner in block.content],
            },
        }
    raise TypeError(f"not a story block: {block!r}")


def block_strings(block) -> list[str]:
    """The translatable strings of a block, in the order they are read."""
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Quote):
        return [block.text, *([block.attribution] if block.attribution else [])]
    if isinstance(block, BulletList):
        return [part for lead, text in block.items for part in ([lead] if lead else []) + [text]]
    if isinstance(block, Section):
        return [block.heading, *(text for inner in block.content for text in block_strings(inner))]
    raise TypeError(f"not a story block: {block!r}")


def text_strings(text: StoryText) -> list[str]:
    strings = [text.title, text.standfirst, text.image_alt, text.image_caption]
    return strings + [part for block in text.body for part in block_strings(block)]


def segment_pairs(source: StoryText, translation: StoryText) -> dict[str, str]:
    """The translation's catalogue: each source string with the string in its place."""
    source_strings, translated_strings = text_strings(source), text_strings(translation)
    if len(source_strings) != len(translated_strings):
        raise ValueError(f"“{translation.title}” does not follow the shape of “{source.title}”")
    return dict(zip(source_strings, translated_strings, strict=True))
