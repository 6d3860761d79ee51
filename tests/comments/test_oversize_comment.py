"""Issue 13, item 10: a comment too large for the server comes back to its writer.

Over Django's request size limit the body used to be refused with a bare English "Bad Request
(400)" and the text lost. Now the article answers in the reader's language with the form, their
name and email, and the beginning of their text to copy.
"""

from urllib.parse import urlencode

import pytest
from django.conf import settings

from articles.models import ArticlePage
from comments.models import BODY_MAX_LENGTH, ReaderComment
from comments.oversize import KEPT_CHARACTERS
from tests.comments.conftest import READER, form_on, open_form
from tests.html import soup_of, text_of

PARAGRAPH = "هذا تعليق طويل جداً كتبه قارئ متحمس عن الأمن الإقليمي. "


def send_raw(client, action, values):
    """The form as a browser encodes it: fields in page order, the long text before the name."""
    return client.post(action, urlencode(values), content_type="application/x-www-form-urlencoded")


def over_the_limit(characters: int) -> str:
    return (PARAGRAPH * (characters // len(PARAGRAPH) + 1))[:characters]


@pytest.mark.django_db
@pytest.mark.parametrize("characters", [1_000_000, 600_000])
def test_a_megabyte_of_arabic_comes_back_with_the_form_in_arabic(client, article, characters):
    action, values = open_form(client, article)
    body = over_the_limit(characters)
    assert len(urlencode({"body": body})) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    ordered = {"ticket": values["ticket"], "parent": "", "body": body}
    ordered.update(name=READER["name"], email=READER["email"], url="", homepage="")
    response = send_raw(client, action, ordered)

    assert response.status_code == 413
    page = soup_of(response)
    assert page.find("html")["lang"] == "ar"
    notice = text_of(page.select_one(".comment-form__notice"))
    assert "تعليقك أطول بكثير مما يُسمح به" in notice
    assert "انسخ ما تريد الاحتفاظ به" in notice
    _, kept = form_on(response)
    assert kept["body"].strip() == body[:KEPT_CHARACTERS].strip()
    assert (kept["name"], kept["email"]) == (READER["name"], READER["email"])
    assert f"{BODY_MAX_LENGTH}" in text_of(page.select_one("[name=body]").find_parent("p"))
    assert not ReaderComment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [10_000, 100_000])
def test_any_body_over_the_limit_answers_in_the_readers_language(
    client, demo_site, settings, limit
):
    """Whatever the configured limit, and in French on a French article."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = limit
    article = ArticlePage.objects.get(
        translation_key=demo_site["article"].translation_key, locale__language_code="fr"
    )
    action, values = open_form(client, article)
    body = "Un commentaire passionné sur la sécurité régionale. " * (limit // 40)
    ordered = {"ticket": values["ticket"], "body": body, "name": "Zoé", "email": "zoe@example.com"}
    response = send_raw(client, action, ordered)

    assert response.status_code == 413
    page = soup_of(response)
    assert page.find("html")["lang"] == "fr"
    notice = text_of(page.select_one(".comment-form__notice"))
    assert "Votre commentaire est bien plus long" in notice
    _, kept = form_on(response)
    assert kept["body"].strip() == body[:KEPT_CHARACTERS].strip()
    assert kept["name"] == "Zoé"


@pytest.mark.django_db
def test_a_cut_in_the_middle_of_a_letter_or_an_escape_loses_nothing_else(client, article):
    from comments.oversize import FieldBeginnings

    encoded = urlencode({"name": "سلمى", "body": "نص عربي", "email": "a@b.ma"}).encode()
    for size in range(1, 12):
        parser = FieldBeginnings()
        for start in range(0, len(encoded), size):
            parser.feed(encoded[start : start + size])
        parser.finish_field()
        assert parser.fields == {"name": "سلمى", "body": "نص عربي", "email": "a@b.ma"}, size


@pytest.mark.django_db
def test_the_comment_box_counts_instead_of_cutting(client, article):
    """No maxlength on the text box (a browser would silently cut a paste); a counter instead."""
    page = soup_of(client.get(article.url))
    box = page.select_one("[data-comment-form] textarea[name=body]")
    assert not box.has_attr("maxlength")
    assert box["data-length-limit"] == str(BODY_MAX_LENGTH)
    counter = page.select_one("[data-length-counter]")
    assert counter.has_attr("hidden")  # shown by the script; without it the form still works
    assert counter["data-counting"] == "{count} من {limit} حرف"
