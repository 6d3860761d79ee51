"""home/migrations/0003 adds two indexes to Wagtail's own page table with raw SQL."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db

OUR_INDEXES = {
    "home_page_url_path_idx": "url_path",
    "home_page_last_published_idx": "last_published_at",
}


def test_the_page_table_and_columns_are_still_wagtails_and_indexed_only_by_us():
    assert Page._meta.db_table == "wagtailcore_page", "Wagtail renamed its page table"
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    for name, column in OUR_INDEXES.items():
        assert constraints.get(name, {}).get("columns") == [column], f"{name} is missing"
        field = Page._meta.get_field(column)
        wagtail_indexes = [index for index in Page._meta.indexes if list(index.fields) == [column]]
        assert not field.db_index and not wagtail_indexes, (
            f"Wagtail now indexes {column} itself: drop {name} with a migration (docs/upgrading.md)"
        )
