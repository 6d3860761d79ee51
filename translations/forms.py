from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import SectionPage


class StatusFilterForm(forms.Form):
    """Narrows the translation status table to one Arabic section."""

    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("That section does not exist (any more).")},
    )

    def __init__(self, *args, source_locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.filter(
            locale=source_locale, alias_of__isnull=True
        ).order_by("path")
