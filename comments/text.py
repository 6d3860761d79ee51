"""Cleaning what readers type: direction controls, invisible names, line endings, links."""

import re
import unicodedata

from core.text import clean_line, clean_text

# Embedding and override controls (U+202A to U+202E) and the isolates (U+2066 to U+2069) let a
# comment flip the text around it; the page isolates comments with dir="auto" instead.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Letters that draw nothing: the Hangul fillers, the blank braille pattern, the Mongolian vowel
# separator and the Khmer inherent vowels. Unicode calls most of them letters, so they are named.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u17b4\u17b5")
# Spaces, line and paragraph separators, controls, format characters (zero-width ones, direction
# marks, tags), combining marks on nothing, private-use and unassigned code points.
UNSEEN_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me"})
LINK = re.compile(r"(?:https?://|www\.)\S+|<a\s", re.IGNORECASE)


def strip_direction_controls(text: str) -> str:
    return DIRECTION_CONTROLS.sub("", text)


def is_seen(character: str) -> bool:
    return (
        character not in BLANK_LETTERS and unicodedata.category(character) not in UNSEEN_CATEGORIES
    )


def is_invisible(text: str) -> bool:
    """Nothing a reader would see: only spaces, marks, format characters, blank letters."""
    return not any(is_seen(character) for character in text)


def has_visible_letter(text: str) -> bool:
    """A name needs a letter or a digit a reader can see (not only punctuation or blanks)."""
    return any(
        is_seen(character) and unicodedata.category(character)[0] in "LN" for character in text
    )


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
