from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from articles.models import SectionPage


class UploadForm(forms.Form):
    export_file = forms.FileField(
        label=_("WordPress export file"),
        help_text=_("The .xml file from WordPress: Tools → Export → All content."),
    )
    language = forms.ChoiceField(label=_("Import into the language"))
    default_section = forms.ChoiceField(
        label=_("Section for posts without a category"),
        required=False,
        help_text=_("Posts in “Uncategorized” or in no category go here."),
    )
    fetch_media = forms.BooleanField(
        label=_("Download images from the old site"),
        required=False,
        help_text=_("Images only, each within the size limit; the old site must still be online."),
    )
    update_changed = forms.BooleanField(
        label=_("Update articles changed in WordPress since an earlier import"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.WAGTAIL_CONTENT_LANGUAGES
        sections = (
            SectionPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth=3)
            .order_by("path")
            .values_list("slug", "title")
        )
        self.fields["default_section"].choices = [("", "—"), *sections]

    def clean_export_file(self):
        upload = self.cleaned_data["export_file"]
        limit = settings.WORDPRESS_IMPORT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; the largest export accepted here is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError(
                _("WordPress exports end in .xml; this file is “%(name)s”.") % {"name": upload.name}
            )
        return upload
