"""Finding a comment in the moderation queue by its own words, however the moderator types them.

Wagtail's listing looked for the whole query as one piece of text, spelled exactly: two words in
another order, a bare alef for a hamza, ه for ة, or a comment written with tashkeel, found
nothing. Here every word must appear (in any order) in the name, email, website or text, and
each letter matches its other spellings.
"""

# ruff: noqa: RUF002 (Arabic letters are the subject here)

import re

from django.db.models import Q

SEARCHED_FIELDS = ("author_name", "author_email", "author_url", "body")
MAX_WORDS = 8
MAX_WORD_LENGTH = 50

# Letters a reader writes one way and a moderator another; accents a French moderator skips.
SAME_LETTERS = [
    "اأإآٱ",
    "ةه",
    "يى",
    "وؤ",
    "ئي",
    "eéèêë",
    "aàâä",
    "iîï",
    "oôö",
    "uùûü",
    "cç",
]
LETTER_CLASSES = {}
for group in SAME_LETTERS:
    for letter in group:
        LETTER_CLASSES[letter] = "".join(dict.fromkeys(LETTER_CLASSES.get(letter, "") + group))
# Tashkeel, the superscript alef and tatweel, which may follow any letter of the comment.
MARKS = "[\u064b-\u065f\u0670\u0640]*"
QUERY_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def word_pattern(word: str) -> str:
    """A regular expression (Python's and PostgreSQL's) for ``word`` in any of its spellings."""
    parts = []
    for letter in word:
        same = LETTER_CLASSES.get(letter)
        parts.append(f"[{same}]" if same else re.escape(letter))
    return MARKS.join(parts)


def words_of(query: str) -> list[str]:
    words = QUERY_MARKS.sub("", query.casefold()).split()
    return [word[:MAX_WORD_LENGTH] for word in dict.fromkeys(words)][:MAX_WORDS]


def matching_comments(queryset, query: str):
    for word in words_of(query):
        pattern = word_pattern(word)
        queryset = queryset.filter(
            Q(*[Q(**{f"{field}__iregex": pattern}) for field in SEARCHED_FIELDS], _connector=Q.OR)
        )
    return queryset
