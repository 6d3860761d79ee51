"""Marks the words that matched a search in text as it was written (with its tashkeel)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.matching import word_matches
from search.normalise import WORD, normalise

SNIPPET_WORDS = 32
WORDS_BEFORE_MATCH = 8


def _words(text: str, terms: list[str]):
    """Each word's span in ``text`` and whether it matches one of ``terms``."""
    for match in WORD.finditer(text):
        folded = normalise(match.group())
        yield match.start(), match.end(), any(word_matches(folded, term) for term in terms)


def _render(text: str, words: list[tuple[int, int, bool]], start: int, end: int) -> str:
    parts = []
    position = start
    for word_start, word_end, matched in words:
        if not matched:
            continue
        parts.append(escape(text[position:word_start]))
        parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        position = word_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, terms: list[str]) -> SafeString:
    """All of ``text``, escaped, with the matching words in <mark>."""
    return mark_safe(_render(text, list(_words(text, terms)), 0, len(text)))


def snippet(text: str, terms: list[str]) -> SafeString:
    """A window of about SNIPPET_WORDS words around the first match, escaped and marked.

    Without a match (PostgreSQL's stemmer found one the light rule does not see) it is the
    opening words of the text.
    """
    words = list(_words(text, terms))
    if not words:
        return mark_safe("")
    first_match = next((index for index, word in enumerate(words) if word[2]), 0)
    first = max(first_match - WORDS_BEFORE_MATCH, 0)
    last = min(first + SNIPPET_WORDS, len(words)) - 1
    start = words[first][0]
    end = words[last][1]
    html = _render(text, words[first : last + 1], start, end)
    if first > 0:
        html = "… " + html
    if last < len(words) - 1:
        html += " …"
    return mark_safe(html)
