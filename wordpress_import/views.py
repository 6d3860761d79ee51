"""Settings → Import from WordPress: upload, dry run, import in the background, reports.

Administrators only: an import creates sections, authors and redirects for the whole site.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wordpress_import.forms import UploadForm
from wordpress_import.models import ImportRun
from wordpress_import.report import OUTCOME_LABELS, OUTCOMES, summary_rows
from wordpress_import.tasks import run_wordpress_import

PAST_RUNS_SHOWN = 20
# The multipart envelope around the file: a request may be this much larger than the file.
UPLOAD_ENVELOPE_BYTES = 64 * 1024


def can_import(user) -> bool:
    return user.is_active and user.is_superuser


class AdministratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportMixin(AdministratorsOnlyMixin, WagtailAdminTemplateMixin):
    header_icon = "download"
    page_title = gettext_lazy("Import from WordPress")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
            {"url": reverse("wordpress_import"), "label": gettext_lazy("Import from WordPress")},
        ]


class ImportIndexView(ImportMixin, View):
    template_name = "wordpress_import/index.html"

    def get(self, request):
        return self.render(request, UploadForm())

    def post(self, request):
        limit = settings.WORDPRESS_IMPORT_MAX_UPLOAD_BYTES
        length = request.META.get("CONTENT_LENGTH", "")
        if length.isdigit() and int(length) > limit + UPLOAD_ENVELOPE_BYTES:
            # Refused before the body is read: a huge upload never fills the disk.
            form = UploadForm()
            form.add_error(
                None,
                _("This file is %(size)s; the largest export accepted here is %(limit)s.")
                % {"size": filesizeformat(int(length)), "limit": filesizeformat(limit)},
            )
            return self.render(request, form, status=413)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, form, status=400)
        upload = form.cleaned_data["export_file"]
        run = ImportRun.objects.create(
            user=request.user,
            export_file=upload,
            file_name=upload.name[:255],
            file_size=upload.size,
            language=form.cleaned_data["language"],
            default_section=form.cleaned_data["default_section"],
            fetch_media=form.cleaned_data["fetch_media"],
            update_changed=form.cleaned_data["update_changed"],
            status=ImportRun.Status.UPLOADED,
        )
        run_wordpress_import.enqueue(run_id=run.pk, dry_run=True)
        return redirect("wordpress_import_run", run.pk)

    def render(self, request, form, status=200):
        context = self.get_context_data(
            form=form,
            runs=ImportRun.objects.select_related("user")[:PAST_RUNS_SHOWN],
            max_upload=filesizeformat(settings.WORDPRESS_IMPORT_MAX_UPLOAD_BYTES),
        )
        return TemplateResponse(request, self.template_name, context, status=status)


class ImportRunView(ImportMixin, View):
    template_name = "wordpress_import/run.html"

    def get(self, request, pk):
        run = get_object_or_404(ImportRun.objects.select_related("user"), pk=pk)
        report = run.report or run.dry_run_report
        context = self.get_context_data(
            run=run,
            report=report,
            rows=summary_rows(report) if report else [],
            outcomes=[(outcome, OUTCOME_LABELS[outcome]) for outcome in OUTCOMES],
            warnings=report.get("warnings", []) if report else [],
            status_url=reverse("wordpress_import_status", args=[run.pk]),
        )
        return TemplateResponse(request, self.template_name, context)


class StartImportView(AdministratorsOnlyMixin, View):
    def post(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        if run.status != ImportRun.Status.CHECKED:
            messages.error(request, _("This import has already been started."))
            return redirect("wordpress_import_run", run.pk)
        run.status = ImportRun.Status.QUEUED
        run.save(update_fields=["status"])
        run_wordpress_import.enqueue(run_id=run.pk, dry_run=False)
        return redirect("wordpress_import_run", run.pk)


class ImportStatusView(AdministratorsOnlyMixin, View):
    """The run's progress, read by the page every few seconds while the worker imports."""

    def get(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        return JsonResponse(
            {
                "status": run.status,
                "status_label": str(run.get_status_display()),
                "processed": run.processed_items,
                "total": run.total_items,
                "percent": run.progress_percent,
                "active": run.is_active,
            }
        )
