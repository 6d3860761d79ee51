"""Translating an article in the admin the way an editor does, through wagtail-localize's views.

"Translate this page" → the translation editor → PO file downloaded, translated and uploaded
→ "Publish". Every block's text is a string to translate; the structure comes from Arabic.
"""

import json
import os
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from tests.factories import make_article
from tests.html import soup_of, text_of
from translations.stream_data import with_block_ids

pytestmark = pytest.mark.django_db


def every_block_body(image):
    from articles.blocks import ArticleBodyBlock

    return with_block_ids(
        ArticleBodyBlock(),
        [
            {"type": "paragraph", "value": "<p>فقرة افتتاحية <b>مهمة</b>.</p>"},
            {
                "type": "headed_section",
                "value": {
                    "heading": "عنوان القسم الأول",
                    "unnumbered": False,
                    "content": [
                        {"type": "paragraph", "value": "<p>فقرة داخل القسم.</p>"},
                        {
                            "type": "bullet_list",
                            "value": {
                                "ordered": True,
                                "items": [
                                    {"lead": "مقدمة البند", "text": "نص البند الأول."},
                                    {"lead": "", "text": "نص البند الثاني."},
                                ],
                            },
                        },
                        {
                            "type": "quote",
                            "value": {"text": "نص الاقتباس.", "attribution": "قائل الاقتباس"},
                        },
                        {
                            "type": "image",
                            "value": {
                                "image": image.pk,
                                "alt_text": "وصف الصورة",
                                "caption": "تعليق الصورة",
                                "credit": "مصور الجريدة",
                            },
                        },
                    ],
                },
            },
            {
                "type": "headed_section",
                "value": {
                    "heading": "خاتمة القسم",
                    "unnumbered": True,
                    "content": [{"type": "paragraph", "value": "<p>فقرة الخاتمة.</p>"}],
                },
            },
        ],
    )


@pytest.fixture
def arabic_article(demo_site):
    image = Image.objects.create(title="صورة", file=get_test_image_file())
    article = make_article(
        demo_site["politics"],
        title="مقال للترجمة",
        slug="to-translate",
        standfirst="مقدمة المقال للترجمة.",
        body=every_block_body(image),
    )
    # Pages made by code get their French and English copies when the trees are synced;
    # pages made in the admin get them at once (wagtail-localize's "after create" hook).
    for code in ("fr", "en"):
        synchronize_tree(article.locale, Locale.objects.get(language_code=code))
    return article


def submit_for_translation(admin_client, article, language_code):
    french = Locale.objects.get(language_code=language_code)
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"locales": [french.pk]})
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=article.translation_key)
    return Translation.objects.get(source=source, target_locale=french)


def translated_po(admin_client, translation):
    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode("utf-8"))
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else f"FR {entry.msgid}"
    return po


def test_every_text_of_every_block_is_a_string_to_translate(admin_client, arabic_article):
    translation = submit_for_translation(admin_client, arabic_article, "fr")
    po = translation.export_po()
    strings = {entry.msgid for entry in po}
    assert {
        "مقال للترجمة",
        "مقدمة المقال للترجمة.",
        "فقرة افتتاحية <b>مهمة</b>.",
        "عنوان القسم الأول",
        "فقرة داخل القسم.",
        "مقدمة البند",
        "نص البند الأول.",
        "نص البند الثاني.",
        "نص الاقتباس.",
        "قائل الاقتباس",
        "وصف الصورة",
        "تعليق الصورة",
        "مصور الجريدة",
        "خاتمة القسم",
        "فقرة الخاتمة.",
    } <= strings
    # Structure is not translated: switches and images follow the Arabic article.
    paths = [entry.msgctxt for entry in po]
    assert not any(path.endswith((".unnumbered", ".ordered", ".image")) for path in paths)


def test_editor_translates_a_whole_article_with_a_po_file_and_publishes_it(
    admin_client, arabic_article, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, arabic_article, "fr")
    french_page = translation.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_page.pk])
    editor = admin_client.get(edit_url)
    assert editor.status_code == 200
    assert b"js-translation-editor" in editor.content  # wagtail-localize's editor, not the form

    po = translated_po(admin_client, translation)
    upload = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fr.po", str(po).encode("utf-8")), "next": edit_url},
    )
    assert upload.status_code == 302
    assert translation.get_progress()[0] == translation.get_progress()[1]

    # wagtail-localize publishes when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        published = admin_client.post(edit_url, {"action": "publish"})
    assert published.status_code == 302

    french_page = Page.objects.get(pk=french_page.pk).specific
    assert french_page.live
    assert french_page.alias_of_id is None
    page = soup_of(admin_client.get(french_page.url))
    assert page.html["lang"] == "fr"
    assert page.html["dir"] == "ltr"
    assert text_of(page.h1) == "FR مقال للترجمة"
    headings = [text_of(h2) for h2 in page.select(".article__body h2")]
    assert headings == ["1. FR عنوان القسم الأول", "FR خاتمة القسم"]
    body = page.select_one(".article__body")
    assert body.select_one("ol.bullet-list")  # the "numbered list" switch came from Arabic
    assert (
        text_of(body.select_one("li strong")) == "FR مقدمة البند :"
    )  # French puts a space before the colon
    assert text_of(body.select_one(".quote__attribution")) == "FR قائل الاقتباس"
    figure = body.select_one(".article-figure")
    assert figure.img["alt"] == "FR وصف الصورة"
    assert "FR تعليق الصورة" in text_of(figure.figcaption)
    assert "<b>" in str(body.select_one(".rich-text")) and "FR فقرة افتتاحية" in text_of(body)


def test_a_po_file_for_another_translation_is_refused(admin_client, arabic_article, demo_site):
    translation = submit_for_translation(admin_client, arabic_article, "fr")
    other = Translation.objects.exclude(pk=translation.pk).first()  # the demo's French article
    po = translated_po(admin_client, other)
    admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fr.po", str(po).encode("utf-8"))},
    )
    assert translation.get_progress()[1] == 0


def machine_translator_setting(**environment):
    """The setting as a fresh process with this environment computes it."""
    script = (
        "import json, config.settings.base as s; "
        "print(json.dumps(getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    env = {key: value for key, value in os.environ.items() if key != "DEEPL_AUTH_KEY"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_deepl_is_plugged_in_only_with_a_key():
    assert machine_translator_setting() is None
    configured = machine_translator_setting(DEEPL_AUTH_KEY="secret:fx")
    assert configured["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert configured["OPTIONS"] == {"AUTH_KEY": "secret:fx"}


def test_machine_translation_is_off(admin_client, arabic_article):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    translation = submit_for_translation(admin_client, arabic_article, "fr")
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True
    )
    assert response.status_code == 404
    assert translation.get_progress()[1] == 0


def test_translation_editor_shows_each_string_in_its_own_direction(admin_client, french_article):
    # wagtail-localize#197: Arabic source strings read right-to-left, French inputs left-to-right.
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french_article.pk]))
    assert b"translations/editor_direction.js" in editor.content
