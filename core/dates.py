"""The dates the site deals in, and a clear message for any other.

Python's dates end at 9999-12-31 and begin at 0001-01-01, and the site adds a day to the end of
a range or turns a local time into UTC: at either edge that overflows (a 500). No newsroom needs
an article dated outside these years, so every date a person can type is held to them, with a
message naming the range.
"""

from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
OUT_OF_RANGE_MESSAGE = _("Enter a date between %(earliest)s and %(latest)s.")


def out_of_range_error() -> ValidationError:
    return ValidationError(
        OUT_OF_RANGE_MESSAGE,
        code="date_out_of_range",
        params={"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
    )


def validate_date_in_range(value) -> None:
    """For a date or a datetime: refuses one outside EARLIEST_DATE to LATEST_DATE."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise out_of_range_error()


class BoundedDateField(forms.DateField):
    """A form's date field that refuses what the site cannot handle, with a message."""

    default_validators = [validate_date_in_range]


class DateRangeFormMixin:
    """For any form: each of its date and date-time fields held to the site's range.

    Used for forms whose fields come from elsewhere (Wagtail's page editor, with its go-live
    and expiry dates), where the fields themselves cannot be given the validator.
    """

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField | forms.DateTimeField) and name in cleaned:
                try:
                    validate_date_in_range(cleaned[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned
