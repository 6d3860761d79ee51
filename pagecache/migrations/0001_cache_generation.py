from django.db import migrations, models


def create_the_row(apps, schema_editor):
    apps.get_model("pagecache", "CacheGeneration").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="CacheGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.BigIntegerField(default=0, verbose_name="number")),
            ],
            options={
                "verbose_name": "cache generation",
                "verbose_name_plural": "cache generations",
            },
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
