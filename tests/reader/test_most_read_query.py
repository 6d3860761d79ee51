"""The most-read list, read by hand (articles/readership.py), is the ORM's."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.listing import NEWEST_FIRST
from articles.models import ArticlePage
from articles.readership import MOST_READ_DAYS, ArticleDailyViews, most_read_articles
from pagecache.store import request_scope
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_the_seed_article")]


def orm_most_read(home, limit):
    since = timezone.localdate() - timedelta(days=MOST_READ_DAYS - 1)
    articles = (
        ArticlePage.objects.listed_under(home)
        .filter(alias_of__isnull=True, daily_views__day__gte=since)
        .annotate(recent_views=Sum("daily_views__views"))
        .order_by("-recent_views", *NEWEST_FIRST)[:limit]
    )
    return [(a.pk, a.title, a.url_path, a.recent_views) for a in articles]


def test_the_statement_answers_as_the_orm_does(demo_site):
    politics, home = demo_site["politics"], demo_site["home"]
    ArticleDailyViews.objects.all().delete()
    now = timezone.now()
    stories = [
        make_article(politics, title=f"قصة {n}", publication_date=now - timedelta(hours=n))
        for n in range(7)
    ]
    today = timezone.localdate()
    views = {0: [3, 0], 1: [1, 4], 2: [5, None], 3: [None, 5], 4: [2, 2], 5: [4, None]}
    for index, (on_today, on_yesterday) in views.items():
        for day, count in ((today, on_today), (today - timedelta(days=1), on_yesterday)):
            if count is not None:
                ArticleDailyViews.objects.create(article=stories[index], day=day, views=count)
    # Read long ago, unpublished, private: not in the list.
    ArticleDailyViews.objects.create(
        article=stories[6], day=today - timedelta(days=MOST_READ_DAYS), views=50
    )
    withdrawn = make_article(politics, title="سحب")
    ArticleDailyViews.objects.create(article=withdrawn, day=today, views=40)
    withdrawn.unpublish()
    private = make_article(politics, title="خاص")
    ArticleDailyViews.objects.create(article=private, day=today, views=30)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    with request_scope():
        for limit in (1, 3, 5, 10):
            expected = orm_most_read(home, limit)
            assert most_read_articles(home, limit) == expected
    # Most read first; equal counts (5: stories 1, 2, 3 and 4) newest first.
    order = [row[0] for row in expected]
    assert order == [stories[n].pk for n in (1, 2, 3, 4, 5, 0)]
