"""A home page's sections, read in one statement for every listing that needs them.

Listings of a whole language (the front page, tags, authors, the site feed) name the home
page's sections in their query (``ArticlePage.objects.listed_under``), and the front page,
tags and authors show each card's section, which takes the live, public ones as pages. Each
was a query of its own on every page drawn with nothing cached; here one statement reads every
section of the home page, published or not, as field values (pagecache/snapshots.py), kept for
the cache generation (``home-sections`` in pagecache/registry.py): a section published,
unpublished, moved or deleted starts a new one. Which of them are public is decided when they
are used, from the restricted pages (kept for the generation too).

Written by hand from the model's own table and column names, from the (small) sections table:
the page table's path index cannot serve the "path starts with" of ``child_of``, and the ORM
took longer to build the query and its objects than the database took to answer it.
tests/articles/test_home_sections.py holds it to the ORM's answer.
"""

from django.apps import apps
from django.db import connections

from articles.cards import RowLoader
from core.restrictions import is_restricted
from core.tree_sql import children_of
from pagecache.registry import cached_value
from pagecache.snapshots import rebuild

HOME_SECTIONS = cached_value("home-sections")


def home_sections(home) -> list[dict]:
    """Every section of ``home``, published or not, as snapshots in the tree's order."""
    return HOME_SECTIONS.get_or_compute(home.pk, compute=lambda: read_sections(home))


def section_ids(home) -> list[int]:
    """The ids of all the home page's sections, published or not."""
    return [section["values"]["page_ptr_id"] for section in home_sections(home)]


def live_sections(home) -> list:
    """The home page's live, public sections, each a page of this request's own."""
    return [
        rebuild(section)
        for section in home_sections(home)
        if section["values"]["live"] and not is_restricted(section["values"]["path"])
    ]


def read_sections(home) -> list[dict]:
    """What ``snapshots(SectionPage.objects.child_of(home))`` gives, in one statement."""
    model = apps.get_model("articles", "SectionPage")
    page_model = model._meta.pk.related_model
    connection = connections[model.objects.db]
    quote = connection.ops.quote_name
    fields = list(model._meta.concrete_fields)
    columns = ", ".join(
        f"{'s' if field.model is model else 'p'}.{quote(field.column)}" for field in fields
    )
    path = quote(page_model._meta.get_field("path").column)
    depth = quote(page_model._meta.get_field("depth").column)
    sql = (
        f"SELECT {columns} FROM {quote(model._meta.db_table)} s "  # noqa: S608 -- quoted model names
        f"INNER JOIN {quote(page_model._meta.db_table)} p "
        f"ON p.{quote(page_model._meta.pk.column)} = s.{quote(model._meta.pk.column)} "
        f"WHERE {children_of(home, f'p.{path}', f'p.{depth}')} ORDER BY p.{path}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [])
        rows = cursor.fetchall()
    loader = RowLoader(connection, model, fields)
    label = model._meta.label_lower
    return [{"model": label, "values": loader.values(row), "related": {}} for row in rows]
