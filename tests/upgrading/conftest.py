"""Guards for the places we lean on Wagtail, Django, modelsearch or wagtail-localize internals.

Each module is named for one override listed in docs/upgrading.md and fails, with a message
saying what to revisit, the day an upgrade changes the behaviour that override relies on.
"""
