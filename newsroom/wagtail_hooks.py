from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Author, SectionPage
from newsroom.access import can_create_sections, can_publish_directly, refuse_with_403
from newsroom.dashboard import MyDraftsPanel, PublishedPerSectionPanel, ReturnedToMePanel


def _asks_to_publish(request) -> bool:
    return request.method == "POST" and bool(request.POST.get("action-publish"))


@hooks.register("before_create_page")
def refuse_sections_and_unreviewed_publishing_on_create(request, parent_page, page_class):
    if issubclass(page_class, SectionPage) and not can_create_sections(request.user, parent_page):
        return refuse_with_403(request)
    if _asks_to_publish(request) and not can_publish_directly(request.user, parent_page):
        return refuse_with_403(request)
    return None


@hooks.register("before_edit_page")
def refuse_unreviewed_publishing_on_edit(request, page):
    if _asks_to_publish(request) and not can_publish_directly(request.user, page):
        return refuse_with_403(request)
    return None


@hooks.register("before_copy_page")
def refuse_unreviewed_publishing_on_copy(request, page):
    if (
        request.method == "POST"
        and request.POST.get("publish_copies")
        and not can_publish_directly(request.user, page)
    ):
        return refuse_with_403(request)
    return None


@hooks.register("before_bulk_action")
def refuse_unreviewed_bulk_publishing(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    if any(
        isinstance(item, Page) and not can_publish_directly(request.user, item) for item in objects
    ):
        return refuse_with_403(request)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_from_reviewers_without_the_final_say(menu_items, request, context):
    page = context.get("page")
    if page is None or page.pk is None:
        page = context.get("parent_page")
    if page is None or can_publish_directly(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("insert_global_admin_css")
def block_editor_css():
    """Bullet items laid out compactly; labelled add buttons (newsroom/static/newsroom/)."""
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/block_editor.css"))


@hooks.register("insert_editor_js")
def block_editor_js():
    return format_html('<script src="{}" defer></script>', static("newsroom/block_editor.js"))


@hooks.register("insert_global_admin_css")
def newsroom_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/dashboard.css"))


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    panels.extend([MyDraftsPanel(), ReturnedToMePanel(), PublishedPerSectionPanel()])


class TagViewSet(SnippetViewSet):
    """Editors tidy the tags writers type on articles."""

    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(TagViewSet)


class AuthorViewSet(SnippetViewSet):
    """Editors keep the list of bylines; writers only pick from it."""

    model = Author
    icon = "user"
    menu_label = _("Bylines")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "slug"]


register_snippet(AuthorViewSet)
