"""articles/card_display.py writes a card's picture as Wagtail's ``{% srcset_image %}`` does,
from Wagtail's own renditions, and keeps one set of ``Filter`` objects for every picture: it
relies on Wagtail's markup (``ResponsiveImage``, ``img_tag``, ``flatatt``) staying as it is, and
on a ``Filter`` keeping nothing of the pictures it served."""

import pytest
from django.template import engines

from articles.card_display import PICTURES, picture_html
from tests.factories import make_image

pytestmark = pytest.mark.django_db

# Each of the card's pictures as the card's template asked Wagtail for it.
WAGTAIL_TAGS = {
    "lead": (
        '{% srcset_image picture fill-{320x180,640x360,960x540,1280x720} sizes="(min-width: '
        '72rem) 44rem, (min-width: 48rem) 62vw, 100vw" class="article-card__image" alt="" '
        'fetchpriority="high" %}'
    ),
    "lazy": (
        '{% srcset_image picture fill-{320x180,640x360,960x540} sizes="(min-width: 64rem) '
        '22rem, (min-width: 48rem) 45vw, 100vw" class="article-card__image" alt="" '
        'loading="lazy" decoding="async" %}'
    ),
    "plain": (
        '{% srcset_image picture fill-{320x180,640x360,960x540} sizes="(min-width: 64rem) '
        '22rem, (min-width: 48rem) 45vw, 100vw" class="article-card__image" alt="" %}'
    ),
}


def wagtail_markup(kind: str, picture) -> str:
    template = engines["django"].from_string("{% load wagtailimages_tags %}" + WAGTAIL_TAGS[kind])
    return template.render({"picture": picture})


@pytest.mark.parametrize("kind", list(PICTURES))
def test_the_card_picture_is_drawn_as_wagtail_draws_it(kind):
    for picture in (make_image("أولى", 1600, 900), make_image("ثانية", 900, 1600)):
        assert picture_html(picture, PICTURES[kind]) == wagtail_markup(kind, picture), (
            "Wagtail's srcset_image changed: revisit articles/card_display.py (docs/upgrading.md)"
        )


def test_a_lost_original_draws_wagtails_not_found_picture():
    picture = make_image("مفقودة")
    picture.file.storage.delete(picture.file.name)
    assert picture_html(picture, PICTURES["plain"]) == wagtail_markup("plain", picture)


def test_the_filters_keep_nothing_of_a_picture():
    filters = PICTURES["lazy"].filters
    picture_html(make_image("أولى"), PICTURES["lazy"])
    picture_html(make_image("ثانية", 900, 1600), PICTURES["lazy"])
    assert PICTURES["lazy"].filters is filters
    parsed = {"spec", "operations", "transform_operations", "filter_operations"}
    for kept in filters:
        assert set(vars(kept)) <= parsed, (
            "Wagtail's Filter now keeps more than its parsed spec: a Filter shared between "
            "pictures may carry one picture's state to the next "
            "(articles/card_display.py, docs/upgrading.md)"
        )
