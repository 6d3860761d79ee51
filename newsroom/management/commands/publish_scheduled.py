"""Wagtail's ``publish_scheduled``, saying what it published and took down.

The scheduler runs it every minute (docker-compose's ``scheduler`` service); its log should
say which article went live or came down and when, not nothing. Quiet with ``-v 0``; a run
that changes nothing prints nothing unless asked with ``-v 2``. Like every command it speaks
the site's language (LANGUAGE_CODE).
"""

from contextlib import contextmanager

from django.utils.translation import gettext as _
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, published, unpublished


def describe(instance) -> str:
    if isinstance(instance, Page):
        where = instance.get_url() or instance.url_path
        return _("“%(title)s” (%(where)s, id %(id)s)") % {
            "title": instance.title,
            "where": where,
            "id": instance.pk,
        }
    return _("“%(title)s” (%(where)s, id %(id)s)") % {
        "title": instance,
        "where": type(instance).__name__,
        "id": instance.pk,
    }


@contextmanager
def recording(changes):
    def on_published(sender, instance, **kwargs):
        changes.append(("published", instance))

    def on_unpublished(sender, instance, **kwargs):
        changes.append(("unpublished", instance))

    receivers = [
        (page_published, on_published),
        (page_unpublished, on_unpublished),
        (published, on_published),
        (unpublished, on_unpublished),
    ]
    for signal, receiver in receivers:
        signal.connect(receiver, weak=False)
    try:
        yield
    finally:
        for signal, receiver in receivers:
            signal.disconnect(receiver)


class Command(WagtailPublishScheduled):
    help = "Publish what is scheduled to go live and unpublish what has expired; say which."

    def handle(self, *args, **options):
        changes: list[tuple[str, object]] = []
        with recording(changes):
            super().handle(*args, **options)
        verbosity = options.get("verbosity", 1)
        if verbosity < 1 or options.get("dryrun"):
            return
        # A page fires both Wagtail's page signal and its generic one: report it once.
        seen = set()
        published_count = unpublished_count = 0
        for change, instance in changes:
            key = (
                change,
                type(instance).__name__ if not isinstance(instance, Page) else "page",
                instance.pk,
            )
            if key in seen:
                continue
            seen.add(key)
            if change == "published":
                published_count += 1
                self.stdout.write(_("Published %(item)s") % {"item": describe(instance)})
            else:
                unpublished_count += 1
                self.stdout.write(_("Unpublished %(item)s") % {"item": describe(instance)})
        if published_count or unpublished_count:
            self.stdout.write(
                _("%(published)d published, %(unpublished)d unpublished.")
                % {"published": published_count, "unpublished": unpublished_count}
            )
        elif verbosity >= 2:
            self.stdout.write(_("Nothing to publish or unpublish."))
