"""The README explains roles and workflow to the people who run the newsroom (Done when 9)."""

from pathlib import Path

from newsroom.roles import EDITOR_IN_CHIEF, SECTION_EDITORS, WRITERS
from newsroom.workflows import EDITORIAL_REVIEW, SENSITIVE_REVIEW

README = Path(__file__).resolve().parents[2] / "README.md"


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_readme_has_a_roles_and_workflow_section_covering_each_role_and_path():
    roles = section(README.read_text(encoding="utf-8"), "Roles and workflow")
    for name in (WRITERS, SECTION_EDITORS, EDITOR_IN_CHIEF, "Administrators"):
        assert f"**{name}**" in roles
    for name in (EDITORIAL_REVIEW, SENSITIVE_REVIEW):
        assert f"**{name}**" in roles
    for subject in (
        "سياسة",
        "Request changes",
        "Returned to me",
        "publish_scheduled",
        "scheduler",
        "axes_reset",
        "Assign to another page",
    ):
        assert subject in roles, subject
