"""Articles published per day and section, drawn as small bar charts (SVG) on the server.

No script and nothing from another host: the dashboard sends finished SVG. In a right-to-left
language the days run from right to left, as a reader of that language expects a timeline to.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.db.models.functions import Substr, TruncDate
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import ArticlePage, SectionPage

DAYS = 30
BAR_WIDTH = 8
BAR_GAP = 2
CHART_HEIGHT = 48
SECTION_DEPTH = 3
PATH_STEP = 4


@dataclass(frozen=True)
class Bar:
    day: date
    count: int
    x: int
    y: int
    height: int

    @property
    def label(self) -> str:
        return f"{date_format(self.day, 'DATE_FORMAT')}: {self.count}"


@dataclass(frozen=True)
class SectionChart:
    section: SectionPage
    total: int
    bars: list[Bar]
    width: int = DAYS * (BAR_WIDTH + BAR_GAP)
    height: int = CHART_HEIGHT


def chart_days(today: date) -> list[date]:
    return [today - timedelta(days=offset) for offset in range(DAYS - 1, -1, -1)]


def published_counts(first_day: date):
    """{(section path, day): count} for live articles first published since ``first_day``."""
    section_path_length = SECTION_DEPTH * PATH_STEP
    start = timezone.make_aware(datetime.combine(first_day, time.min))
    rows = (
        ArticlePage.objects.live()
        .filter(first_published_at__gte=start)
        .annotate(
            section_path=Substr("path", 1, section_path_length),
            day=TruncDate("first_published_at", tzinfo=timezone.get_current_timezone()),
        )
        .values("section_path", "day")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(row["section_path"], row["day"]): row["count"] for row in rows}


def bars_for(days, counts_by_day, *, right_to_left: bool) -> list[Bar]:
    highest = max(counts_by_day.values(), default=0) or 1
    step = BAR_WIDTH + BAR_GAP
    width = len(days) * step
    bars = []
    for index, day in enumerate(days):
        count = counts_by_day.get(day, 0)
        height = round(count / highest * (CHART_HEIGHT - 2)) if count else 0
        x = width - (index + 1) * step + BAR_GAP if right_to_left else index * step
        bars.append(Bar(day=day, count=count, x=x, y=CHART_HEIGHT - height, height=height))
    return bars


def section_charts(*, right_to_left: bool, today: date | None = None) -> list[SectionChart]:
    """One chart per section that published in the last ``DAYS`` days, in tree order."""
    today = today or timezone.localdate()
    days = chart_days(today)
    counts = published_counts(days[0])
    paths = {path for path, _day in counts}
    if not paths:
        return []
    charts = []
    for section in SectionPage.objects.filter(path__in=paths).order_by("path"):
        by_day = {day: count for (path, day), count in counts.items() if path == section.path}
        charts.append(
            SectionChart(
                section=section,
                total=sum(by_day.values()),
                bars=bars_for(days, by_day, right_to_left=right_to_left),
            )
        )
    return charts
