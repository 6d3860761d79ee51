"""Issue 13, item 11: a name a reader cannot see is refused, whichever blank characters make it."""

import sys
import unicodedata

import pytest

from comments.forms import ReaderCommentForm
from comments.models import ReaderComment
from comments.text import BLANK_LETTERS
from tests.comments.conftest import READER, post_comment

NO_LETTER = "أدخل اسماً فيه حرف واحد على الأقل يراه القراء."
REQUIRED = "هذا الحقل مطلوب."


def field_error(response, name):
    from tests.html import soup_of, text_of

    field = soup_of(response).select_one(f"[name={name}]").find_parent("p")
    return " ".join(text_of(error) for error in field.select(".comment-form__error"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "\u2800\u2800\u2800",  # blank braille pattern
        "\u3164\u3164",  # Hangul filler
        "\u115f\u1160",  # Hangul choseong and jungseong fillers
        "\u180e",  # Mongolian vowel separator
        "\uffa0 \uffa0",  # halfwidth Hangul filler
        "\u200b\u2060\ufeff",  # zero-width space, word joiner, byte order mark
        "\u034f\u17b4",  # combining grapheme joiner, Khmer inherent vowel
        "\U000e0020\U000e0041",  # tag characters
        "\u3000\u00a0\u2007",  # ideographic, no-break and figure spaces
    ],
)
def test_a_name_of_blank_characters_is_refused_with_the_text_kept(client, article, name):
    response = post_comment(client, article, name=name)
    assert response.status_code == 400
    assert field_error(response, "name") in (REQUIRED, NO_LETTER)
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["!!!", "...", "😀😀", "-- __"])
def test_a_name_with_no_letter_gets_a_clear_message(client, article, name):
    response = post_comment(client, article, name=name)
    assert response.status_code == 400
    assert field_error(response, "name") == NO_LETTER


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["سلمى", "Zoé", "李", "J", "\u0667", "ㅤسلمى"])
def test_names_with_a_visible_letter_are_accepted(client, article, name):
    assert post_comment(client, article, name=name).status_code == 303


def blank_characters():
    """Every code point a reader would not see: whole Unicode categories, and the blank letters."""
    unseen = {"Zs", "Zl", "Zp", "Cf", "Mn", "Me"}
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if character in BLANK_LETTERS or unicodedata.category(character) in unseen:
            yield character


@pytest.mark.django_db
def test_no_blank_character_in_unicode_makes_a_name(article):
    refused = []
    for character in blank_characters():
        form = ReaderCommentForm({**READER, "name": character * 3}, page=article)
        if form.is_valid():
            refused.append(f"U+{ord(character):04X}")
    assert refused == []
