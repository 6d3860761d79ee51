"""WordPress's dates: GMT strings ("2024-03-01 08:30:00"), all zeros meaning "never"."""

from datetime import UTC, datetime

from django.utils import timezone

WP_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
NO_DATE = "0000-00-00 00:00:00"


def parse_wp_date(value: str) -> datetime | None:
    """A GMT date as an aware datetime; None for WordPress's "never" or nonsense."""
    value = (value or "").strip()
    if not value or value == NO_DATE:
        return None
    try:
        return datetime.strptime(value, WP_DATE_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def parse_local_date(value: str) -> datetime | None:
    """A date in the site's local time (drafts and old exports have no GMT date)."""
    date = parse_wp_date(value)
    if date is None:
        return None
    return timezone.make_aware(date.replace(tzinfo=None))


def first_date(gmt: str, local: str) -> datetime | None:
    return parse_wp_date(gmt) or parse_local_date(local)
