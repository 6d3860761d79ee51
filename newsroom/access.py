"""Who may do what beyond Wagtail's own permissions, and how a refusal is answered."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from wagtail.admin.localization import get_localized_response


def permission_denied_page(request):
    return TemplateResponse(request, "newsroom/permission_denied.html", status=403)


def refuse_with_403(request):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    # Wagtail calls this outside the user's admin language (it catches the refusal after
    # leaving it), so the page would follow the browser's language instead.
    return get_localized_response(permission_denied_page, request)


def final_approval_groups(page):
    """The groups that give the last approval on ``page``'s workflow (empty if it has none)."""
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return None
    tasks = list(workflow.tasks.filter(active=True).specific())
    if not tasks:
        return None
    last = tasks[-1]
    groups = getattr(last, "groups", None)
    return groups.all() if groups is not None else None


def can_publish_directly(user, page) -> bool:
    """Publishing without review is a shortcut only for whoever has the final say.

    Wagtail lets anyone with "publish" permission skip a page's workflow; in a newsroom that
    would let a section editor publish in "سياسة" without the editor-in-chief. So beyond
    Wagtail's permission, the user must belong to a group that approves the workflow's last step.
    """
    if user.is_superuser:
        return True
    groups = final_approval_groups(page)
    if groups is None:
        return True
    return user.groups.filter(pk__in=groups.values("pk")).exists()


def can_create_sections(user, parent_page) -> bool:
    """Sections shape the whole site: only people who may publish there create them."""
    return parent_page.permissions_for_user(user).can_publish_subpage()
