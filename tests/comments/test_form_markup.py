"""The comment form's markup, byte for byte: blank, after a failed post, for a signed-in reader.

Pinned as the templates drew it (field by field, through Django's widget templates) before it
was drawn in Python (comments/form_fields.py, comments/widgets.py): every attribute a browser,
a screen reader or the page's script reads (required, maxlength, autocomplete, dir, aria-*,
the robot trap's tabindex and autocomplete, the reader's values escaped) stays as it was.
"""

import re

import pytest
from django.utils import translation

from comments.forms import ReaderCommentForm
from tests.comments.conftest import post_comment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BLANK_FORM = (
    '<div class="comment-form" id="respond" data-comment-form>\n'
    '    <h3 class="comment-form__title" id="respond-title">أضف تعليقاً</h3>\n'
    '    <p class="comment-form__cancel" hidden><a href="@URL@#respond" data-cancel-reply>إلغاء الرد</a></p>\n'  # noqa: E501
    "    \n"
    "    \n"
    '    <form class="comment-form__form" method="post" action="/ar/comments/@PK@/post/" data-form-state="/ar/comments/@PK@/form-state/" novalidate>\n'  # noqa: E501
    "        \n"
    '        <p class="comment-form__note" id="comment-form-note">لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>\n'  # noqa: E501
    '        <input type="hidden" name="ticket" value="@TICKET@" id="id_ticket">\n'
    '        <input type="hidden" name="parent" id="id_parent">\n'
    "\n"
    '        <p class="comment-form__field">\n'
    '    <label for="id_body">التعليق <span class="comment-form__required" aria-hidden="true">*</span></label>\n'  # noqa: E501
    "    \n"
    '    <textarea name="body" id="id_body" rows="6" dir="auto" data-length-limit="5000" required>\n'  # noqa: E501
    "</textarea>\n"
    '    <span class="comment-form__counter" id="id_body-counter" data-length-counter data-counting="{count} من {limit} حرف" data-over="زائد بـ{over} حرف: الحد الأقصى للتعليق {limit} حرف." hidden></span>\n'  # noqa: E501
    "</p>\n"
    "\n"
    '        <p class="comment-form__field">\n'
    '    <label for="id_name">الاسم <span class="comment-form__required" aria-hidden="true">*</span></label>\n'  # noqa: E501
    "    \n"
    '    <input type="text" name="name" id="id_name" value="" maxlength="100" dir="auto" autocomplete="name" required>\n'  # noqa: E501
    "</p>\n"
    "\n"
    '        <p class="comment-form__field">\n'
    '    <label for="id_email">البريد الإلكتروني <span class="comment-form__required" aria-hidden="true">*</span></label>\n'  # noqa: E501
    "    \n"
    '    <input type="email" name="email" id="id_email" value="" maxlength="254" dir="auto" autocomplete="email" required>\n'  # noqa: E501
    "</p>\n"
    "\n"
    '        <p class="comment-form__field">\n'
    '    <label for="id_url">الموقع الإلكتروني</label>\n'
    "    \n"
    '    <input type="url" name="url" id="id_url" value="" maxlength="200" dir="auto" autocomplete="url">\n'  # noqa: E501
    "</p>\n"
    "\n"
    '        <p class="comment-form__honeypot" aria-hidden="true"><label for="id_homepage">اترك هذا الحقل فارغاً</label><input type="text" name="homepage" tabindex="-1" autocomplete="off" maxlength="500" id="id_homepage"></p>\n'  # noqa: E501
    '        <p class="comment-form__remember"><input type="checkbox" name="remember" id="id_remember"> <label for="id_remember">احفظ اسمي وبريدي الإلكتروني في هذا المتصفح لاستخدامهما المرة المقبلة في تعليقي.</label></p>\n'  # noqa: E501
    '        <p class="comment-form__actions"><button type="submit" class="comment-form__submit">إرسال التعليق</button></p>\n'  # noqa: E501
    "    </form>\n"
    "</div>\n"
    ""
)


def form_markup(response) -> str:
    html = response.content.decode()
    start = html.index('<div class="comment-form"')
    return html[start : html.index("</div>", start) + len("</div>\n")]


def ticket_of(markup: str) -> str:
    return re.search(r'name="ticket" value="([^"]*)"', markup).group(1)


def expected(article, markup: str, form: str = BLANK_FORM) -> str:
    return (
        form.replace("@URL@", article.url)
        .replace("@PK@", str(article.pk))
        .replace("@TICKET@", ticket_of(markup))
    )


def test_the_blank_form(client, article):
    markup = form_markup(client.get(article.url))
    assert ticket_of(markup)
    assert markup == expected(article, markup)


def test_a_failed_post_keeps_what_was_typed_and_says_what_is_wrong(client, article):
    response = post_comment(
        client,
        article,
        name="   ",
        email="not an address",
        url="javascript:alert(1)",
        body="",
        parent="abc",
        remember="on",
        homepage='robot "value" & <more>',
    )
    assert response.status_code == 400
    markup = form_markup(response)
    form = (
        BLANK_FORM.replace(
            "</a></p>\n    \n    \n    <form",
            "</a></p>\n"
            '    <p class="comment-form__notice" role="alert">يُرجى تصحيح الأخطاء أدناه.</p>\n'
            "    \n    <form",
        )
        .replace(
            '<input type="hidden" name="parent" id="id_parent">\n',
            '<input type="hidden" name="parent" value="abc" id="id_parent">'
            '<p class="comment-form__notice" role="alert">أدخل رقما صحيحا.</p>\n',
        )
        .replace(
            '        <p class="comment-form__field">\n    <label for="id_body">',
            '        <p class="comment-form__field comment-form__field--invalid">\n'
            '    <label for="id_body">',
        )
        .replace(
            '</label>\n    \n    <textarea name="body" id="id_body" rows="6" dir="auto"'
            ' data-length-limit="5000" required>',
            '</label>\n    <span class="comment-form__error" id="id_body-error-1">'
            "هذا الحقل مطلوب.</span>\n"
            '    <textarea name="body" id="id_body" rows="6" dir="auto" data-length-limit="5000"'
            ' required aria-invalid="true" aria-describedby="id_body-error-1">',
        )
        .replace(
            '        <p class="comment-form__field">\n    <label for="id_name">',
            '        <p class="comment-form__field comment-form__field--invalid">\n'
            '    <label for="id_name">',
        )
        .replace(
            '</label>\n    \n    <input type="text" name="name" id="id_name" value=""'
            ' maxlength="100" dir="auto" autocomplete="name" required>',
            '</label>\n    <span class="comment-form__error" id="id_name-error-1">'
            "هذا الحقل مطلوب.</span>\n"
            '    <input type="text" name="name" id="id_name" value="   " maxlength="100"'
            ' dir="auto" autocomplete="name" required aria-invalid="true"'
            ' aria-describedby="id_name-error-1">',
        )
        .replace(
            '        <p class="comment-form__field">\n    <label for="id_email">',
            '        <p class="comment-form__field comment-form__field--invalid">\n'
            '    <label for="id_email">',
        )
        .replace(
            '</label>\n    \n    <input type="email" name="email" id="id_email" value=""'
            ' maxlength="254" dir="auto" autocomplete="email" required>',
            '</label>\n    <span class="comment-form__error" id="id_email-error-1">'
            "أدخِل عنوان بريد إلكتروني صحيح.</span>\n"
            '    <input type="email" name="email" id="id_email" value="not an address"'
            ' maxlength="254" dir="auto" autocomplete="email" required aria-invalid="true"'
            ' aria-describedby="id_email-error-1">',
        )
        .replace(
            '        <p class="comment-form__field">\n    <label for="id_url">',
            '        <p class="comment-form__field comment-form__field--invalid">\n'
            '    <label for="id_url">',
        )
        .replace(
            '</label>\n    \n    <input type="url" name="url" id="id_url" value=""'
            ' maxlength="200" dir="auto" autocomplete="url">',
            '</label>\n    <span class="comment-form__error" id="id_url-error-1">'
            "أدخل عنواناً على الويب يبدأ بـ http://\u200e أو https://\u200e.</span>\n"
            '    <input type="url" name="url" id="id_url" value="javascript:alert(1)"'
            ' maxlength="200" dir="auto" autocomplete="url" aria-invalid="true"'
            ' aria-describedby="id_url-error-1">',
        )
        .replace(
            '<input type="text" name="homepage" tabindex="-1"',
            '<input type="text" name="homepage"'
            ' value="robot &quot;value&quot; &amp; &lt;more&gt;" tabindex="-1"',
        )
        .replace(
            '<input type="checkbox" name="remember" id="id_remember">',
            '<input type="checkbox" name="remember" id="id_remember" checked>',
        )
    )
    assert markup == expected(article, markup, form)


def test_values_are_escaped_and_a_valid_field_shows_no_error(client, article):
    response = post_comment(
        client,
        article,
        name="<b>\"Ali\"</b> & 'co'",
        email="ali@example.com",
        url="https://example.com/?a=1&b=2",
        body="x" * 5001,
    )
    assert response.status_code == 400
    markup = form_markup(response)
    assert (
        '<input type="text" name="name" id="id_name"'
        ' value="&lt;b&gt;&quot;Ali&quot;&lt;/b&gt; &amp; &#x27;co&#x27;" maxlength="100"'
        ' dir="auto" autocomplete="name" required>\n</p>'
    ) in markup
    assert (
        '<input type="url" name="url" id="id_url" value="https://example.com/?a=1&amp;b=2"'
        ' maxlength="200" dir="auto" autocomplete="url">\n</p>'
    ) in markup
    assert 'required aria-invalid="true" aria-describedby="id_body-error-1">\n' + "x" * 5001 in (
        markup
    )
    assert markup.count("comment-form__field--invalid") == 1


def test_a_signed_in_reader_gets_their_name_and_a_csrf_token(client, article):
    user = UserFactory(first_name="Ali", last_name='O"Neil', email="ali@example.com")
    client.force_login(user)
    markup = form_markup(client.get(article.url))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', markup).group(1)
    form = (
        BLANK_FORM.replace(
            "novalidate>\n        \n",
            "novalidate>\n        "
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">\n',
        )
        .replace(
            'id="id_name" value=""',
            'id="id_name" value="Ali O&quot;Neil"',
        )
        .replace('id="id_email" value=""', 'id="id_email" value="ali@example.com"')
    )
    assert markup == expected(article, markup, form)


def test_a_hidden_field_draws_its_control_and_its_errors_as_notices(article):
    from comments.templatetags.comment_tags import comment_field

    form = ReaderCommentForm({"parent": "0"}, page=article)
    form.is_valid()
    with translation.override("en"):
        assert comment_field(form["parent"], hidden=True) == (
            '<input type="hidden" name="parent" value="0" id="id_parent">'
            '<p class="comment-form__notice" role="alert">'
            "Ensure this value is greater than or equal to 1.</p>\n"
        )
