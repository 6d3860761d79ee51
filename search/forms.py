from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import SectionPage
from core.dates import BoundedDateField
from search.normalise import CONTROL_CHARACTERS
from search.query import MAX_QUERY_CHARACTERS


class SearchTextField(forms.CharField):
    """Whatever the reader typed, minus control characters (a NUL byte is not an error)."""

    def to_python(self, value):
        return super().to_python(CONTROL_CHARACTERS.sub(" ", value or ""))


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ArticleSearchForm(forms.Form):
    # What the search reads of a query is also the most the form takes: a longer one is
    # refused with a message (its text kept in the box), not silently cut.
    q = SearchTextField(
        label=_("Search the articles"),
        required=False,
        max_length=MAX_QUERY_CHARACTERS,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={
            "max_length": _(
                "Your search is %(show_value)s characters long; shorten it to "
                "%(limit_value)s at most."
            )
        },
    )
    section = SectionChoiceField(
        label=_("Section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("Choose one of the sections in the list.")},
    )
    date_from = BoundedDateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as year-month-day, e.g. 2024-03-31.")},
    )
    date_to = BoundedDateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as year-month-day, e.g. 2024-03-31.")},
    )

    def __init__(self, *args, language_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = (
            SectionPage.objects.live().public().filter(locale__language_code=language_code)
        )

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
