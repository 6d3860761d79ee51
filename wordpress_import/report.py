"""What an import did, per kind of thing, with the reason for everything it did not do.

The same report is printed as a table by the command, written as JSON with ``--report``,
stored on the ``ImportRun`` and shown in the admin.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

OUTCOMES = ("imported", "updated", "unchanged", "skipped")
KINDS = ("post", "page", "attachment", "comment", "category", "tag", "author", "redirect")
KIND_LABELS = {
    "post": _("Articles"),
    "page": _("Information pages"),
    "attachment": _("Images"),
    "comment": _("Comments"),
    "category": _("Sections"),
    "tag": _("Tags"),
    "author": _("Authors"),
    "redirect": _("Redirects"),
}
OUTCOME_LABELS = {
    "imported": _("imported"),
    "updated": _("updated"),
    "unchanged": _("unchanged"),
    "skipped": _("skipped"),
}
# Warnings are kept for every item, but a report of a huge archive stays readable.
MAX_WARNINGS = 5000


@dataclass
class KindTally:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    reasons: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "skipped_reasons": dict(self.reasons),
        }


@dataclass
class ImportReport:
    site: str = ""
    wxr_version: str = ""
    language: str = ""
    dry_run: bool = False
    tallies: dict[str, KindTally] = field(default_factory=lambda: {k: KindTally() for k in KINDS})
    warnings: list[dict] = field(default_factory=list)
    warnings_left_out: int = 0
    total_items: int = 0
    elapsed_seconds: float = 0.0
    articles_per_second: float = 0.0
    items_per_second: float = 0.0

    def count(self, kind: str, outcome: str, reason: str = "") -> None:
        tally = self.tallies[kind]
        setattr(tally, outcome, getattr(tally, outcome) + 1)
        if outcome == "skipped" and reason:
            tally.reasons[reason] += 1

    def warn(
        self,
        kind: str,
        wp_id,
        messages: list[str],
        *,
        title: str = "",
        page_id: int | None = None,
        dropped: dict | None = None,
        unknown: dict | None = None,
    ) -> None:
        if not (messages or dropped or unknown):
            return
        if len(self.warnings) >= MAX_WARNINGS:
            self.warnings_left_out += 1
            return
        self.warnings.append(
            {
                "kind": kind,
                "wp_id": wp_id,
                "title": title,
                "page_id": page_id,
                "messages": list(messages),
                "dropped": dict(dropped or {}),
                "unknown": dict(unknown or {}),
            }
        )

    def as_dict(self) -> dict:
        return {
            "site": self.site,
            "wxr_version": self.wxr_version,
            "language": self.language,
            "dry_run": self.dry_run,
            "kinds": {kind: tally.as_dict() for kind, tally in self.tallies.items()},
            "warnings": self.warnings,
            "warnings_left_out": self.warnings_left_out,
            "total_items": self.total_items,
            "elapsed_seconds": round(self.elapsed_seconds, 2),
            "items_per_second": round(self.items_per_second, 1),
            "articles_per_second": round(self.articles_per_second, 1),
        }


def summary_rows(report: dict) -> list[dict]:
    """One row per kind for the table and the admin: label, counts and reasons."""
    rows = []
    for kind in KINDS:
        tally = report.get("kinds", {}).get(kind)
        if tally is None:
            continue
        rows.append(
            {
                "kind": kind,
                "label": KIND_LABELS[kind],
                **{outcome: tally.get(outcome, 0) for outcome in OUTCOMES},
                "reasons": tally.get("skipped_reasons", {}),
            }
        )
    return rows
