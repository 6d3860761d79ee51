"""articles/cards.py reads article cards (listings, the end of an article) with statements of
its own and makes the rows model instances as the ORM does: ``Model.from_db`` with each field's
database converters (``connection.ops.get_db_converters`` and the column's
``get_db_converters``), and the lead picture put in the instance's private
``_state.fields_cache`` as ``select_related`` does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.cards import RowLoader
from articles.models import ArticlePage
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def test_a_row_read_by_hand_is_the_instance_the_orm_makes(demo_site):
    image = make_image()
    article = make_article(demo_site["politics"], lead_image=image)
    fields = [field for field in ArticlePage._meta.concrete_fields if field.name != "body"]
    read = ArticlePage.objects.defer("body").get(pk=article.pk)
    columns = ", ".join(
        f"{connection.ops.quote_name(field.model._meta.db_table)}."
        f"{connection.ops.quote_name(field.column)}"
        for field in fields
    )
    page = connection.ops.quote_name("wagtailcore_page")
    own = connection.ops.quote_name(ArticlePage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {own} INNER JOIN {page} "  # noqa: S608 -- quoted names
            f"ON {page}.id = {own}.page_ptr_id WHERE {own}.page_ptr_id = %s",
            [article.pk],
        )
        row = cursor.fetchone()
    loaded = RowLoader(connection, ArticlePage, fields).load(row)
    for field in fields:
        assert getattr(loaded, field.attname) == getattr(read, field.attname), (
            f"{field.name} is not what the ORM reads: revisit articles/cards.py (docs/upgrading.md)"
        )
    assert loaded.get_deferred_fields() == read.get_deferred_fields()
    loaded._state.fields_cache["lead_image"] = image
    with CaptureQueriesContext(connection) as captured:
        assert loaded.lead_image is image
    assert not captured, "Django no longer reads a loaded relation from _state.fields_cache"
