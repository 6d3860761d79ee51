from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pagecache", "0001_cache_generation")]

    operations = [
        migrations.AddField(
            model_name="cachegeneration",
            name="keyed_changes",
            field=models.BigIntegerField(default=0, db_default=0, verbose_name="changes by key"),
        ),
    ]
