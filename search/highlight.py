"""Marks the words that matched a search in text as it was written (with its tashkeel).

A page of results marks ten titles, standfirsts and snippets: folding every word of every
article's body would cost more than the search itself, so a snippet folds words only until
the first match and then those of its window, and a word's verdict is remembered per query.
"""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.matching import word_matches
from search.normalise import WORD, normalise

SNIPPET_WORDS = 32
WORDS_BEFORE_MATCH = 8


@lru_cache(maxsize=20_000)
def _matches(word: str, terms: tuple[str, ...]) -> bool:
    folded = normalise(word)
    return any(word_matches(folded, term) for term in terms)


def _spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in WORD.finditer(text)]


def _render(text: str, spans, terms: tuple[str, ...], start: int, end: int) -> str:
    parts = []
    position = start
    for word_start, word_end in spans:
        if not _matches(text[word_start:word_end], terms):
            continue
        parts.append(escape(text[position:word_start]))
        parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        position = word_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, terms: list[str]) -> SafeString:
    """All of ``text``, escaped, with the matching words in <mark>."""
    return mark_safe(_render(text, _spans(text), tuple(terms), 0, len(text)))  # noqa: S308 -- _render escapes


def snippet(text: str, terms: list[str]) -> SafeString:
    """A window of about SNIPPET_WORDS words around the first match, escaped and marked.

    Without a match (PostgreSQL's stemmer found one the light rule does not see) it is the
    opening words of the text.
    """
    terms = tuple(terms)
    spans = _spans(text)
    if not spans:
        return SafeString("")
    first_match = next(
        (index for index, (start, end) in enumerate(spans) if _matches(text[start:end], terms)),
        0,
    )
    first = max(first_match - WORDS_BEFORE_MATCH, 0)
    last = min(first + SNIPPET_WORDS, len(spans)) - 1
    html = _render(text, spans[first : last + 1], terms, spans[first][0], spans[last][1])
    if first > 0:
        html = "… " + html
    if last < len(spans) - 1:
        html += " …"
    return mark_safe(html)  # noqa: S308 -- _render escaped every part
