"""The "Comment moderators" group, named in the site's default language, with the permission."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext

def group_name():
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Comment moderators")


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name())
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="comments", codename="moderate_readercomment"
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=group_name()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
