from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from comments.models import CommentStatus, ReaderComment
from comments.moderation import change_status
from comments.permissions import moderators_only_response, user_can_moderate


class CommentStatusBulkAction(SnippetBulkAction):
    models = [ReaderComment]
    template_name = "comments/admin/confirm_bulk_status.html"
    status = None

    def dispatch(self, request, *args, **kwargs):
        if not user_can_moderate(request.user):
            return moderators_only_response(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return user_can_moderate(self.request.user)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        return change_status(objects, cls.status, user), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


class ApproveBulkAction(CommentStatusBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = CommentStatus.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment approved.", "%(count)d comments approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class SpamBulkAction(CommentStatusBulkAction):
    display_name = _("Spam")
    action_type = "spam"
    aria_label = _("Mark the selected comments as spam")
    action_priority = 20
    status = CommentStatus.SPAM

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment marked as spam.",
            "%(count)d comments marked as spam.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RemoveBulkAction(CommentStatusBulkAction):
    display_name = pgettext_lazy("comment moderation", "Remove")
    action_type = "remove"
    aria_label = _("Remove the selected comments")
    action_priority = 25
    status = CommentStatus.REMOVED
    classes = {"serious"}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment removed.", "%(count)d comments removed.", num_parent_objects
        ) % {"count": num_parent_objects}
