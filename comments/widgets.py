"""The comment form's ``<input>`` widgets, drawn in Python instead of through Django's templates.

Django draws every widget through the form renderer: its input template includes another for
the attributes, each a template render with its own context, some 0.15 ms an input, on every
article page with every cache off. The attributes are still worked out by Django
(``BoundField.build_widget_attrs``, ``Widget.get_context``: required, maxlength, aria-invalid,
the id, whatever a field adds); only the drawing of the element is done here, to the same
markup as ``django/forms/widgets/input.html`` and ``attrs.html``.
"""

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def input_html(widget: dict) -> SafeString:
    """An ``<input>`` from a widget's context, as ``django/forms/widgets/input.html`` draws it."""
    parts = [format_html('<input type="{}" name="{}"', widget["type"], widget["name"])]
    if widget["value"] is not None:
        parts.append(format_html(' value="{}"', widget["value"]))
    for name, value in widget["attrs"].items():
        if value is True:
            parts.append(format_html(" {}", name))
        elif value is not False:
            parts.append(format_html(' {}="{}"', name, value))
    parts.append(">")
    return mark_safe("".join(parts))  # noqa: S308 -- every piece built by format_html


class InputDrawnInPython:
    """For a widget drawn by Django's ``input.html`` (text, hidden, checkbox…): the same element."""

    def render(self, name, value, attrs=None, renderer=None):
        return input_html(self.get_context(name, value, attrs)["widget"])


class TextInput(InputDrawnInPython, forms.TextInput):
    pass


class HiddenInput(InputDrawnInPython, forms.HiddenInput):
    pass


class CheckboxInput(InputDrawnInPython, forms.CheckboxInput):
    pass
