from django.core.management.base import BaseCommand

from articles.readership import VIEWS_KEPT_DAYS, prune_old_views


class Command(BaseCommand):
    help = (
        f"Delete the most-read counts older than {VIEWS_KEPT_DAYS} days. The first counted view "
        "of each day does it too; run this daily where the site may go days without readers."
    )

    def handle(self, *args, **options):
        deleted = prune_old_views()
        if options["verbosity"]:
            self.stdout.write(
                f"Deleted {deleted} daily count(s) older than {VIEWS_KEPT_DAYS} days."
            )
