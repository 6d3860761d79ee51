"""The newsroom's side of the conversation: replying as staff, and the dashboard panel."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.components import Component

from comments.forms import StaffReplyForm
from comments.models import NAME_MAX_LENGTH, CommentSettings, CommentStatus, ReaderComment
from comments.moderation import change_status
from comments.permissions import moderators_only_response, user_can_moderate
from comments.threads import reply_target

DASHBOARD_LIMIT = 5


def queue_url(status=CommentStatus.PENDING):
    return reverse("wagtailsnippets_comments_readercomment:list") + f"?status={status}"


def staff_reply(request, pk):
    if not user_can_moderate(request.user):
        return moderators_only_response(request)
    comment = get_object_or_404(ReaderComment.objects.select_related("page"), pk=pk)
    if comment.status not in {CommentStatus.PENDING, CommentStatus.APPROVED}:
        messages.error(request, _("Only pending or approved comments can be answered."))
        return redirect("wagtailsnippets_comments_readercomment:edit", comment.pk)
    form = StaffReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if comment.status == CommentStatus.PENDING:
            # Answering a waiting comment publishes it: the reply would be orphaned otherwise.
            change_status([comment], CommentStatus.APPROVED, request.user)
        max_depth = CommentSettings.for_request(request).max_reply_depth
        user = request.user
        reply = ReaderComment.objects.create(
            page=comment.page,
            parent=reply_target(comment, max_depth) or comment,
            # A user's full name may be three times as long as a commenter's name may be.
            author_name=(user.get_full_name() or user.get_username())[:NAME_MAX_LENGTH],
            author_email=user.email or f"{user.get_username()}@staff.invalid",
            body=form.cleaned_data["body"],
            status=CommentStatus.APPROVED,
            user=user,
            is_staff_reply=True,
        )
        messages.success(
            request,
            _("Your reply is published."),
            buttons=[messages.button(reply.get_absolute_url(), _("View on the site"))],
        )
        return redirect(queue_url(CommentStatus.APPROVED))
    return TemplateResponse(
        request,
        "comments/admin/staff_reply.html",
        {"comment": comment, "form": form},
        status=400 if form.is_bound else 200,
    )


class PendingCommentsPanel(Component):
    name = "pending_reader_comments"
    template_name = "comments/admin/pending_panel.html"
    order = 150
    heading = gettext_lazy("Reader comments awaiting moderation")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pending = ReaderComment.objects.pending().select_related("page").order_by("-created_at")
        context.update(
            {
                "comments": pending[:DASHBOARD_LIMIT],
                "pending_count": pending.count(),
                "queue_url": queue_url(),
                "heading": self.heading,
            }
        )
        return context
