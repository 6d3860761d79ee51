import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


def create_gin_index(apps, schema_editor):
    # SQLite has no GIN index (nor tsvector); the fallback scans the normalised text instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX search_entry_vector_gin ON article_search_articlesearchentry "
            "USING gin (search_vector)"
        )
        # Narrow rows: long text and the full tsvector move to TOAST storage, so scanning
        # the matches of a common word reads few pages.
        schema_editor.execute(
            "ALTER TABLE article_search_articlesearchentry SET (toast_tuple_target = 128)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")
        schema_editor.execute(
            "ALTER TABLE article_search_articlesearchentry RESET (toast_tuple_target)"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSearchEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                        verbose_name="article",
                    ),
                ),
                ("language_code", models.CharField(max_length=8, verbose_name="language")),
                ("publication_date", models.DateTimeField(verbose_name="publication date")),
                ("title", models.TextField(verbose_name="normalised title")),
                ("standfirst", models.TextField(blank=True, verbose_name="normalised standfirst")),
                (
                    "labels",
                    models.TextField(
                        blank=True, verbose_name="normalised tags, authors and section"
                    ),
                ),
                ("body", models.TextField(blank=True, verbose_name="normalised body text")),
                (
                    "excerpt_source",
                    models.TextField(
                        blank=True,
                        help_text="The body's text with its original spelling, for result snippets.",
                        verbose_name="body text as written",
                    ),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "headline_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "section",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.page",
                        verbose_name="section",
                    ),
                ),
            ],
            options={
                "verbose_name": "article search entry",
                "verbose_name_plural": "article search entries",
            },
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
