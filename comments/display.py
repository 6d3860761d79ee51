"""A reader comment's markup, written once, drawn in Python for the whole thread.

The thread is the longest part of an article and, drawn with one template include per
comment, it was also the slowest: each comment resolved some twenty template variables,
localized its ids as numbers and translated its labels again (0.63 ms a comment, 33 ms for
the fifty of a comment page, with every cache off). Here what every comment of a thread says
in the reader's language is translated once (``Wording``) and each comment is one
``format_html``: the same markup in about 1/20 of the time. A reader's own comment still
waiting for a moderator (comments/pending.py) is drawn by the same ``comment_html``, so the
two cannot drift apart.

Everything a reader typed (name, address, text) and every value is escaped (``html.escape``,
what Django's ``escape`` does for text, without its lazy-string checks: some 20 calls a
comment); the labels come from our catalogues and are trusted as the thread has always
trusted them. The date's format is read once per thread, not once per comment.
"""

import hashlib
import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from django.utils.dateformat import DateFormat, re_escaped, re_formatchars
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone
from django.utils.translation import gettext, pgettext

from comments.threads import PAGE_PARAMETER

AVATAR_HUES = 8

COMMENT = """\
<article class="comment{classes}" aria-labelledby="comment-{pk}-author">
    <header class="comment__meta">
        <span class="comment__avatar comment__avatar--hue-{hue}" aria-hidden="true">{initial}</span>
        <span class="comment__author" id="comment-{pk}-author">{author}</span>{marks}
        <a class="comment__permalink" href="#comment-{pk}"><time datetime="{datetime}">{date}</time></a>
    </header>
    <div class="comment__body" dir="auto">{body}</div>{reply}
</article>
"""  # noqa: E501 -- the markup as a reader's browser gets it, one element a line
AUTHOR_LINK = '<a href="{}" rel="nofollow ugc noopener"><bdi>{}</bdi></a>'
PENDING_MARK = '\n        <span class="comment__pending-mark">{}</span>'
STAFF_MARK = '\n        <span class="comment__staff-mark">{}</span>'
REPLY_LINK = (
    '\n    <a class="comment__reply" href="{}" data-reply-to="{}">{}'
    '<span class="visually-hidden"> {}</span></a>'
)
# The thread's nesting: the same lists the article page has always had.
OPEN_ITEM = '\n        <li class="comment-list__item" id="comment-{}">'
THREAD_MARKUP = {
    "replies": '<ol class="comment-list comment-list--replies">\n        ',
    "end_replies": "</ol>\n        ",
    "end_comment": "</li>\n        ",
}


@dataclass(frozen=True)
class Wording:
    """What every comment says in the active language, translated once per thread."""

    pending_mark: str
    staff_mark: str
    date_format: str
    reply: str
    reply_to: str
    time_zone: tzinfo
    date_pieces: tuple[tuple[bool, str], ...]  # date_format, parsed once (date_format_pieces)
    digits: Callable[[str], str]  # the page's digits (translations: the site's choice)

    @classmethod
    def current(cls, digits: Callable[[str], str] | None = None) -> "Wording":
        date_format = pgettext("comment date", "j F Y, H:i")
        return cls(
            pending_mark=pgettext(
                "the reader's own comment, shown only to them", "Awaiting moderation"
            ),
            staff_mark=pgettext("staff mark on a reader comment", "Newsroom"),
            date_format=date_format,
            reply=gettext("Reply"),
            reply_to=gettext("to %(name)s"),
            time_zone=get_current_timezone(),
            date_pieces=date_format_pieces(date_format),
            digits=digits or str,
        )

    def date(self, moment) -> str:
        """``moment`` (in the reader's time zone) as ``django.utils.dateformat`` writes it."""
        formatter = DateFormat(moment)
        return self.digits(
            "".join(
                str(getattr(formatter, piece)()) if is_character else piece
                for is_character, piece in self.date_pieces
            )
        )


def date_format_pieces(date_format: str) -> tuple[tuple[bool, str], ...]:
    """A date format as (is a format character, text) pieces, as ``dateformat.format`` reads it."""
    return tuple(
        (bool(index % 2), piece if index % 2 else re_escaped.sub(r"\1", piece))
        for index, piece in enumerate(re_formatchars.split(date_format))
        if piece
    )


def avatar_initial(name: str) -> str:
    for character in name.strip():
        if character.isalnum():
            return character.upper()
    return "؟"


def avatar_hue(name: str) -> int:
    digest = hashlib.md5(name.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest, 16) % AVATAR_HUES


def reply_url_prefix(page_url: str, comments_page: int) -> str:
    """The reply link up to the comment's id; it keeps the reader on a later comment page."""
    if comments_page > 1:
        return f"{page_url}?{PAGE_PARAMETER}={comments_page}&reply_to="
    return f"{page_url}?reply_to="


def comment_html(
    comment,
    wording: Wording,
    *,
    reply_url: str | None = None,
    awaiting_moderation: bool = False,
) -> SafeString:
    """One comment: a shown one (comments/threads.py) or a reader's own waiting one.

    ``reply_url`` is where its reply link goes up to the comment's id, or None for no link
    (a closed conversation, the deepest level, a comment nobody else can see).
    """
    pk = str(comment.pk)  # never localized: it is an id, not a number to read
    name = html.escape(comment.author_name)
    classes = (" comment--staff" if comment.is_staff_reply else "") + (
        " comment--pending" if awaiting_moderation else ""
    )
    if comment.author_url:
        author = AUTHOR_LINK.format(html.escape(comment.author_url), name)
    else:
        author = f"<bdi>{name}</bdi>"
    marks = ""
    if awaiting_moderation:
        marks += PENDING_MARK.format(wording.pending_mark)
    if comment.is_staff_reply:
        marks += STAFF_MARK.format(wording.staff_mark)
    reply = ""
    if reply_url is not None:
        reply = REPLY_LINK.format(
            html.escape(f"{reply_url}{pk}#respond"),
            pk,
            wording.reply,
            wording.reply_to % {"name": name},
        )
    created_at = comment.created_at.astimezone(wording.time_zone)
    return mark_safe(  # noqa: S308 -- every value escaped above; labels from our catalogue
        COMMENT.format(
            classes=classes,
            pk=pk,
            hue=avatar_hue(comment.author_name),
            initial=html.escape(avatar_initial(comment.author_name)),
            author=author,
            marks=marks,
            datetime=created_at.isoformat(),
            date=html.escape(wording.date(created_at)),
            body=linebreaks(comment.body, autoescape=True),
            reply=reply,
        )
    )


def thread_html(
    discussion, *, page_url: str, replies_open: bool, digits: Callable[[str], str] | None = None
) -> SafeString:
    """The list items of a page of the conversation, nested as ``discussion.events`` says.

    ``replies_open``: whether the article takes comments now (open, and live). ``digits``
    writes the dates' digits as the page does (``{% digit_writer %}``, translations).
    """
    wording = Wording.current(digits)
    comments_page = discussion.page_obj.number if discussion.page_obj else 1
    prefix = reply_url_prefix(page_url, comments_page)
    parts = []
    for event in discussion.events:
        if event.kind != "comment":
            parts.append(THREAD_MARKUP[event.kind])
            continue
        comment = event.comment
        reply_url = prefix if replies_open and comment.can_be_replied_to else None
        parts.append(OPEN_ITEM.format(comment.pk))
        parts.append(comment_html(comment, wording, reply_url=reply_url))
        parts.append("\n        ")
    return mark_safe("".join(parts))  # noqa: S308 -- every piece escaped above
