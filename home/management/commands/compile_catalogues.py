from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_paths():
    for locale_dir in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = (
        "Compile every .po catalogue in LOCALE_PATHS into its .mo file with polib, so no "
        "GNU gettext install is needed. The .mo files are committed: a fresh clone has them."
    )

    def handle(self, *args, **options):
        for po_path in catalogue_paths():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"compiled {po_path}")
