"""A field of the reader's comment form: its label, its errors and its control, in Python.

As a template included once per field, each field resolved a dozen variables and tags (some
0.5 ms a field, every article page with every cache off, the whole form about 5 ms with
Django's widget templates). Here each is a few ``format_html``: the same markup. The text
control is written out rather than left to Django's widgets: the comment box carries its
length counter and no ``maxlength`` (a browser would silently cut a pasted text), and every
field takes ``dir="auto"`` for a name or address typed in another script.

Errors point to the control (``aria-invalid``, ``aria-describedby``) so a screen reader says
them when the reader comes back to the field. Everything the reader typed is escaped.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

INPUT_TYPES = {"email": "email", "url": "url"}

ERROR_NOTICE = '<p class="comment-form__notice" role="alert">{}</p>'
LABEL = '<p class="comment-form__field{}">\n    <label for="{}">{}{}</label>\n    '
REQUIRED_MARK = ' <span class="comment-form__required" aria-hidden="true">*</span>'
ERROR = '<span class="comment-form__error" id="{}-error-{}">{}</span>'
INVALID = ' aria-invalid="true" aria-describedby="{}-error-1"'
# No maxlength on the comment box: a browser would silently cut a pasted text; the counter warns.
TEXTAREA = (
    '<textarea name="{name}" id="{id}" rows="6" dir="auto" data-length-limit="{limit}"{state}>\n'
    "{value}</textarea>\n"
    '    <span class="comment-form__counter" id="{id}-counter" data-length-counter'
    ' data-counting="{counting}" data-over="{over}" hidden></span>'
)
INPUT = (
    '<input type="{type}" name="{name}" id="{id}" value="{value}" maxlength="{limit}"'
    ' dir="auto"{autocomplete}{state}>'
)


def comment_field_html(field, *, autocomplete: str = "", hidden: bool = False) -> SafeString:
    """One field (a ``BoundField``) of the comment form, with its errors.

    ``hidden``: the control alone, its errors as notices (the reply's parent comment).
    """
    errors = field.errors
    if hidden:
        notices = "".join(format_html(ERROR_NOTICE, error) for error in errors)
        return mark_safe(f"{field}{notices}\n")  # noqa: S308 -- a widget and format_html
    field_id = field.auto_id
    required = field.field.required
    value = field.value()
    if value is None:
        value = ""
    state = mark_safe(  # noqa: S308 -- constant markup and format_html
        (" required" if required else "") + (format_html(INVALID, field_id) if errors else "")
    )
    if field.name == "body":
        control = format_html(
            TEXTAREA,
            name=field.html_name,
            id=field_id,
            limit=field.field.max_length,
            state=state,
            value=value,
            counting=gettext("{count} of {limit} characters"),
            over=gettext("{over} characters too many: a comment may have {limit}."),
        )
    else:
        control = format_html(
            INPUT,
            type=INPUT_TYPES.get(field.name, "text"),
            name=field.html_name,
            id=field_id,
            value=value,
            limit=field.field.max_length or 254,
            autocomplete=format_html(' autocomplete="{}"', autocomplete) if autocomplete else "",
            state=state,
        )
    return mark_safe(  # noqa: S308 -- every piece built by format_html
        format_html(
            LABEL,
            " comment-form__field--invalid" if errors else "",
            field_id,
            field.label,
            mark_safe(REQUIRED_MARK) if required else "",  # noqa: S308 -- constant markup
        )
        + "".join(
            format_html(ERROR, field_id, number, error)
            for number, error in enumerate(errors, start=1)
        )
        + "\n    "
        + control
        + "\n</p>\n"
    )
