from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.models import ReaderComment


class Command(BaseCommand):
    help = (
        "Erase the IP address and browser of reader comments older than the retention period "
        "(COMMENTS_PERSONAL_DATA_RETENTION_DAYS, 90 days unless set). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "COMMENTS_PERSONAL_DATA_RETENTION_DAYS", 90),
            help="Keep the data of comments younger than this many days.",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            self.stderr.write("--days must be zero or more.")
            raise SystemExit(2)
        cutoff = timezone.now() - timedelta(days=days)
        erased = (
            ReaderComment.objects.filter(created_at__lt=cutoff)
            .exclude(ip_address__isnull=True, user_agent="")
            .update(ip_address=None, user_agent="")
        )
        self.stdout.write(f"Erased the IP address and browser of {erased} comment(s).")
