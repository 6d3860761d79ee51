"""The demo command makes one user per role, prints their logins once, and nothing twice."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.users.models import UserProfile

from newsroom.roles import EDITOR_IN_CHIEF, SECTION_EDITORS, WRITERS


@pytest.mark.django_db
def test_demo_command_creates_a_user_per_role_and_prints_their_passwords(capsys, client):
    # The test database starts with the demo built; on a fresh install there are no users yet.
    get_user_model().objects.filter(
        username__in=["writer", "writer2", "section-editor", "editor-in-chief", "moderator"]
    ).delete()
    call_command("load_demo_content")
    output = capsys.readouterr().out
    logins = dict(re.findall(r"demo user “([^”]+)” \([^)]+\), password: (\S+)", output))
    assert set(logins) == {"writer", "writer2", "section-editor", "editor-in-chief", "moderator"}
    User = get_user_model()
    roles = {
        user.username: {group.name for group in user.groups.all()}
        for user in User.objects.filter(username__in=logins)
    }
    assert roles == {
        "writer": {WRITERS},
        "writer2": {WRITERS},
        "section-editor": {SECTION_EDITORS},
        "editor-in-chief": {EDITOR_IN_CHIEF},
        "moderator": {"Comment moderators"},
    }
    for username, password in logins.items():
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert UserProfile.get_for_user(user).preferred_language == "ar"
        assert not user.is_superuser

    call_command("load_demo_content")
    again = capsys.readouterr().out
    assert "password" not in again
    assert User.objects.filter(username__in=logins).count() == 5
