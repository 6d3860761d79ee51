from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_paths():
    """The project's own .po files: LOCALE_PATHS and each project app's `locale/` folder."""
    base_dir = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for folder in settings.LOCALE_PATHS]
    for app in apps.get_app_configs():
        app_path = Path(app.path).resolve()
        if app_path.is_relative_to(base_dir) and ".venv" not in app_path.parts:
            folders.append(app_path / "locale")
    for folder in folders:
        yield from sorted(folder.glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = (
        "Compile the project's .po catalogues into .mo files with polib, so no GNU gettext "
        "install is needed. The .mo files are committed: a fresh clone has them."
    )

    def handle(self, *args, **options):
        for po_path in catalogue_paths():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"compiled {po_path}")
