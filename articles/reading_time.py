"""How long an article takes to read, at the silent-reading speed of its language.

Rates are words per minute for adults reading silently (Trauzettel-Klosinski et al., 2012,
"Standardized assessment of reading performance", IReST): Arabic is read more slowly per word
than French or English because its words carry attached articles, prepositions and pronouns.
"""

import math

from django.utils.html import strip_tags

WORDS_PER_MINUTE = {"ar": 138, "fr": 195, "en": 228}
DEFAULT_WORDS_PER_MINUTE = 200


def stream_text(raw_data) -> str:
    """Every string in a StreamField's raw data, tags stripped, joined with spaces."""
    parts = []

    def collect(value):
        if isinstance(value, str):
            parts.append(strip_tags(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in {"type", "id", "alt_text"}:
                    collect(item)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)

    collect(list(raw_data))
    return " ".join(parts)


def count_words(text: str) -> int:
    """Runs of non-space with a letter or digit in them.

    Splitting on spaces (rather than matching word characters) keeps a vowelled Arabic word
    whole: its short-vowel marks are combining characters, which are not word characters.
    """
    return sum(1 for token in text.split() if any(character.isalnum() for character in token))


def reading_minutes(text: str, language_code: str) -> int:
    rate = WORDS_PER_MINUTE.get(language_code.split("-")[0], DEFAULT_WORDS_PER_MINUTE)
    return max(1, math.ceil(count_words(text) / rate))
