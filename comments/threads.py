"""The approved conversation under an article, in a fixed number of queries however long it is.

Threads are laid out as a flat list of events (open a comment, open its replies, close them...)
so the template draws nested lists without recursive includes.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.functional import cached_property

from comments.models import CommentStatus, ReaderComment

TOP_LEVEL_PER_PAGE = 50
PAGE_PARAMETER = "comments_page"
DISPLAY_FIELDS = [
    "pk",
    "page_id",
    "parent_id",
    "thread_root_id",
    "depth",
    "author_name",
    "author_url",
    "body",
    "created_at",
    "is_staff_reply",
]


@dataclass
class ThreadEvent:
    kind: str  # "comment", "replies", "end_replies", "end_comment"
    comment: ReaderComment | None = None


@dataclass
class Discussion:
    count: int
    events: list[ThreadEvent] = field(default_factory=list)
    page_obj: object = None
    shown_ids: set[int] = field(default_factory=set)


def visible_comments(page):
    """Approved comments in threads whose first comment is approved too."""
    return ReaderComment.objects.filter(page=page, status=CommentStatus.APPROVED).filter(
        Q(thread_root__isnull=True) | Q(thread_root__status=CommentStatus.APPROVED)
    )


class CountedPaginator(Paginator):
    """A paginator told its count, which was fetched with the total in one query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def load_discussion(page, page_number, max_depth) -> Discussion:
    """``max_depth`` is the site's reply depth, or a callable giving it when needed."""
    if page.pk is None:  # an unsaved page in the editor's preview
        return Discussion(count=0)
    counts = visible_comments(page).aggregate(
        total=Count("pk"), top_level=Count("pk", filter=Q(parent__isnull=True))
    )
    if not counts["total"]:
        return Discussion(count=0)
    top_level = (
        ReaderComment.objects.filter(page=page, status=CommentStatus.APPROVED, parent__isnull=True)
        .only(*DISPLAY_FIELDS)
        .order_by("created_at", "pk")
    )
    paginator = CountedPaginator(top_level, TOP_LEVEL_PER_PAGE, count=counts["top_level"])
    page_obj = paginator.get_page(page_number)
    roots = list(page_obj.object_list)
    replies = list(
        ReaderComment.objects.filter(
            thread_root_id__in=[root.pk for root in roots], status=CommentStatus.APPROVED
        )
        .only(*DISPLAY_FIELDS)
        .order_by("created_at", "pk")
    )
    events = thread_events(roots, replies, max_depth() if callable(max_depth) else max_depth)
    shown = {event.comment.pk for event in events if event.kind == "comment"}
    return Discussion(count=counts["total"], events=events, page_obj=page_obj, shown_ids=shown)


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
        comment.level = level
        comment.can_be_replied_to = level + 1 < max_depth
        events.append(ThreadEvent("comment", comment))
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
