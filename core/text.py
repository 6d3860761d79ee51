"""Control characters: what XML cannot carry, and what HTML shows as nothing or garbage.

Text pasted from word processors brings them along (Word's Shift+Enter is a vertical tab), and
so does imported content. XML 1.0 forbids the C0 controls other than tab, newline and carriage
return, so a single one in a title made every RSS feed listing it fail. They are removed when
text is saved (``clean_instance_text``, connected to every model's pre_save) and again on the
way out (``core.output``, the feeds), so text that reached the database some other way (a bulk
import, an old row) is safe too.
"""

import re

from django.db import models
from django.utils.functional import Promise
from taggit.utils import _parse_tags

# The C0 controls except tab, newline and carriage return; DEL; the C1 controls.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The ones that end a line where they came from (vertical tab, form feed, the information
# separators, NEL): they become a line break or a space, so the words either side stay apart.
LINE_ENDING_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
# Tab, newline and carriage return: fine in a paragraph, a space in a one-line field.
LINE_WHITESPACE = re.compile("[\t\n\r]")


def clean_text(text: str) -> str:
    """Paragraph text: keeps tab and line breaks, drops every other control character."""
    if not CONTROL_CHARACTERS.search(text):
        return text
    return CONTROL_CHARACTERS.sub("", LINE_ENDING_CONTROLS.sub("\n", text))


def clean_line(text: str) -> str:
    """One-line text (a title, a name): no control character at all, line breaks as spaces."""
    text = LINE_WHITESPACE.sub(" ", LINE_ENDING_CONTROLS.sub(" ", text))
    return CONTROL_CHARACTERS.sub("", text)


def clean_data(value):
    """Every string inside ``value`` (nested lists, tuples and dicts) cleaned as paragraph text."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(clean_data(item) for item in value)
    if isinstance(value, dict):
        return {key: clean_data(item) for key, item in value.items()}
    return value


def clean_instance_text(sender, instance, raw=False, **kwargs):
    """pre_save: every text column of any model, and strings inside its JSON columns.

    A one-line column (CharField) gets ``clean_line``, a paragraph column (TextField)
    ``clean_text``; fixtures being loaded (``raw``) are left as they are.
    """
    if raw:
        return
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(value, str):
            if isinstance(field, models.TextField):
                cleaned = clean_text(value)
            elif isinstance(field, models.CharField):
                cleaned = clean_line(value) if CONTROL_CHARACTERS.search(value) else value
            else:
                continue
        elif isinstance(field, models.JSONField) and isinstance(value, dict | list):
            cleaned = clean_data(value)
        else:
            continue
        if cleaned != value:
            setattr(instance, field.attname, cleaned)


def tags_from_string(text: str) -> list[str]:
    """The tag field's words without control characters (settings.TAGGIT_TAGS_FROM_STRING).

    Taggit looks tag names up before anything is saved, and PostgreSQL refuses a NUL even in a
    query, so an editor's pasted tags are cleaned where they are read, not only when saved.
    """
    return _parse_tags(clean_line(text))
