"""Most read: how many readers opened each article, per day, and the list readers see.

Counting happens off the page: the article page carries a small script that, once the page
has loaded, posts the article's id to ``/views/`` (``navigator.sendBeacon``). A cached page
is the same bytes for every reader, so the count cannot be taken while the page is served;
the beacon is a separate, uncached POST made by each reader's own browser, which also leaves
out the crawlers that do not run scripts. Nothing is stored in the browser and nothing goes
to a third party: the count is one row per article and day, kept for ``VIEWS_KEPT_DAYS``.

Counting never stands in a reader's way: the beacon is sent after the page has loaded and
answers at once, and when Redis or the database is down a count is lost, nothing else.
"""

import hashlib
import logging
import re
import time
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, connections, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.listing import listed_condition
from articles.sections import section_ids
from core.restrictions import is_restricted

logger = logging.getLogger(__name__)

VIEWS_KEPT_DAYS = 30
# The list covers today and yesterday: between 24 and 48 hours of reading.
MOST_READ_DAYS = 2
MOST_READ_COUNT = 5
# A reader reloading the page, or a beacon sent twice, within this time is one view.
SAME_VIEW_SECONDS = 60
# More beacons than this from one address in a minute are not counted (a script, not a reader).
BEACONS_PER_MINUTE = 30
# How long the front page's list is kept before it is counted again.
MOST_READ_CACHE_SECONDS = 600

BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|headless|"
    r"lighthouse|pingdom|monitor|curl|wget|python|java/|go-http|httpclient|okhttp",
    re.IGNORECASE,
)


class ArticleDailyViews(models.Model):
    """The number of readers who opened an article on one day (the server's time zone)."""

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="daily_views",
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("article views on a day")
        verbose_name_plural = _("article views per day")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="article_views_one_row_a_day")
        ]
        indexes = [models.Index(fields=["day", "article"], name="article_views_day_idx")]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.views}"


def is_counted_reader(request) -> bool:
    """Readers count; crawlers, monitoring tools and the newsroom's own people do not."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if not user_agent or BOT_USER_AGENT.search(user_agent):
        return False
    user = getattr(request, "user", None)
    return not (
        user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )


def reader_fingerprint(request, article_id: int) -> str:
    """A hash naming this browser and this article for a minute; it is never stored."""
    raw = "\x1f".join(
        [
            request.META.get("REMOTE_ADDR", ""),
            request.META.get("HTTP_USER_AGENT", ""),
            str(article_id),
        ]
    )
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def is_new_view(request, article_id: int) -> bool:
    """False for a repeat within SAME_VIEW_SECONDS or a flood from one address.

    With the cache down both checks are skipped: a few repeats may then count, which is
    better than losing every count for as long as Redis is away.
    """
    if not cache.add(f"views:seen:{reader_fingerprint(request, article_id)}", 1, SAME_VIEW_SECONDS):
        return not getattr(cache, "is_available", True)
    address = hashlib.sha256(request.META.get("REMOTE_ADDR", "").encode()).hexdigest()[:16]
    key = f"views:rate:{address}:{int(time.time() // 60)}"
    cache.add(key, 0, 70)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count is None or count <= BEACONS_PER_MINUTE


def add_view(article_id: int, day=None) -> None:
    """One more view of the article today: an update, or the day's first row."""
    day = day or timezone.localdate()
    rows = ArticleDailyViews.objects.filter(article_id=article_id, day=day)
    if rows.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            ArticleDailyViews.objects.create(article_id=article_id, day=day, views=1)
    except IntegrityError:  # another reader's view made the row first
        rows.update(views=F("views") + 1)


def prune_old_views(today=None) -> int:
    """Deletes the counts older than VIEWS_KEPT_DAYS; returns how many days' rows went."""
    today = today or timezone.localdate()
    deleted, _by_model = ArticleDailyViews.objects.filter(
        day__lt=today - timedelta(days=VIEWS_KEPT_DAYS)
    ).delete()
    return deleted


def prune_once_a_day() -> None:
    """The first counted view of a day clears out the old counts (the command does it too)."""
    if cache.add(f"views:pruned:{timezone.localdate().isoformat()}", 1, 60 * 60 * 25):
        prune_old_views()


def record_view(request, article_id: int) -> bool:
    """Counts the view if it is a reader's new view of a live article; never raises."""
    from articles.models import ArticlePage

    if not is_counted_reader(request):
        return False
    try:
        if not ArticlePage.objects.filter(pk=article_id, live=True).exists():
            return False
        if not is_new_view(request, article_id):
            return False
        add_view(article_id)
        prune_once_a_day()
    except DatabaseError:
        logger.warning("Article view not counted: the database is unavailable", exc_info=True)
        return False
    return True


def most_read_articles(home, limit: int = MOST_READ_COUNT) -> list[tuple]:
    """``(pk, title, url_path, views)`` of the articles of ``home``'s language read most today
    and yesterday, most read first, then newest first.

    One statement written by hand from the models' table and column names: the ORM took
    several times longer to build and compile the grouped query than the database took to
    answer it, on every front page drawn with nothing cached. Its rows are what the list
    shows, not pages. tests/reader/test_most_read_query.py holds it to the ORM's answer.
    """
    from articles.models import ArticlePage

    if is_restricted(home.path):
        return []
    connection = connections[ArticlePage.objects.db]
    quote = connection.ops.quote_name
    page_model = ArticlePage._meta.pk.related_model

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    pk = quote(ArticlePage._meta.pk.column)
    page_pk = quote(page_model._meta.pk.column)
    day_field = ArticleDailyViews._meta.get_field("day")
    since = timezone.localdate() - timedelta(days=MOST_READ_DAYS - 1)
    listed, params = listed_condition(ArticlePage, "a", section_ids(home))
    date = f"a.{column(ArticlePage, 'publication_date')}"
    title, url_path = f"p.{column(page_model, 'title')}", f"p.{column(page_model, 'url_path')}"
    views, viewed = column(ArticleDailyViews, "views"), column(ArticleDailyViews, "article")
    sql = (
        f"SELECT a.{pk}, {title}, {url_path}, SUM(v.{views}) AS recent_views "  # noqa: S608 -- quoted model names
        f"FROM {quote(ArticlePage._meta.db_table)} a "
        f"INNER JOIN {quote(page_model._meta.db_table)} p ON p.{page_pk} = a.{pk} "
        f"INNER JOIN {quote(ArticleDailyViews._meta.db_table)} v ON v.{viewed} = a.{pk} "
        f"WHERE {listed} AND p.{column(page_model, 'alias_of')} IS NULL "
        f"AND v.{quote(day_field.column)} >= %s "
        f"GROUP BY a.{pk}, {title}, {url_path}, {date} "
        f"ORDER BY recent_views DESC, {date} DESC, a.{pk} DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, day_field.get_db_prep_value(since, connection), limit])
        return [tuple(row) for row in cursor.fetchall()]


def most_read_cache_window() -> int:
    """The key's time part: the list is counted again every MOST_READ_CACHE_SECONDS."""
    return int(time.time() // MOST_READ_CACHE_SECONDS)
