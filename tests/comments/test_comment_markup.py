"""A comment's markup, byte for byte, as the thread and a reader's own waiting comment show it.

Pinned as it was drawn with ``format_html`` before the thread escaped its values directly and
read its date format once (comments/display.py): what a reader typed stays escaped, the labels
and the date stay in the reader's language.
"""

from datetime import datetime

import pytest
from django.utils import timezone, translation

from comments.display import Wording, comment_html, reply_url_prefix
from comments.models import ReaderComment

WRITTEN = timezone.make_aware(datetime(2025, 10, 14, 21, 5))  # Africa/Casablanca: +01:00


def comment(**fields):
    values = {
        "pk": 42,
        "author_name": 'Ali <b>"A&B"</b>',
        "author_url": "",
        "body": "First line & <i>more</i>\nsecond line\n\nA 'new' paragraph",
        "created_at": WRITTEN,
        "is_staff_reply": False,
    }
    values.update(fields)
    return ReaderComment(**values)


def test_a_reader_comment_with_a_web_address_and_a_reply_link():
    with translation.override("ar"):
        html = comment_html(
            comment(author_url="https://example.com/?a=1&b=2"),
            Wording.current(),
            reply_url=reply_url_prefix("/ar/politics/article/", 2),
        )
    assert html == (
        '<article class="comment" aria-labelledby="comment-42-author">\n'
        '    <header class="comment__meta">\n'
        '        <span class="comment__avatar comment__avatar--hue-6" aria-hidden="true">A</span>\n'
        '        <span class="comment__author" id="comment-42-author">'
        '<a href="https://example.com/?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "<bdi>Ali &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</bdi></a></span>\n"
        '        <a class="comment__permalink" href="#comment-42">'
        '<time datetime="2025-10-14T21:05:00+01:00">14 أكتوبر 2025، الساعة 21:05</time></a>\n'
        "    </header>\n"
        '    <div class="comment__body" dir="auto"><p>First line &amp; &lt;i&gt;more&lt;/i&gt;'
        "<br>second line</p>\n\n<p>A &#x27;new&#x27; paragraph</p></div>\n"
        '    <a class="comment__reply" href="/ar/politics/article/?comments_page=2&amp;reply_to=42'
        '#respond" data-reply-to="42">رد<span class="visually-hidden"> على '
        "Ali &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</span></a>\n"
        "</article>\n"
    )


@pytest.mark.parametrize(
    ("language", "date"),
    [("fr", "14 octobre 2025 à 21:05"), ("en", "14 October 2025, 21:05")],
)
def test_a_staff_reply_awaiting_moderation_without_a_reply_link(language, date):
    with translation.override(language):
        wording = Wording.current()
        html = comment_html(
            comment(author_name="Newsroom", body="Thanks", is_staff_reply=True),
            wording,
            awaiting_moderation=True,
        )
    assert html == (
        '<article class="comment comment--staff comment--pending"'
        ' aria-labelledby="comment-42-author">\n'
        '    <header class="comment__meta">\n'
        '        <span class="comment__avatar comment__avatar--hue-'
        f'{html.split("hue-")[1][0]}" aria-hidden="true">N</span>\n'
        '        <span class="comment__author" id="comment-42-author"><bdi>Newsroom</bdi></span>\n'
        f'        <span class="comment__pending-mark">{wording.pending_mark}</span>\n'
        f'        <span class="comment__staff-mark">{wording.staff_mark}</span>\n'
        '        <a class="comment__permalink" href="#comment-42">'
        f'<time datetime="2025-10-14T21:05:00+01:00">{date}</time></a>\n'
        "    </header>\n"
        '    <div class="comment__body" dir="auto"><p>Thanks</p></div>\n'
        "</article>\n"
    )
