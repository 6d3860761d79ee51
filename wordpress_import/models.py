"""The record of imports, and what each WordPress item became here.

``ImportedItem`` is what makes a second run change nothing: every post, page, attachment,
comment, term and author is keyed on the export's site and its WordPress id, and found again.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One upload in the admin (or one run of the command), its progress and its report."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded, waiting for the dry run")
        CHECKED = "checked", _("Checked (dry run)")
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    export_file = models.FileField(_("export file"), upload_to="wordpress-imports/", blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.BigIntegerField(_("file size"), default=0)
    language = models.CharField(_("language"), max_length=16)
    default_section = models.CharField(_("default section"), max_length=255, blank=True)
    fetch_media = models.BooleanField(_("fetch images from the old site"), default=False)
    update_changed = models.BooleanField(_("update items changed in WordPress"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED
    )
    source_site = models.CharField(_("WordPress site"), max_length=255, blank=True)
    total_items = models.PositiveIntegerField(_("items in the export"), default=0)
    processed_items = models.PositiveIntegerField(_("items done"), default=0)
    dry_run_report = models.JSONField(_("dry-run summary"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("WordPress import")
        verbose_name_plural = _("WordPress imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def progress_percent(self) -> int:
        if not self.total_items:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.processed_items / self.total_items))

    @property
    def is_active(self) -> bool:
        """Waiting for the worker or being worked on: the page follows its progress."""
        return self.status in {self.Status.UPLOADED, self.Status.QUEUED, self.Status.RUNNING}


class ImportedItem(models.Model):
    """A WordPress item (or term, author, comment) and the object it became here."""

    source = models.CharField(max_length=255)
    kind = models.CharField(max_length=16)
    wp_id = models.CharField(max_length=255)
    object_id = models.BigIntegerField()
    # For comments: the post they belong to, so that one query finds a post's comments.
    post_wp_id = models.BigIntegerField(null=True, blank=True)
    modified_gmt = models.CharField(max_length=32, blank=True)
    run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="wordpress_item_once_per_site"
            )
        ]
        indexes = [
            models.Index(fields=["source", "kind", "post_wp_id"], name="wordpress_item_by_post")
        ]

    def __str__(self):
        return f"{self.source} {self.kind} {self.wp_id}"
