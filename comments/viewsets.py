"""The moderation queue in the Wagtail admin: a snippet listing restricted to moderators.

Each row carries its own approve / spam / remove buttons (``comments/one_click.py``) and links
to the comment's own page (``CommentDetailView``); the bulk actions stay for sweeping.
"""

from functools import update_wrapper

import django_filters
from django.db.models import Q
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, DateColumn, TitleColumn
from wagtail.log_actions import registry as log_registry
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from articles.models import ArticlePage
from comments.models import CommentStatus, ReaderComment
from comments.one_click import UNDO_SECONDS, moderation_actions
from comments.permissions import moderators_only_response, user_can_moderate
from comments.queue_search import matching_comments


class ReaderCommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CommentStatus.choices, empty_label=_("Any status")
    )
    page = django_filters.ModelChoiceFilter(
        label=_("Article"),
        queryset=ArticlePage.objects.filter(reader_comments__isnull=False).distinct(),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Posted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ReaderComment
        fields = ["status", "page", "created_at"]


class CommentsMenuItem(MenuItem):
    """ "Comments", with the number waiting for a moderator."""

    def is_shown(self, request):
        return user_can_moderate(request.user)

    def render_component(self, request):
        pending = ReaderComment.objects.pending().count()
        label = self.label
        if pending:
            label = _("%(label)s (%(count)s)") % {"label": self.label, "count": pending}
        return LinkMenuItemComponent(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class CommentTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The comment's excerpt, linking to the comment's own page, with the row's "More" menu."""

    def __init__(self, *args, buttons_for, **kwargs):
        super().__init__(*args, **kwargs)
        self.buttons_for = buttons_for

    def get_buttons(self, instance, parent_context):
        return self.buttons_for(instance)


class CommentStatusColumn(Column):
    cell_template_name = "comments/admin/status_cell.html"


class ModerationButtonsColumn(Column):
    """Approve, spam and remove: one small POST form each, so they work without JavaScript."""

    cell_template_name = "comments/admin/moderation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context.update(
            {
                # The cell is rendered without the request's context processors.
                "csrf_token": get_token(request),
                "actions": moderation_actions(instance),
                "next_url": request.get_full_path(),
            }
        )
        return context


class ModerationQueueView(IndexView):
    def search_queryset(self, queryset):
        """Every word of the search, in any order and spelling (comments/queue_search.py)."""
        if not self.is_searching:
            return queryset
        return matching_comments(queryset, self.search_query)

    @cached_property
    def columns(self):
        return [
            CommentTitleColumn(
                column.name,
                label=column.label,
                accessor=column.accessor,
                get_url=self.get_inspect_url,
                get_title_id=lambda comment: f"snippet_{comment.pk}_title",
                buttons_for=self.get_list_buttons,
            )
            if column.name == "__str__"
            else column
            for column in super().columns
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["undo_seconds"] = UNDO_SECONDS
        return context


class CommentDetailView(InspectView):
    """One comment on its own page: the article it is under, its thread, its history."""

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        return ReaderComment.objects.select_related("page", "parent", "user").get(pk=comment.pk)

    page_title = _("Comment")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        root_id = comment.thread_root_id or comment.pk
        thread = list(
            ReaderComment.objects.filter(Q(pk=root_id) | Q(thread_root_id=root_id)).order_by(
                "created_at", "pk"
            )
        )
        article = comment.page.specific
        history = (
            log_registry.get_logs_for_instance(comment)
            .select_related("user")
            .order_by("-timestamp")[:10]
        )
        context.update(
            {
                "comment": comment,
                "article": article,
                "article_edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
                "thread": thread,
                "actions": moderation_actions(comment),
                "next_url": self.request.get_full_path(),
                "reply_url": reverse("comments_staff_reply", args=[comment.pk])
                if comment.status in {CommentStatus.PENDING, CommentStatus.APPROVED}
                else "",
                "history": history,
                "undo_seconds": UNDO_SECONDS,
                "queue_url": reverse("wagtailsnippets_comments_readercomment:list"),
            }
        )
        return context


class ReaderCommentViewSet(SnippetViewSet):
    model = ReaderComment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "reader-comments"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ModerationQueueView
    inspect_view_class = CommentDetailView
    index_template_name = "comments/admin/queue.html"
    inspect_template_name = "comments/admin/comment_detail.html"
    inspect_view_fields = [
        "page",
        "parent",
        "author_name",
        "author_email",
        "author_url",
        "body",
        "status",
        "created_at",
        "ip_address",
        "user_agent",
        "user",
        "is_staff_reply",
    ]
    filterset_class = ReaderCommentFilterSet
    search_fields = ["author_name", "author_email", "body"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        Column("__str__", label=_("Comment"), accessor="__str__"),
        # Next to the comment, so a phone shows the buttons without scrolling sideways.
        ModerationButtonsColumn("moderate", label=_("Moderate")),
        CommentStatusColumn("status", label=_("Status"), accessor="get_status_display"),
        Column("page", label=_("Article")),
        DateColumn("created_at", label=_("Posted")),
    ]
    export_filename = "reader-comments"

    @cached_property
    def menu_item_class(self):
        return CommentsMenuItem

    def construct_view(self, view_class, **kwargs):
        # Wagtail's own check redirects to the dashboard; ours answers 403 Forbidden, so a
        # writer following a link to the queue is told plainly.
        view = super().construct_view(view_class, **kwargs)

        def moderators_only(request, *args, **kwargs):
            if not user_can_moderate(request.user):
                return moderators_only_response(request)
            return view(request, *args, **kwargs)

        return update_wrapper(moderators_only, view)

    def get_queryset(self, request):
        return ReaderComment.objects.select_related("page")
