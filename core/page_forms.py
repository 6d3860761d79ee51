"""The page editor's form for every page type of the site."""

from wagtail.admin.forms import WagtailAdminPageForm

from core.dates import DateRangeFormMixin


class SitePageForm(DateRangeFormMixin, WagtailAdminPageForm):
    """Wagtail's page form; a date out of the site's range is a field error, not a 500."""
