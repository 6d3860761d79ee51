"""core/templatetags/picture_tags.py draws ``srcset_image`` with Wagtail's node, keeping its
``Filter`` objects: it relies on ``SrcsetImageNode.get_filters()`` making them and on a
``Filter`` keeping nothing of the pictures it served."""

import pytest
from django.template import engines

from tests.factories import make_image

pytestmark = pytest.mark.django_db

TAG = (
    '{% srcset_image picture fill-{320x180,640x360} sizes="50vw" class="card" alt="" '
    'loading="lazy" %}'
)


def render(library: str, picture) -> str:
    template = engines["django"].from_string("{% load " + library + " %}" + TAG)
    return template.render({"picture": picture})


def test_the_picture_is_drawn_as_wagtail_draws_it():
    first, second = make_image("أولى", 1600, 900), make_image("ثانية", 900, 1600)
    for picture in (first, second):
        assert render("picture_tags", picture) == render("wagtailimages_tags", picture), (
            "Wagtail's srcset_image changed: revisit core/templatetags/picture_tags.py "
            "(docs/upgrading.md)"
        )


def test_the_filters_are_made_once_and_keep_nothing_of_a_picture():
    template = engines["django"].from_string("{% load picture_tags %}" + TAG)
    node = next(node for node in template.template.nodelist if hasattr(node, "get_filters"))
    template.render({"picture": make_image("أولى")})
    filters = node.get_filters()
    template.render({"picture": make_image("ثانية", 900, 1600)})
    assert node.get_filters() is filters
    parsed = {"spec", "operations", "transform_operations", "filter_operations"}
    for kept in filters:
        assert set(vars(kept)) <= parsed, (
            "Wagtail's Filter now keeps more than its parsed spec: a Filter shared between "
            "pictures may carry one picture's state to the next "
            "(core/templatetags/picture_tags.py, docs/upgrading.md)"
        )
