from django.db import migrations

from newsroom.workflows import ensure_workflows


def create_workflows(apps, schema_editor):
    ensure_workflows(apps)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_roles")]

    operations = [migrations.RunPython(create_workflows, migrations.RunPython.noop)]
