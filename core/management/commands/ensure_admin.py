import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists. The username and password come from "
        "DJANGO_ADMIN_USERNAME and DJANGO_ADMIN_PASSWORD; without a password one is generated "
        "once and kept in .admin-credentials (git-ignored) so later runs can print it again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--credentials-file",
            default=str(Path(settings.BASE_DIR) / ".admin-credentials"),
            help="Where a generated password is kept for the next run.",
        )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_ADMIN_USERNAME", "admin")
        email = os.environ.get("DJANGO_ADMIN_EMAIL", "admin@example.com")
        password = os.environ.get("DJANGO_ADMIN_PASSWORD")
        credentials_file = Path(options["credentials_file"])

        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            if not password:
                password = secrets.token_urlsafe(12)
                credentials_file.write_text(f"{username}\n{password}\n", encoding="utf-8")
                credentials_file.chmod(0o600)
            user_model.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(f"Created administrator “{username}”.")
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Updated the password of “{username}” from DJANGO_ADMIN_PASSWORD.")

        if not password and credentials_file.exists():
            stored_user, _, stored_password = credentials_file.read_text("utf-8").partition("\n")
            if stored_user == username:
                password = stored_password.strip()
        shown = password or "(unchanged; set DJANGO_ADMIN_PASSWORD to reset it)"
        self.stdout.write(f"Admin login: {username} / {shown}")
