"""The newsroom's panels on the Wagtail dashboard: what each person has to act on.

Wagtail's own "Awaiting your review" panel already lists the steps a reviewer can approve; these
add the writer's side (drafts, articles sent back) and, for editors, the publishing rhythm.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language_bidi
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from articles.models import ArticlePage
from newsroom.chart import DAYS, chart_days, section_charts
from newsroom.roles import EDITOR_ROLES

PANEL_LIMIT = 10


def is_editor(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=EDITOR_ROLES).exists()


class MyDraftsPanel(Component):
    """Articles the user owns with changes nobody has published yet and no review under way."""

    name = "newsroom_my_drafts"
    template_name = "newsroom/panels/my_drafts.html"
    order = 230

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        # WorkflowState.object_id is text (it serves any model); cast it to compare with pks.
        in_review = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .annotate(page_id=Cast("object_id", IntegerField()))
            .values("page_id")
        )
        drafts = (
            ArticlePage.objects.filter(
                owner=user, has_unpublished_changes=True, alias_of__isnull=True
            )
            .exclude(pk__in=in_review)
            .defer_streamfields()
            .order_by("-latest_revision_created_at")[:PANEL_LIMIT]
        )
        return {"drafts": drafts}


class ReturnedToMePanel(Component):
    """Articles the user submitted that a reviewer sent back, with the reviewer's comment."""

    name = "newsroom_returned_to_me"
    template_name = "newsroom/panels/returned_to_me.html"
    order = 215

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_NEEDS_CHANGES,
                requested_by=user,
                base_content_type=ContentType.objects.get_for_model(Page),
            )
            .select_related("current_task_state__finished_by", "current_task_state__task")
            .order_by("-current_task_state__finished_at")[:PANEL_LIMIT]
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        returned = [
            {
                "page": pages[int(state.object_id)],
                "task_state": state.current_task_state,
                "comment": state.current_task_state.comment,
            }
            for state in states
            if int(state.object_id) in pages
        ]
        return {"returned": returned}


class PublishedPerSectionPanel(Component):
    """For editors: articles published per day over the last 30 days, one chart per section."""

    name = "newsroom_published_per_section"
    template_name = "newsroom/panels/published_per_section.html"
    order = 240

    def render_html(self, parent_context):
        if not is_editor(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        return {
            "charts": section_charts(right_to_left=get_language_bidi(), today=today),
            "days": DAYS,
            "first_day": chart_days(today)[0],
        }
