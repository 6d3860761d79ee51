"""Telling moderators a comment is waiting: after the commit, and never at the comment's expense."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from comments.models import ReaderComment
from comments.text import clean_single_line

logger = logging.getLogger(__name__)


def moderator_addresses() -> list[str]:
    permission = Permission.objects.filter(
        content_type__app_label="comments", codename="moderate_readercomment"
    )
    users = (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission),
            is_active=True,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(users))


def notify_moderators(comment_id: int) -> None:
    try:
        comment = ReaderComment.objects.select_related("page").get(pk=comment_id)
        recipients = moderator_addresses()
        if not recipients:
            return
        with translation.override(settings.LANGUAGE_CODE):
            # Only the article title reaches the subject, on one line; the reader's name and
            # text stay in the body, where a line break is just a line break.
            title = clean_single_line(comment.page.title)[:120]
            subject = _("A reader comment is waiting on “%(title)s”") % {"title": title}
            queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "wagtailsnippets_comments_readercomment:edit", args=[comment.pk]
            )
            body = "\n\n".join(
                [
                    _("%(name)s wrote on “%(title)s”:")
                    % {"name": comment.author_name, "title": title},
                    comment.body,
                    _("Moderate it here: %(url)s") % {"url": queue_url},
                ]
            )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("Could not email the moderators about comment %s", comment_id)
