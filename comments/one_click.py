"""Moderating one comment with one click: approve, spam or remove it, and undo it for a moment.

Each button is a small POST form (CSRF-protected like every admin form), so the queue works
without JavaScript; ``moderation.js`` sends the same form with ``fetch`` and keeps the moderator
on the row. An undo is a signed note of what changed, valid for ``UNDO_SECONDS``: enough to
catch a slip of the finger, too short to be a second way of moderating.
"""

from urllib.parse import urlencode

from django.core import signing
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from comments.models import CommentStatus, ReaderComment
from comments.moderation import change_status
from comments.permissions import moderators_only_response, user_can_moderate

UNDO_SALT = "comments.moderation-undo"
# The page offers undo for UNDO_SECONDS; the server accepts a little longer, for slow networks.
UNDO_SECONDS = 8
UNDO_GRACE_SECONDS = 7

ACTIONS = {
    "approve": CommentStatus.APPROVED,
    "spam": CommentStatus.SPAM,
    "remove": CommentStatus.REMOVED,
}
# WordPress's comment shortcuts, which moderators coming from it already know. The script
# matches the key's position (KeyboardEvent.code), so they work on an Arabic layout too.
SHORTCUT_KEYS = {"approve": "a", "spam": "s", "remove": "d"}


def moderation_actions(comment) -> list[dict]:
    """The buttons for one comment; the one matching its status is shown but disabled."""
    labels = {
        "approve": pgettext("comment moderation", "Approve"),
        "spam": pgettext("comment moderation", "Spam"),
        "remove": pgettext("comment moderation", "Remove"),
    }
    return [
        {
            "name": name,
            "label": labels[name],
            "url": reverse("comments_moderate", args=[comment.pk, name]),
            "key": SHORTCUT_KEYS[name],
            "current": comment.status == status,
            "classname": "button-secondary" if name != "approve" else "",
        }
        for name, status in ACTIONS.items()
    ]


def done_message(status) -> str:
    return {
        CommentStatus.APPROVED: _("Comment approved."),
        CommentStatus.SPAM: _("Comment marked as spam."),
        CommentStatus.REMOVED: _("Comment removed."),
        CommentStatus.PENDING: _("Comment returned to the queue."),
    }[status]


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def safe_next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def issue_undo_token(comment_pk: int, previous: str, current: str) -> str:
    return signing.dumps({"comment": comment_pk, "from": previous, "to": current}, salt=UNDO_SALT)


def read_undo_token(token: str) -> dict | None:
    """The undo note, or None when it is forged, malformed or too old."""
    try:
        data = signing.loads(token, salt=UNDO_SALT, max_age=UNDO_SECONDS + UNDO_GRACE_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("from") not in CommentStatus.values:
        return None
    return data


def queue_default_url() -> str:
    return reverse("wagtailsnippets_comments_readercomment:list")


@require_POST
def moderate_comment(request, pk, action):
    if not user_can_moderate(request.user):
        return moderators_only_response(request)
    comment = get_object_or_404(ReaderComment, pk=pk)
    previous, status = comment.status, ACTIONS[action]
    change_status([comment], status, request.user)
    undo_token = issue_undo_token(comment.pk, previous, status) if previous != status else ""
    message = done_message(status)
    if wants_json(request):
        return JsonResponse(
            {
                "comment": comment.pk,
                "status": status,
                "status_label": comment.get_status_display(),
                "message": message,
                "undo_url": reverse("comments_moderation_undo") if undo_token else "",
                "undo_token": undo_token,
                "undo_seconds": UNDO_SECONDS,
            }
        )
    buttons = []
    if undo_token:
        undo_url = reverse("comments_moderation_undo") + "?" + urlencode({"token": undo_token})
        buttons.append(messages.button(undo_url, _("Undo")))
    messages.success(request, message, buttons=buttons)
    return redirect(safe_next_url(request, queue_default_url()))


@require_http_methods(["GET", "POST"])
def undo_moderation(request):
    """GET asks (the link in a message, without JavaScript); POST undoes."""
    if not user_can_moderate(request.user):
        return moderators_only_response(request)
    token = request.POST.get("token") or request.GET.get("token") or ""
    data = read_undo_token(token)
    if data is None:
        message = _("This action can no longer be undone.")
        if wants_json(request):
            return JsonResponse({"message": message}, status=410)
        messages.error(request, message)
        return redirect(safe_next_url(request, queue_default_url()))
    comment = get_object_or_404(ReaderComment, pk=data["comment"])
    if request.method == "GET":
        return TemplateResponse(
            request,
            "comments/admin/confirm_undo.html",
            {
                "comment": comment,
                "token": token,
                "previous_label": CommentStatus(data["from"]).label,
                "next_url": safe_next_url(request, queue_default_url()),
            },
        )
    restored = comment.status == data["to"]
    if restored:
        change_status([comment], data["from"], request.user)
        message = _("Undone: the comment is back to “%(status)s”.") % {
            "status": comment.get_status_display()
        }
    else:
        message = _("Not undone: someone has changed this comment since.")
    if wants_json(request):
        return JsonResponse(
            {
                "comment": comment.pk,
                "status": comment.status,
                "status_label": comment.get_status_display(),
                "message": message,
            },
            status=200 if restored else 409,
        )
    (messages.success if restored else messages.warning)(request, message)
    return redirect(safe_next_url(request, queue_default_url()))
