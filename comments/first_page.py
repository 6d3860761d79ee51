"""The first page of an article's conversation, read by a statement written by hand.

Every article drawn with nothing cached shows its conversation's first page: its first
comments, all their approved replies and two totals (first comments, all visible comments).
``page_of_comments(page, 0)`` (comments/threads.py) with the totals annotated as counting
subqueries asked for exactly that in one query, but Django took several times as long to build
and compile that queryset (a subquery of first comments, two counting subqueries, a join for
the conversations' first comments) as PostgreSQL took to answer it, on every such view. Here the
same statement is written once, from the model's own table and column names, and its rows
become the same partly loaded comments (``only(*DISPLAY_FIELDS)``) through the hand-written
statements' loader (articles/cards.py: RowLoader). Later pages still go through the ORM.

tests/comments/test_first_page_query.py holds it to the ORM's answer.
"""

from functools import cache

from django.db import connections

from articles.cards import RowLoader
from comments.models import CommentStatus, ReaderComment

# What a conversation shows of each comment (the other fields are left unread).
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


def first_page_of_comments(page, per_page: int) -> tuple[list[ReaderComment], int, int]:
    """``(comments, first comments in all, visible comments in all)`` for ``page``.

    The comments are the first ``per_page`` approved first comments and all the approved
    replies in their conversations, in the order they were posted; the totals are 0 when
    there is none.
    """
    connection = connections[ReaderComment.objects.db]
    statement = _statement(connection.alias)
    approved = CommentStatus.APPROVED.value
    totals = [page.pk, approved, page.pk, approved, approved]
    comments = [page.pk, approved, page.pk, approved, per_page]
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, [*totals, *comments])
        rows = cursor.fetchall()
    if not rows:
        return [], 0, 0
    width = len(statement.loader.names)
    comments = [statement.loader.load(row[:width]) for row in rows]
    return comments, rows[0][width], rows[0][width + 1]


class _Statement:
    """The statement's text and its rows' loader."""

    def __init__(self, connection):
        meta = ReaderComment._meta
        quote = connection.ops.quote_name
        wanted = {meta.pk.name if name == "pk" else name for name in DISPLAY_FIELDS}
        # The displayed fields in the model's order, as ``only()`` loads them.
        fields = [
            field
            for field in meta.concrete_fields
            if field.name in wanted or field.attname in wanted
        ]
        self.loader = RowLoader(connection, ReaderComment, fields)
        table = quote(meta.db_table)
        pk = quote(meta.pk.column)

        def column(name: str) -> str:
            return quote(meta.get_field(name).column)

        page, status, parent = column("page"), column("status"), column("parent")
        thread_root, created_at = column("thread_root"), column("created_at")
        columns = ", ".join(f"c.{quote(field.column)}" for field in fields)
        self.sql = (
            f"SELECT {columns}"  # noqa: S608 -- quoted model names
            # The number of first comments, and of visible comments: approved ones in
            # conversations whose first comment is approved (threads.visible_comments).
            f", (SELECT COUNT(*) FROM {table} t WHERE t.{page} = %s AND t.{status} = %s "
            f"AND t.{parent} IS NULL)"
            f", (SELECT COUNT(*) FROM {table} v LEFT OUTER JOIN {table} vr "
            f"ON vr.{pk} = v.{thread_root} WHERE v.{page} = %s AND v.{status} = %s "
            f"AND (v.{thread_root} IS NULL OR vr.{status} = %s)) "
            f"FROM {table} c WHERE c.{page} = %s AND c.{status} = %s "
            # A conversation is its first comment's id (a reply's thread root).
            f"AND COALESCE(c.{thread_root}, c.{pk}) IN (SELECT f.{pk} FROM {table} f "
            f"WHERE f.{page} = %s AND f.{status} = %s AND f.{parent} IS NULL "
            f"ORDER BY f.{created_at}, f.{pk} LIMIT %s) "
            f"ORDER BY c.{created_at}, c.{pk}"
        )


@cache
def _statement(alias: str) -> _Statement:
    """Made once per database alias."""
    return _Statement(connections[alias])
