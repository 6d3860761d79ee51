"""One permission, "Can moderate reader comments", opens the whole queue."""

from django.template.response import TemplateResponse
from wagtail.permission_policies import ModelPermissionPolicy

from comments.models import ReaderComment

MODERATION_CODENAME = "moderate_readercomment"


class CommentModerationPermissionPolicy(ModelPermissionPolicy):
    # Viewing, editing and moderating all need the moderation permission; adding and deleting
    # keep Django's own permissions, which the moderators group does not have.
    def _get_permission_codename(self, action):
        if action in {"add", "delete"}:
            return super()._get_permission_codename(action)
        return MODERATION_CODENAME


comment_permission_policy = CommentModerationPermissionPolicy(ReaderComment)


def user_can_moderate(user) -> bool:
    return user.is_active and comment_permission_policy.user_has_permission(user, "moderate")


def moderators_only_response(request):
    """403 Forbidden inside the admin (Wagtail's own check redirects to the dashboard instead)."""
    return TemplateResponse(request, "comments/admin/forbidden.html", status=403)
