"""Section numbers and anchors, computed from the article's body each time it renders.

Editors never type "1." or an anchor: the numbered sections are counted in stream order, so
moving a section renumbers it, and each heading gets an id readers can link to.
"""

from dataclasses import dataclass

from django.utils.text import slugify

SECTION_BLOCK_TYPE = "headed_section"
# Links to a section are shared; a whole Arabic heading percent-encodes to hundreds of bytes.
ANCHOR_MAX_WORDS = 6


@dataclass(frozen=True)
class BodyItem:
    """One top-level block of the body, with its number and anchor when it is a section."""

    block: object
    number: int | None = None
    anchor: str | None = None

    @property
    def is_section(self) -> bool:
        return self.anchor is not None

    @property
    def heading(self) -> str:
        return self.block.value["heading"] if self.is_section else ""


def heading_anchor(heading: str, taken: set[str]) -> str:
    """An id from the heading's words (Arabic letters kept), made unique within the page.

    The id depends on the heading text only, so it survives reordering; a heading with no
    letters or digits at all falls back to "section".
    """
    words = slugify(heading, allow_unicode=True).split("-")[:ANCHOR_MAX_WORDS]
    base = "-".join(["section", *words]).rstrip("-")
    if base == "section":
        base = "section-1"
    anchor = base
    suffix = 2
    while anchor in taken:
        anchor = f"{base}-{suffix}"
        suffix += 1
    taken.add(anchor)
    return anchor


def number_body(body, *, numbered: bool = True) -> list[BodyItem]:
    """The body's blocks in order, sections numbered 1, 2, 3… unless marked unnumbered."""
    items = []
    taken: set[str] = set()
    next_number = 1
    for block in body:
        if block.block_type != SECTION_BLOCK_TYPE:
            items.append(BodyItem(block=block))
            continue
        number = None
        if numbered and not block.value["unnumbered"]:
            number = next_number
            next_number += 1
        items.append(
            BodyItem(
                block=block, number=number, anchor=heading_anchor(block.value["heading"], taken)
            )
        )
    return items
