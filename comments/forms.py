from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from comments.models import (
    BODY_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    NAME_MAX_LENGTH,
    URL_MAX_LENGTH,
    CommentStatus,
    ReaderComment,
)
from comments.text import clean_body, clean_single_line, has_visible_letter, is_invisible
from comments.widgets import CheckboxInput, HiddenInput, TextInput


class WebAddressField(forms.URLField):
    """Only http and https: no javascript:, data: or ftp: links under a reader's name."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Enter a web address that starts with http:// or https://."),
    }


class ReaderCommentForm(forms.Form):
    """What a reader may send: every other field in the POST is ignored."""

    name = forms.CharField(label=_("Name"), max_length=NAME_MAX_LENGTH)
    email = forms.EmailField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("Your email address will not be published."),
    )
    url = WebAddressField(
        label=_("Website"), required=False, max_length=URL_MAX_LENGTH, assume_scheme="https"
    )
    body = forms.CharField(
        label=_("Comment"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6})
    )
    remember = forms.BooleanField(
        label=_("Save my name and email in this browser for the next time I comment."),
        required=False,
        widget=CheckboxInput,
    )
    parent = forms.IntegerField(required=False, min_value=1, widget=HiddenInput)
    ticket = forms.CharField(required=False, max_length=500, widget=HiddenInput)
    # The honeypot: hidden from people by the stylesheet, irresistible to form-filling robots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=500,
        widget=TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = clean_single_line(self.cleaned_data["name"])
        if is_invisible(name):
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        if not has_visible_letter(name):
            raise forms.ValidationError(
                _("Enter a name with at least one letter a reader can see."), code="no_letter"
            )
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_body(self):
        body = clean_body(self.cleaned_data["body"])
        if is_invisible(body):
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        return body

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = (
            ReaderComment.objects.filter(
                pk=parent_id, page_id=self.page.pk, status=CommentStatus.APPROVED
            )
            .only("pk", "depth", "parent_id", "thread_root_id", "page_id")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                _("The comment you are replying to is not available."), code="invalid_parent"
            )
        return parent

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("homepage", "").strip())


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8})
    )

    def clean_body(self):
        body = clean_body(self.cleaned_data["body"])
        if is_invisible(body):
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        return body
