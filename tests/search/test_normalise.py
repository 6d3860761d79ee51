# ruff: noqa: RUF001 (Arabic letters and marks are the subject here)
import pytest

from search.normalise import normalise, normalised_words


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("الإرْهَاب", "الارهاب"),  # tashkeel
        ("الاٍرهاب", "الارهاب"),  # tanween typed for a hamza
        ("القُرْآنُ الكَرِيمُ", "القران الكريم"),
        ("ـالإرهـــاب", "الارهاب"),  # tatweel
        ("أمن إقليمي آمن ٱلله", "امن اقليمي امن الله"),  # hamza and wasla forms of alef
        ("مستشفى", "مستشفي"),  # alef maksura
        ("مكافحة", "مكافحه"),  # taa marbuta at the end of a word
        ("مسؤول", "مسوول"),  # waw with hamza
        ("قائمة", "قايمه"),  # yaa with hamza
        ("٢٠٢٤", "2024"),  # Eastern Arabic digits
        ("۲۰۲۴", "2024"),  # Persian digits
        ("\u200fالإرهاب\u200c", "الارهاب"),  # direction mark, zero-width non-joiner
        ("\u2067داعش\u2069", "داعش"),  # bidi isolates
        ("\ufeffBCIJ", "bcij"),  # byte order mark; Latin letters are case-folded
        ("ﻷمن", "لامن"),  # presentation-form ligature (NFKC)
        ("État", "etat"),  # Latin accents fold like tashkeel
    ],
)
def test_normalise_folds(written, folded):
    assert normalise(written) == folded


def test_taa_marbuta_is_only_folded_at_the_end_of_a_word():
    assert normalise("ةب مدرسة") == "ةب مدرسه"


def test_normalise_is_idempotent():
    text = "نَهْجُ المغربِ في مكافحةِ الإرهابِ ٢٠٢٤"
    assert normalise(normalise(text)) == normalise(text)


def test_control_characters_become_spaces():
    assert normalise("داعش\x00الإرهاب") == "داعش الارهاب"


def test_empty_text():
    assert normalise("") == ""
    assert normalised_words('  ,,, "" ') == []


def test_normalised_words_drop_punctuation_and_underscores():
    assert normalised_words('"المكتب المركزي" (BCIJ) a_b') == [
        "المكتب",
        "المركزي",
        "bcij",
        "a",
        "b",
    ]
