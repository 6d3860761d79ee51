"""The approved conversation under an article, in a fixed number of queries however long it is.

Threads are laid out as a flat list of events (open a comment, open its replies, close them...)
so nested lists are drawn in one pass (comments/display.py), without recursion.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from comments.first_page import DISPLAY_FIELDS, first_page_of_comments
from comments.models import CommentStatus, ReaderComment

TOP_LEVEL_PER_PAGE = 50
PAGE_PARAMETER = "comments_page"


@dataclass(frozen=True)
class ShownComment:
    """A comment as the conversation shows it: plain data, so a discussion can be cached."""

    pk: int
    parent_id: int | None
    author_name: str
    author_url: str
    body: str
    created_at: datetime
    is_staff_reply: bool
    level: int
    can_be_replied_to: bool

    @classmethod
    def of(cls, comment: ReaderComment, level: int, max_depth: int) -> "ShownComment":
        return cls(
            pk=comment.pk,
            parent_id=comment.parent_id,
            author_name=comment.author_name,
            author_url=comment.author_url,
            body=comment.body,
            created_at=comment.created_at,
            is_staff_reply=comment.is_staff_reply,
            level=level,
            can_be_replied_to=level + 1 < max_depth,
        )


@dataclass(frozen=True)
class ThreadEvent:
    kind: str  # "comment", "replies", "end_replies", "end_comment"
    comment: ShownComment | None = None


@dataclass(frozen=True)
class DiscussionPage:
    """Which page of the conversation is shown: what the template's page links need.

    A plain value (not Django's paginator page, which holds a query), so a loaded discussion
    can be kept in the cache.
    """

    number: int
    num_pages: int

    @property
    def paginator(self):
        return self  # the template asks for page_obj.paginator.num_pages

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass
class Discussion:
    count: int
    events: list[ThreadEvent] = field(default_factory=list)
    page_obj: DiscussionPage | None = None
    shown_ids: set[int] = field(default_factory=set)


def visible_comments(page):
    """Approved comments in threads whose first comment is approved too."""
    return ReaderComment.objects.filter(page=page, status=CommentStatus.APPROVED).filter(
        Q(thread_root__isnull=True) | Q(thread_root__status=CommentStatus.APPROVED)
    )


def requested_page(page_number) -> int:
    try:
        return max(int(page_number), 1)
    except (TypeError, ValueError):
        return 1


def load_discussion(page, page_number, max_depth) -> Discussion:
    """``max_depth`` is the site's reply depth, or a callable giving it when needed.

    One query for the first page of comments, however long the conversation: its first
    comments and all their approved replies come in one list, with the two totals the page
    shows beside each row (counted by the database in the same statement, written by hand:
    comments/first_page.py). A later page costs
    one counting query first, which says whether the page asked for exists (past the end, the
    last page is shown, as Django's ``get_page`` does). Never a query per comment or per thread.
    """
    if page.pk is None:  # an unsaved page in the editor's preview
        return Discussion(count=0)
    number = requested_page(page_number)
    if number == 1:
        # page_of_comments(page, 0) and the totals, by one statement written by hand.
        comments, top_level_count, total = first_page_of_comments(page, TOP_LEVEL_PER_PAGE)
        if not comments:
            return Discussion(count=0)
    else:
        counts = visible_comments(page).aggregate(
            total=Count("pk"), top_level=Count("pk", filter=Q(parent__isnull=True))
        )
        top_level_count, total = counts["top_level"], counts["total"]
        if not top_level_count:
            return Discussion(count=0)
        number = min(number, pages_for(top_level_count))
        comments = list(page_of_comments(page, (number - 1) * TOP_LEVEL_PER_PAGE))
    roots = [comment for comment in comments if comment.parent_id is None]
    replies = [comment for comment in comments if comment.parent_id is not None]
    events = thread_events(roots, replies, max_depth() if callable(max_depth) else max_depth)
    shown = {event.comment.pk for event in events if event.kind == "comment"}
    page_obj = DiscussionPage(number=number, num_pages=pages_for(top_level_count))
    return Discussion(count=total, events=events, page_obj=page_obj, shown_ids=shown)


def pages_for(top_level_count: int) -> int:
    return max(1, -(-top_level_count // TOP_LEVEL_PER_PAGE))


def page_of_comments(page, start: int):
    """The first comments from ``start`` (one page of them) and their approved replies, in the
    order they were posted: a conversation is its first comment's id (``thread_root`` of a
    reply, the comment itself at the top)."""
    approved = ReaderComment.objects.filter(page=page, status=CommentStatus.APPROVED)
    first_comments = (
        approved.filter(parent__isnull=True)
        .order_by("created_at", "pk")
        .values("pk")[start : start + TOP_LEVEL_PER_PAGE]
    )
    return (
        approved.alias(conversation=Coalesce("thread_root_id", "pk"))
        .filter(conversation__in=first_comments)
        .only(*DISPLAY_FIELDS)
        .order_by("created_at", "pk")
    )


def thread_events(roots, replies, max_depth: int) -> list[ThreadEvent]:
    by_id = {comment.pk: comment for comment in [*roots, *replies]}
    children: dict[int, list[ReaderComment]] = {}
    for reply in replies:
        # A reply whose parent was since removed stays in its conversation, under the first comment.
        parent_id = reply.parent_id if reply.parent_id in by_id else reply.thread_root_id
        children.setdefault(parent_id, []).append(reply)

    events: list[ThreadEvent] = []
    # Each stack entry is (comment, level) to open, or an event to emit when unwinding.
    stack: list = [(root, 0) for root in reversed(roots)]
    while stack:
        item = stack.pop()
        if isinstance(item, ThreadEvent):
            events.append(item)
            continue
        comment, level = item
        events.append(ThreadEvent("comment", ShownComment.of(comment, level, max_depth)))
        stack.append(ThreadEvent("end_comment"))
        kids = children.get(comment.pk, [])
        if kids:
            stack.append(ThreadEvent("end_replies"))
            stack.extend((kid, level + 1) for kid in reversed(kids))
            stack.append(ThreadEvent("replies"))
    return events


def reply_target(parent: ReaderComment | None, max_depth: int) -> ReaderComment | None:
    """Replies deeper than the site allows join the deepest conversation level allowed."""
    while parent is not None and parent.depth + 1 >= max_depth:
        parent = parent.parent if parent.parent_id else None
    return parent
