"""Deciding where a new comment goes, and recording what moderators do with it."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log

from comments.models import CommentStatus, ReaderComment, word_list
from comments.text import count_links

# Other apps may add a spam check (a third-party service, say) with
# @hooks.register(SPAM_CHECK_HOOK): fn(comment, request) returning a CommentStatus or None.
SPAM_CHECK_HOOK = "check_reader_comment"

MODERATION_PERMISSION = "comments.moderate_readercomment"

LOG_ACTIONS = {
    CommentStatus.APPROVED: ("comments.approve", _("Approve comment"), _("Comment approved")),
    CommentStatus.SPAM: ("comments.spam", _("Mark comment as spam"), _("Comment marked as spam")),
    CommentStatus.REMOVED: ("comments.remove", _("Remove comment"), _("Comment removed")),
    CommentStatus.PENDING: (
        "comments.unapprove",
        _("Return comment to the queue"),
        _("Comment returned to the queue"),
    ),
}


def contains_any(text: str, words: list[str]) -> bool:
    folded = text.casefold()
    return any(word in folded for word in words)


def initial_status(comment: ReaderComment, comment_settings, request=None) -> str:
    """WordPress's order: disallowed words, then checks, links, moderation words, trust."""
    if comment.user is not None and comment.user.has_perm(MODERATION_PERMISSION):
        return CommentStatus.APPROVED
    everything = "\n".join(
        [comment.author_name, comment.author_email, comment.author_url, comment.body]
    )
    if contains_any(everything, word_list(comment_settings.disallowed_words)):
        return CommentStatus.SPAM
    verdicts = [check(comment, request) for check in hooks.get_hooks(SPAM_CHECK_HOOK)]
    if CommentStatus.SPAM in verdicts:
        return CommentStatus.SPAM
    if CommentStatus.PENDING in verdicts:
        return CommentStatus.PENDING
    if count_links(comment.body) + (1 if comment.author_url else 0) > comment_settings.max_links:
        return CommentStatus.PENDING
    if contains_any(everything, word_list(comment_settings.moderation_words)):
        return CommentStatus.PENDING
    if comment_settings.auto_approve_known_authors:
        known = ReaderComment.objects.approved().filter(author_email=comment.author_email)
        if known.exists():
            return CommentStatus.APPROVED
    return CommentStatus.PENDING


def change_status(comments, status: str, user) -> int:
    """Moves comments to ``status``, one audit-log entry each; returns how many changed."""
    action = LOG_ACTIONS[status][0]
    changed = 0
    with transaction.atomic():
        for comment in comments:
            if comment.status == status:
                continue
            comment.status = status
            comment.save(update_fields=["status"])
            log(instance=comment, action=action, user=user)
            changed += 1
    return changed
