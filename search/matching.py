"""When a normalised word counts as a match for a normalised query term.

Arabic glues the article and some particles to the word (الإرهاب, والإرهاب, للإرهاب). PostgreSQL's
Arabic stemmer handles that in the database; the SQLite fallback and the highlighter use this
lighter rule: a word matches a term when it starts with it, with or without the article.
"""

import re

DEFINITE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def core(word: str) -> str:
    """``word`` without a leading article (and the particle glued before it)."""
    for prefix in DEFINITE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def word_matches(word: str, term: str) -> bool:
    return word.startswith(term) or core(word).startswith(core(term))


def spelling_variants(term: str) -> list[str]:
    """The starts of words that match ``term``: itself, and its core with each article form."""
    if not ARABIC_LETTER.match(term):
        return [term]
    stem = core(term)
    return list(dict.fromkeys([term, stem, *(prefix + stem for prefix in DEFINITE_PREFIXES)]))
