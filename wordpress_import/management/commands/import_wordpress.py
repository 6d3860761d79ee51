"""manage.py import_wordpress EXPORT.xml: bring a WordPress site's archive across."""

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress_import.importer import ImportOptions, run_import
from wordpress_import.report import OUTCOMES, summary_rows
from wordpress_import.wxr import ExportError

BAR_WIDTH = 30


class ProgressDisplay:
    """A bar with items done, items per second and time left on a terminal; lines otherwise."""

    def __init__(self, stream, is_terminal: bool):
        self.stream = stream
        self.is_terminal = is_terminal
        self.started = time.monotonic()
        self.last_line = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        left = (total - done) / rate if rate and total else 0
        if self.is_terminal:
            filled = int(BAR_WIDTH * done / total) if total else BAR_WIDTH
            bar = "█" * filled + "·" * (BAR_WIDTH - filled)
            self.stream.write(
                f"\r{bar} {done}/{total} items  {rate:,.1f}/s  {left:,.0f} s left ",
                ending="",
            )
            if done >= total:
                self.stream.write("")
            self.stream.flush()
        elif now - self.last_line >= 5 or done >= total:
            self.last_line = now
            self.stream.write(f"{done}/{total} items, {rate:,.1f}/s, {left:,.0f} s left")


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): articles, pages, sections, tags, authors, images, "
        "comments and old URLs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "export", type=Path, help="The WXR file from WordPress (Tools → Export)."
        )
        parser.add_argument("--language", default="ar", help="The language tree to import into.")
        parser.add_argument("--uploads", type=Path, help="A copy of the site's wp-content/uploads.")
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Download attachments from their URLs (images only, size-limited).",
        )
        parser.add_argument(
            "--default-section",
            default="",
            help="The section (slug) for posts with no category or only “Uncategorized”.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-import items whose post_modified_gmt changed since the last import.",
        )
        parser.add_argument("--report", type=Path, help="Write the report as JSON to this file.")

    def handle(self, *args, **options):
        is_terminal = hasattr(sys.stdout, "isatty") and sys.stdout.isatty()
        import_options = ImportOptions(
            language=options["language"],
            uploads=options["uploads"],
            fetch_media=options["fetch_media"],
            default_section=options["default_section"],
            dry_run=options["dry_run"],
            update=options["update"],
        )
        try:
            report = run_import(
                options["export"],
                import_options,
                progress=ProgressDisplay(self.stdout, is_terminal),
            )
        except ExportError as error:
            raise CommandError(str(error)) from None
        data = report.as_dict()
        self.print_summary(data)
        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            self.stdout.write(f"Report written to {options['report']}")

    def print_summary(self, data: dict) -> None:
        title = "Dry run: nothing was written." if data["dry_run"] else "Import finished."
        self.stdout.write(self.style.SUCCESS(title))
        header = f"{'':<20}" + "".join(f"{outcome:>11}" for outcome in OUTCOMES)
        self.stdout.write(header)
        for row in summary_rows(data):
            counts = "".join(f"{row[outcome]:>11}" for outcome in OUTCOMES)
            self.stdout.write(f"{row['kind']:<20}{counts}")
            for reason, count in sorted(row["reasons"].items()):
                self.stdout.write(f"{'':<22}skipped, {reason}: {count}")
        warnings = data["warnings"]
        if warnings:
            self.stdout.write(
                self.style.WARNING(f"{len(warnings)} items to look at (see the report for all):")
            )
            for warning in warnings[:20]:
                details = "; ".join(warning["messages"])
                for label, counts in (
                    ("dropped", warning["dropped"]),
                    ("unknown", warning["unknown"]),
                ):
                    if counts:
                        details += f"; {label}: " + ", ".join(
                            f"{k}: {v}" for k, v in counts.items()
                        )
                self.stdout.write(
                    f"  {warning['kind']} {warning['wp_id']} {warning['title']}: {details}"
                )
        self.stdout.write(
            f"{data['elapsed_seconds']} s, {data['items_per_second']} items/s, "
            f"{data['articles_per_second']} articles/s"
        )
