"""Installs made before names were shown through the catalogue named the moderators' group in
the site's language; it gets its source-text name, which each admin user reads translated."""

from django.db import migrations

GROUP_NAME = "Comment moderators"
# The catalogue's translations when the group was named in the site's language (frozen here).
EARLIER_NAMES = ["مشرفو التعليقات", "Modérateurs des commentaires"]


def rename_to_source_text(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    if Group.objects.filter(name=GROUP_NAME).exists():
        return
    group = (
        Group.objects.filter(
            name__in=EARLIER_NAMES, permissions__codename="moderate_readercomment"
        )
        .order_by("pk")
        .first()
    )
    if group is not None:
        group.name = GROUP_NAME
        group.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_comment_moderators_group")]

    operations = [migrations.RunPython(rename_to_source_text, migrations.RunPython.noop)]
