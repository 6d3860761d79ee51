"""core/restrictions.py: ``public()`` leaves out restricted pages from a cached list of paths."""

import pytest
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_public_leaves_out_what_wagtails_public_leaves_out(demo_site):
    PageViewRestriction.objects.create(
        page=demo_site["politics"], restriction_type=PageViewRestriction.LOGIN
    )
    ours = set(ArticlePage.objects.live().public().values_list("pk", flat=True))
    wagtails = set(Page.objects.type(ArticlePage).live().public().values_list("pk", flat=True))
    assert demo_site["article"].pk not in wagtails
    assert ours == wagtails, (
        "Wagtail's public() and ours disagree: revisit CachedPublicPageQuerySet (docs/upgrading.md)"
    )
