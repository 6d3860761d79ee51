"""A post's WordPress comments as reader comments, threads and statuses kept.

Comments are inserted level by level (a reply needs its parent's id), in bulk: no moderation
email goes out and no spam rule runs for comments that were moderated years ago. Replies deeper
than the site's reply depth join the deepest level allowed, as the comment form does.
"""

import ipaddress
from collections.abc import Iterator

from django.utils import timezone

from comments.models import (
    BODY_MAX_LENGTH,
    NAME_MAX_LENGTH,
    CommentStatus,
    ReaderComment,
    body_fingerprint,
)
from wordpress_import.bulk_insert import insert_rows
from wordpress_import.dates import first_date
from wordpress_import.models import ImportedItem

STATUSES = {
    "1": CommentStatus.APPROVED,
    "approve": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REMOVED,
    "post-trashed": CommentStatus.REMOVED,
}
SKIPPED_TYPES = {"pingback": "pingback", "trackback": "trackback"}
URL_MAX_LENGTH = 200


def _ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _website(value: str) -> str:
    value = value.strip()
    if value.lower().startswith(("http://", "https://")) and len(value) <= URL_MAX_LENGTH:
        return value
    return ""


def import_comments(importer, item, page, new_page: bool = False) -> None:
    """Bring in the comments of ``item`` not imported yet; ``page`` None means a dry run."""
    mappings: list[ImportedItem] = []
    write_threads([comment_levels(importer, item, page, mappings, new_page)])
    ImportedItem.objects.bulk_create(mappings)


def write_threads(threads: list[Iterator[list[ReaderComment]]]) -> None:
    """Runs several posts' comment_levels in step: each level of all of them in one insert."""
    waiting = [(thread, rows) for thread in threads if (rows := next(thread, None)) is not None]
    while waiting:
        rows = [row for _thread, level in waiting for row in level]
        fields = [f for f in ReaderComment._meta.concrete_fields if not f.primary_key]
        ids = insert_rows(ReaderComment, rows, fields, returning=True, raw=True)
        for row, (pk,) in zip(rows, ids, strict=True):
            row.pk = pk
            row._state.adding = False
        waiting = [(thread, rows) for thread, _ in waiting if (rows := next(thread, None))]


def comment_levels(
    importer, item, page, mappings: list[ImportedItem], new_page: bool = False
) -> Iterator[list[ReaderComment]]:
    """The comments of ``item`` not imported yet, one thread level at a time.

    Yields each level's new rows; the caller inserts them (setting their ids) before asking
    for the next level, whose replies point at them. The mapping rows go in ``mappings``.
    ``new_page``: the article was created by this import a moment ago, so it has no comments
    yet and nothing needs looking up. A dry run (``page`` None) only counts.
    """
    report = importer.report
    source = importer.index.source_key
    already: dict[int, int] = {}
    if page is not None and page.pk and not new_page:
        already = {
            int(wp_id): pk
            for wp_id, pk in ImportedItem.objects.filter(
                source=source, kind="comment", post_wp_id=item.wp_id
            ).values_list("wp_id", "object_id")
        }
    new: dict[int, tuple] = {}
    for comment in item.comments:
        if comment.comment_type in SKIPPED_TYPES:
            report.count("comment", "skipped", SKIPPED_TYPES[comment.comment_type])
            continue
        if comment.wp_id in already:
            report.count("comment", "unchanged")
            continue
        body = comment.content.replace("\x00", "")
        if body != comment.content:
            report.warn("comment", comment.wp_id, ["NUL characters removed from the text"])
        if not body.strip():
            report.count("comment", "skipped", "empty")
            continue
        if comment.approved not in STATUSES:
            report.count("comment", "skipped", f"unknown status {comment.approved or '(none)'}")
            continue
        new[comment.wp_id] = (comment, body)

    # The thread: every comment's parent (WordPress ids) and depth, old and new alike.
    parents: dict[int, int] = {}
    depth: dict[int, int] = {}
    if already:
        wp_of_pk = {pk: wp_id for wp_id, pk in already.items()}
        for pk, parent_pk, level in ReaderComment.objects.filter(
            pk__in=already.values()
        ).values_list("pk", "parent_id", "depth"):
            parents[wp_of_pk[pk]] = wp_of_pk.get(parent_pk, 0)
            depth[wp_of_pk[pk]] = level
    for wp_id, (comment, _body) in new.items():
        parent = comment.parent_id
        if parent and parent not in new and parent not in already:
            report.warn(
                "comment",
                wp_id,
                [f"its parent comment {parent} is not in the export: shown as a new conversation"],
            )
            parent = 0
        parents[wp_id] = parent

    def original_depth(wp_id, chain=()):
        if wp_id in depth:
            return depth[wp_id]
        parent = parents.get(wp_id, 0)
        if not parent or parent in chain:  # a loop of replies: cut it here
            parents[wp_id] = 0
            return 0
        return original_depth(parent, (*chain, wp_id)) + 1

    order = sorted(new, key=lambda wp_id: (original_depth(wp_id), wp_id))
    # Deeper than the site allows: the reply joins its ancestor at the deepest level allowed.
    cap = max(1, importer.max_comment_depth)
    for wp_id in order:
        parent = parents[wp_id]
        while parent and depth[parent] + 1 >= cap:
            parent = parents.get(parent, 0)
        parents[wp_id] = parent
        depth[wp_id] = depth[parent] + 1 if parent else 0

    if page is None or not importer.write:
        for _wp_id in order:
            report.count("comment", "imported")
        return

    pk_of = dict(already)
    root_of = dict(
        ReaderComment.objects.filter(pk__in=already.values()).values_list("pk", "thread_root_id")
    )
    seen = (
        set()
        if new_page
        else set(ReaderComment.objects.filter(page=page).values_list("author_email", "fingerprint"))
    )
    now = timezone.now()
    for level in sorted({depth[wp_id] for wp_id in order}):
        rows, wp_ids = [], []
        for wp_id in order:
            if depth[wp_id] != level:
                continue
            comment, body = new[wp_id]
            email = comment.email.strip().lower()[:254]
            fingerprint = body_fingerprint(body)
            if (email, fingerprint) in seen:
                report.count("comment", "skipped", "same text twice from one address")
                continue
            seen.add((email, fingerprint))
            parent_pk = pk_of.get(parents[wp_id]) if parents[wp_id] else None
            if len(body) > BODY_MAX_LENGTH:
                report.warn(
                    "comment", wp_id, [f"longer than {BODY_MAX_LENGTH} characters: kept whole"]
                )
            rows.append(
                ReaderComment(
                    page=page,
                    parent_id=parent_pk,
                    thread_root_id=(root_of.get(parent_pk) or parent_pk) if parent_pk else None,
                    depth=level if parent_pk else 0,
                    author_name=(comment.author.strip() or "—")[:NAME_MAX_LENGTH],
                    author_email=email,
                    author_url=_website(comment.url),
                    body=body,
                    fingerprint=fingerprint,
                    status=STATUSES[comment.approved],
                    ip_address=_ip(comment.ip),
                )
            )
            # WordPress's date, written as it is (raw insert: auto_now_add does not stamp it).
            rows[-1].created_at = (
                first_date(comment.date_gmt, comment.date) or page.first_published_at or now
            )
            wp_ids.append(wp_id)
            report.count("comment", "imported")
        if not rows:
            continue
        yield rows  # inserted by the caller: each row has its id now
        created = rows
        for row, wp_id in zip(created, wp_ids, strict=True):
            pk_of[wp_id] = row.pk
            root_of[row.pk] = row.thread_root_id
        run = importer.run_record if importer.run_record and importer.run_record.pk else None
        mappings.extend(
            [
                ImportedItem(
                    source=source,
                    kind="comment",
                    wp_id=str(wp_id),
                    object_id=row.pk,
                    post_wp_id=item.wp_id,
                    run=run,
                )
                for row, wp_id in zip(created, wp_ids, strict=True)
            ]
        )
