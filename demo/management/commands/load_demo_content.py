from django.core.management.base import BaseCommand

from demo.builder import build_demo_content


class Command(BaseCommand):
    help = (
        "Build the demo newsroom (home page, sections, an author and the seed article). "
        "Safe to run again: what exists is left as it is."
    )

    def handle(self, *args, **options):
        report = build_demo_content()
        if report.created:
            for what in report.created:
                self.stdout.write(f"created {what}")
        else:
            self.stdout.write("demo content already present; nothing changed")
