"""Names stored as data (groups, workflows, workflow steps) shown in the admin's language.

The newsroom's roles and review paths are made by migrations, so their names are stored once,
as the English source text of a catalogue entry ("Sensitive review"), and every admin user
reads them in their own language: "مراجعة حساسة" in Arabic, "Relecture sensible" in French.
Wagtail prints these names in some seventy places (menus, side panels, dashboard, messages,
notification emails); rather than override each, a loaded instance's ``name`` becomes a
:class:`CatalogueName`: the stored text for the database and for comparisons, the
translation whenever it is shown. A name an administrator typed is not in the catalogue and is
shown as typed.

Saving a form shows the translated name in its field; :func:`store_source_name` turns it
back into the source text on save, so opening and saving a workflow in Arabic changes nothing.
See docs/admin-language.md.
"""

from functools import cache

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_init, post_save, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Task, Workflow
from wagtail.workflows import get_task_types

from newsroom.roles import ROLE_NAMES
from newsroom.workflows import TASK_NAMES, WORKFLOW_NAMES

# The comments app's group (comments/migrations), and the examples Wagtail's own migrations
# create, which a site may still have.
COMMENT_MODERATORS = gettext_noop("Comment moderators")
WAGTAIL_EXAMPLE_NAMES = (
    gettext_noop("Moderators approval"),
    gettext_noop("Moderators"),
    gettext_noop("Editors"),
)
SOURCE_NAMES = (
    *ROLE_NAMES,
    *WORKFLOW_NAMES,
    *TASK_NAMES,
    COMMENT_MODERATORS,
    *WAGTAIL_EXAMPLE_NAMES,
)


class CatalogueName(str):
    """A stored name that reads as its translation wherever it is turned into text."""

    def __str__(self):
        source = str.__str__(self)
        return gettext(source) if source else source

    def __format__(self, format_spec):
        return format(str(self), format_spec)


def named_models():
    return [Group, Workflow, Task, *get_task_types()]


def show_in_admin_language(sender, instance, **kwargs):
    name = instance.__dict__.get("name")  # absent when the field was deferred
    if type(name) is str and name:
        instance.__dict__["name"] = CatalogueName(name)


@cache
def source_for_translation() -> dict[str, str]:
    """Each known name's translation in every site language, back to its source text."""
    sources = {}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for source in SOURCE_NAMES:
                translated = gettext(source)
                if translated != source:
                    sources.setdefault(translated, source)
    return sources


def store_source_name(sender, instance, **kwargs):
    """The database gets plain text: the source of a known translation, else what was typed."""
    name = instance.__dict__.get("name")
    if isinstance(name, str):
        plain = str.__str__(name)
        instance.__dict__["name"] = source_for_translation().get(plain, plain)


def show_again_after_saving(sender, instance, **kwargs):
    show_in_admin_language(sender, instance)


def text_of_name(instance) -> str:
    return str(instance.name)


def install() -> None:
    for model in named_models():
        post_init.connect(show_in_admin_language, sender=model, weak=False)
        pre_save.connect(store_source_name, sender=model, weak=False)
        post_save.connect(show_again_after_saving, sender=model, weak=False)
        # Their __str__ returns ``name`` itself; text made from the object reads translated too.
        model.__str__ = text_of_name
