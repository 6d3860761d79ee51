"""The moderation queue in the Wagtail admin: a snippet listing restricted to moderators."""

from functools import update_wrapper

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from articles.models import ArticlePage
from comments.models import CommentStatus, ReaderComment
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


class ReaderCommentIndexView(IndexView):
    def search_queryset(self, queryset):
        """Every word of the search, in any order and spelling (comments/queue_search.py)."""
        if not self.is_searching:
            return queryset
        return matching_comments(queryset, self.search_query)


class ReaderCommentViewSet(SnippetViewSet):
    model = ReaderComment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "reader-comments"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
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
    index_view_class = ReaderCommentIndexView
    search_fields = ["author_name", "author_email", "body"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        Column("__str__", label=_("Comment"), accessor="__str__"),
        Column("page", label=_("Article")),
        Column("status", label=_("Status"), accessor="get_status_display"),
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
