"""Two indexes on Wagtail's page table for lookups the site makes on every request.

Wagtail indexes neither column. Without them, finding a page by its URL path (the home page's
one-query routing, home/models.py) and the sitemap's last modification (core/sitemaps.py)
read the whole table: tens of milliseconds at 100,000 articles, on every request.
"""

from django.db import migrations

INDEXES = {
    "home_page_url_path_idx": "url_path",
    "home_page_last_published_idx": "last_published_at",
}


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_front_page_curation"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({column})",
            f"DROP INDEX IF EXISTS {name}",
            elidable=False,
        )
        for name, column in INDEXES.items()
    ]
