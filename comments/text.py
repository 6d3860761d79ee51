"""Cleaning what readers type: direction controls, invisible names, line endings, links."""

import re

from core.text import clean_line, clean_text

# Embedding and override controls (U+202A to U+202E) and the isolates (U+2066 to U+2069) let a
# comment flip the text around it; the page isolates comments with dir="auto" instead.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Characters that take no space: a name made only of these looks empty to a reader.
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u061c\\s]")
LINK = re.compile(r"(?:https?://|www\.)\S+|<a\s", re.IGNORECASE)


def strip_direction_controls(text: str) -> str:
    return DIRECTION_CONTROLS.sub("", text)


def is_invisible(text: str) -> bool:
    return not INVISIBLE.sub("", text)


def clean_single_line(text: str) -> str:
    """A name: one line, no direction controls, spaces folded."""
    return " ".join(clean_line(strip_direction_controls(text)).split())


def clean_body(text: str) -> str:
    """Plain text with its paragraphs; Windows and old Mac line endings become newlines."""
    text = strip_direction_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = clean_text(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def count_links(text: str) -> int:
    return len(LINK.findall(text))
