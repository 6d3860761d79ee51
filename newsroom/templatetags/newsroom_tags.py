from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def in_minutes(duration) -> str:
    """A timedelta as "15 minutes", rounded up so a wait is never announced shorter than it is."""
    minutes = max(1, -(-int(duration.total_seconds()) // 60))
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
