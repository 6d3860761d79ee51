"""comments/permissions.py overrides Wagtail's private ``_get_permission_codename``."""

import pytest
from django.contrib.auth.models import Permission

from comments.permissions import MODERATION_CODENAME, comment_permission_policy

pytestmark = pytest.mark.django_db


def test_the_moderation_permission_opens_every_action_but_add_and_delete(django_user_model):
    moderator = django_user_model.objects.create_user("mod", "m@example.com", "pw")
    moderator.user_permissions.add(Permission.objects.get(codename=MODERATION_CODENAME))
    for action in ("view", "change", "moderate"):
        assert comment_permission_policy.user_has_permission(moderator, action), (
            f"Wagtail no longer asks _get_permission_codename for {action!r}: "
            "revisit CommentModerationPermissionPolicy (docs/upgrading.md)"
        )
    for action in ("add", "delete"):
        assert not comment_permission_policy.user_has_permission(moderator, action)
