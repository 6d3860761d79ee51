"""One normaliser for search text: the index, the query, autocomplete and highlighting.

Readers type the way they type on a phone: without tashkeel, with a bare alef for every hamza
form, with ه for ة and ي for ى, with Eastern Arabic or Persian digits, sometimes with stray
tatweel or invisible direction marks pasted from elsewhere. Both the stored text and the query
go through ``normalise`` so that all those spellings meet.
"""

# ruff: noqa: RUF002, RUF003 (Arabic letters and marks are the subject here)

import re
import unicodedata

# Direction controls and zero-width characters: invisible, but they split or glue words.
INVISIBLE_CHARACTERS = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u200b\u200c\u200d\u200e\u200f"  # zero width space/non-joiner/joiner, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2060\u2066\u2067\u2068\u2069"  # word joiner and isolates
    "\ufeff"  # zero width no-break space (byte order mark)
)
TATWEEL = "\u0640"

LETTER_FOLDS = {
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0622": "\u0627",  # آ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0649": "\u064a",  # ى → ي
    "\u06cc": "\u064a",  # Persian ی → ي
    "\u06a9": "\u0643",  # Persian ک → ك
    "\u0624": "\u0648",  # ؤ → و
    "\u0626": "\u064a",  # ئ → ي
}
DIGIT_FOLDS = {
    **{0x0660 + value: str(value) for value in range(10)},  # Eastern Arabic ٠–٩
    **{0x06F0 + value: str(value) for value in range(10)},  # Persian ۰–۹
}
TRANSLATION = str.maketrans(
    {
        **{ord(letter): folded for letter, folded in LETTER_FOLDS.items()},
        **DIGIT_FOLDS,
        **dict.fromkeys(map(ord, INVISIBLE_CHARACTERS + TATWEEL)),
    }
)

TAA_MARBUTA_AT_WORD_END = re.compile("\u0629(?!\\w)")
# NUL and other control characters never belong in text; they become spaces.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# A word as written, with its tashkeel and any invisible characters inside it.
WORD = re.compile(
    "(?:\\w|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    + INVISIBLE_CHARACTERS
    + TATWEEL
    + "])+"
)
NORMALISED_WORD = re.compile(r"[^\W_]+")


# Tashkeel, Quranic annotation marks and Latin accents are all nonspacing marks (Mn) once
# decomposed; the hamza above or below a letter decomposes into one too.
NONSPACING_MARKS = re.compile(
    "["
    + "".join(
        re.escape(chr(code)) for code in range(0x10000) if unicodedata.category(chr(code)) == "Mn"
    )
    + "]"
)


def _drop_marks(text: str) -> str:
    return NONSPACING_MARKS.sub("", unicodedata.normalize("NFD", text))


def normalise(text: str) -> str:
    """The folded form of ``text``: what is stored and what is searched for."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = CONTROL_CHARACTERS.sub(" ", text)
    text = text.translate(TRANSLATION)
    text = _drop_marks(text)
    text = TAA_MARBUTA_AT_WORD_END.sub("\u0647", text)
    return unicodedata.normalize("NFKC", text).casefold()


def normalised_words(text: str) -> list[str]:
    """The words of ``text`` after normalisation, in order."""
    return NORMALISED_WORD.findall(normalise(text))
