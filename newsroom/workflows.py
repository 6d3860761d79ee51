"""The newsroom's review paths, made by data migrations and editable afterwards in the admin.

"Editorial review" (Section editors approve) covers the whole site; "Sensitive review" (Section
editors, then the Editor-in-chief) covers the sections it is assigned to, "سياسة" from the start.
"""

from django.utils.translation import gettext_noop
from wagtail.models import Workflow, WorkflowPage

from newsroom.roles import EDITOR_IN_CHIEF, SECTION_EDITORS

EDITORIAL_REVIEW = gettext_noop("Editorial review")
SENSITIVE_REVIEW = gettext_noop("Sensitive review")
SECTION_EDITOR_APPROVAL = gettext_noop("Section editor approval")
EDITOR_IN_CHIEF_SIGN_OFF = gettext_noop("Editor-in-chief sign-off")
WORKFLOW_NAMES = (EDITORIAL_REVIEW, SENSITIVE_REVIEW)
TASK_NAMES = (SECTION_EDITOR_APPROVAL, EDITOR_IN_CHIEF_SIGN_OFF)

WORKFLOW_STEPS = {
    EDITORIAL_REVIEW: [(SECTION_EDITOR_APPROVAL, SECTION_EDITORS)],
    SENSITIVE_REVIEW: [
        (SECTION_EDITOR_APPROVAL, SECTION_EDITORS),
        (EDITOR_IN_CHIEF_SIGN_OFF, EDITOR_IN_CHIEF),
    ],
}
SENSITIVE_SECTION_SLUGS = ("politics",)
WAGTAIL_EXAMPLE_WORKFLOW = "Moderators approval"


def _approval_task(apps, name, group_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=name, content_type=content_type)
    task.groups.add(Group.objects.get(name=group_name))
    return task


def _remove_wagtail_example_workflow(apps) -> None:
    """Wagtail's migrations add a sample workflow on the root page; ours replaces it if unused."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    example = Workflow.objects.filter(name=WAGTAIL_EXAMPLE_WORKFLOW).first()
    if example is None or WorkflowState.objects.filter(workflow=example).exists():
        return
    task_ids = list(example.workflow_tasks.values_list("task_id", flat=True))
    example.delete()
    for task in Task.objects.filter(pk__in=task_ids, workflow_tasks__isnull=True):
        if not TaskState.objects.filter(task=task).exists():
            task.delete()


def ensure_workflows(apps) -> None:
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")

    _remove_wagtail_example_workflow(apps)
    workflows = {}
    for name, steps in WORKFLOW_STEPS.items():
        workflow, _created = Workflow.objects.get_or_create(name=name)
        for order, (task_name, group_name) in enumerate(steps):
            task = _approval_task(apps, task_name, group_name)
            WorkflowTask.objects.get_or_create(
                workflow=workflow, task=task, defaults={"sort_order": order}
            )
        workflows[name] = workflow

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        WorkflowPage.objects.get_or_create(
            page=root_page, defaults={"workflow": workflows[EDITORIAL_REVIEW]}
        )
    # Sections that already exist when the migration runs; new installs get "سياسة" from the
    # demo build, which calls assign_sensitive_review below.
    for page in Page.objects.filter(slug__in=SENSITIVE_SECTION_SLUGS, depth=3):
        WorkflowPage.objects.get_or_create(
            page=page, defaults={"workflow": workflows[SENSITIVE_REVIEW]}
        )


def assign_sensitive_review(section) -> bool:
    """Put ``section`` under "Sensitive review" unless it already has a workflow of its own.

    Returns whether anything changed, so the demo build can stay quiet on a second run.
    """
    if WorkflowPage.objects.filter(page=section).exists():
        return False
    workflow = Workflow.objects.filter(name=SENSITIVE_REVIEW).first()
    if workflow is None:
        return False
    WorkflowPage.objects.create(page=section, workflow=workflow)
    return True
