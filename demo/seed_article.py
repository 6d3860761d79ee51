"""Reads the design's seed article (a plain-text copy of a WordPress page) into blocks.

The text is laid out as the page was: the section name, the title, the intro paragraph,
numbered headings ("1. …"), paragraphs, bullets ("•", with an optional bold lead before the
first colon), an unnumbered closing heading, and then the WordPress footer ("أضف تعليقاً" …),
which is page furniture and not part of the article.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.html import escape

SEED_PATH = Path(__file__).with_name("article-ar.txt")

FOOTER_START = "أضف تعليقاً"
BULLET = "•"
NUMBERED_HEADING = re.compile(r"^(\d+)\.\s+(?P<heading>.+)$")
# A lead-in is the short phrase before the first colon ("الاستخبارات الدقيقة: …").
LEAD_MAX_WORDS = 8
# A closing heading such as "خاتمة" is a short line with no sentence punctuation.
HEADING_MAX_WORDS = 6
SENTENCE_END = (".", ":", "،", "؟", "!", "?", "؛")


@dataclass
class SeedSection:
    heading: str
    numbered: bool
    content: list = field(default_factory=list)


@dataclass
class SeedArticle:
    section_title: str
    title: str
    standfirst: str
    sections: list[SeedSection]

    def body_stream_data(self) -> list[dict]:
        """The body in StreamField's raw form, ready for ``ArticlePage(body=…)``."""
        return [
            {
                "type": "headed_section",
                "value": {
                    "heading": section.heading,
                    "unnumbered": not section.numbered,
                    "content": section.content,
                },
            }
            for section in self.sections
        ]


def split_lead(text: str) -> tuple[str, str]:
    lead, colon, rest = text.partition(":")
    if colon and rest.strip() and len(lead.split()) <= LEAD_MAX_WORDS:
        return lead.strip(), rest.strip()
    return "", text.strip()


def is_closing_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_MAX_WORDS and not line.endswith(SENTENCE_END)


def parse_seed_article(text: str) -> SeedArticle:
    lines = [line.strip() for line in text.splitlines()]
    if FOOTER_START in lines:
        lines = lines[: lines.index(FOOTER_START)]
    lines = [line for line in lines if line]
    if len(lines) < 3:
        raise ValueError("The seed article needs a section name, a title and an intro.")
    section_title, title, standfirst, *rest = lines

    sections: list[SeedSection] = []
    bullets: list[dict] = []

    def flush_bullets():
        if bullets:
            sections[-1].content.append(
                {"type": "bullet_list", "value": {"ordered": False, "items": list(bullets)}}
            )
            bullets.clear()

    for line in rest:
        numbered = NUMBERED_HEADING.match(line)
        if numbered:
            flush_bullets()
            sections.append(SeedSection(heading=numbered["heading"].strip(), numbered=True))
        elif line.startswith(BULLET):
            if not sections:
                raise ValueError(f"A bullet comes before any heading: {line!r}")
            lead, item_text = split_lead(line.removeprefix(BULLET).strip())
            bullets.append({"lead": lead, "text": item_text})
        elif sections and is_closing_heading(line):
            flush_bullets()
            sections.append(SeedSection(heading=line, numbered=False))
        else:
            if not sections:
                raise ValueError(f"A paragraph comes before any heading: {line!r}")
            flush_bullets()
            sections[-1].content.append({"type": "paragraph", "value": f"<p>{escape(line)}</p>"})
    flush_bullets()
    return SeedArticle(
        section_title=section_title, title=title, standfirst=standfirst, sections=sections
    )


def load_seed_article(path: Path = SEED_PATH) -> SeedArticle:
    return parse_seed_article(path.read_text(encoding="utf-8"))
