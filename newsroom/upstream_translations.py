"""Wagtail and wagtail-localize strings our catalogue translates better than theirs.

Our catalogue (locale/) is read before the packages' own, so an entry there replaces theirs.
These are the strings the newsroom's screens showed in English, or wrongly, in Arabic (and
French): "Bold" translated as "Bold", "paused" left in the autosave warning, and "0 minutes",
which must read exactly as Django's own ``timesince`` writes it for Wagtail to say "الآن"
("just now") instead of "قبل 0 دقيقة". Listing them here keeps them in locale/*/django.po when
``make messages`` runs (tests/project/test_translations.py runs it and checks that none is
dropped); tests/browser/test_admin_speaks_arabic.py finds any new one.
"""

from django.utils.translation import gettext_noop

UPSTREAM_STRINGS = [
    # Keyboard shortcuts dialog and the rich text toolbar.
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    # The autosave indicator.
    gettext_noop("Autosave is <span>paused</span>"),
    # Wagtail's "just now": compared with Django's timesince() output in the same language.
    gettext_noop("0 minutes"),
    # wagtail-localize: the tool named in "Translated with PO File on …".
    gettext_noop("PO File"),
    # A slug the parent page's other child already has: Wagtail's Arabic for these is garbled
    # (the slug dropped from one, misplaced in the other).
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use within the parent page at "
        "'%(parent_url_path)s'."
    ),
]
