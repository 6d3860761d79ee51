from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from comments import admin_views, one_click
from comments.bulk_actions import ApproveBulkAction, RemoveBulkAction, SpamBulkAction
from comments.models import CommentStatus, ReaderComment
from comments.moderation import LOG_ACTIONS
from comments.permissions import comment_permission_policy, user_can_moderate
from comments.viewsets import ReaderCommentViewSet

register_permission_policy(ReaderComment, comment_permission_policy)
register_snippet(ReaderCommentViewSet)

for bulk_action in (ApproveBulkAction, SpamBulkAction, RemoveBulkAction):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_urls")
def comment_admin_urls():
    return [
        path(
            "reader-comments/<int:pk>/reply/",
            admin_views.staff_reply,
            name="comments_staff_reply",
        ),
        re_path(
            rf"^reader-comments/(?P<pk>\d+)/moderate/(?P<action>{'|'.join(one_click.ACTIONS)})/$",
            one_click.moderate_comment,
            name="comments_moderate",
        ),
        path("reader-comments/undo/", one_click.undo_moderation, name="comments_moderation_undo"),
    ]


@hooks.register("register_snippet_listing_buttons")
def reply_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, ReaderComment)
        and snippet.status in {CommentStatus.PENDING, CommentStatus.APPROVED}
        and user_can_moderate(user)
    ):
        yield ListingButton(
            _("Reply"),
            url=reverse("comments_staff_reply", args=[snippet.pk]),
            icon_name="comment-add",
            priority=15,
        )


@hooks.register("construct_homepage_panels")
def pending_comments_panel(request, panels):
    if user_can_moderate(request.user):
        panels.append(admin_views.PendingCommentsPanel())


@hooks.register("register_log_actions")
def comment_log_actions(actions):
    for action, label, message in LOG_ACTIONS.values():
        actions.register_action(action, label, message)
