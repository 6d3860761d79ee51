"""The newsroom's part of the demo build: the review path on "سياسة" and one user per role.

Called by ``demo/builder.py``; like the rest of the build it changes nothing the
second time. Passwords are generated when a user is made and printed once, for the demo only.
"""

import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.users.models import UserProfile

from newsroom.roles import EDITOR_IN_CHIEF, SECTION_EDITORS, WRITERS, ensure_roles
from newsroom.workflows import SENSITIVE_SECTION_SLUGS, assign_sensitive_review, ensure_workflows

DEMO_USERS = [
    # username, first name, last name, role
    ("writer", "سلمى", "الكاتبة", WRITERS),
    ("writer2", "يوسف", "الكاتب", WRITERS),
    ("section-editor", "كريم", "المحرر", SECTION_EDITORS),
    ("editor-in-chief", "ليلى", "رئيسة التحرير", EDITOR_IN_CHIEF),
]


def ensure_sensitive_sections(sections, report) -> None:
    for section in sections:
        if section.slug in SENSITIVE_SECTION_SLUGS and assign_sensitive_review(section):
            report.note(f"workflow “Sensitive review” on section “{section.title}”")


def comment_moderators_group():
    """The comments app's group, found by its permission: its name is in the site's language."""
    return Group.objects.filter(permissions__codename="moderate_readercomment").first()


def ensure_demo_users(report) -> None:
    User = get_user_model()
    moderators = comment_moderators_group()
    demo_users = list(DEMO_USERS)
    if moderators is not None:
        demo_users.append(("moderator", "نادية", "المشرفة", moderators.name))
    for username, first_name, last_name, role in demo_users:
        if User.objects.filter(Q(username=username) | Q(email=f"{username}@example.com")).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=role))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ar"
        profile.save()
        report.note(f"demo user “{username}” ({role}), password: {password}")


def build_newsroom_demo(sections, report) -> None:
    # The migrations made these; a flushed database (a transactional test) has lost them.
    ensure_roles(apps)
    ensure_workflows(apps)
    ensure_sensitive_sections(sections, report)
    ensure_demo_users(report)
