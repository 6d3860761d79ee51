"""Readers' comments on articles, and the site settings that govern them.

Wagtail's own ``Comment`` model holds editors' notes on drafts; these are the public ones.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

BODY_MAX_LENGTH = 5000
NAME_MAX_LENGTH = 100
# The longest address mail can deliver to (RFC 5321's 256-character path, minus the brackets).
# Django's form field would allow 320 and its model field 254: both use this one number.
EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 200


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    REMOVED = "removed", _("Removed")


def body_fingerprint(body: str) -> str:
    """Identifies the same text typed twice, whatever the spacing."""
    return hashlib.sha256(" ".join(body.split()).casefold().encode("utf-8")).hexdigest()


class ReaderCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self):
        return self.filter(status=CommentStatus.PENDING)


class ReaderComment(models.Model):
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    # The top-level comment of the conversation: one query fetches a whole thread.
    thread_root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    author_name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    author_email = models.EmailField(_("email"), max_length=EMAIL_MAX_LENGTH)
    author_url = models.URLField(_("website"), blank=True, max_length=URL_MAX_LENGTH)
    body = models.TextField(_("comment"), max_length=BODY_MAX_LENGTH)
    fingerprint = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reader_comments",
    )
    is_staff_reply = models.BooleanField(_("staff reply"), default=False)

    objects = ReaderCommentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("author_email"), FieldPanel("author_url")],
            heading=_("Author"),
        ),
        FieldPanel("body"),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("reader comment")
        verbose_name_plural = _("reader comments")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_readercomment", _("Can moderate reader comments"))]
        indexes = [
            # The article page: its approved top-level comments, oldest first, then their replies.
            models.Index(
                fields=["page", "status", "parent", "created_at"], name="comment_page_listing"
            ),
            models.Index(fields=["thread_root", "status"], name="comment_thread"),
            # The moderation queue and the pending count.
            models.Index(fields=["status", "-created_at"], name="comment_queue"),
            # Trusted-author lookup.
            models.Index(fields=["author_email", "status"], name="comment_author_history"),
        ]
        constraints = [
            # Two identical posts racing each other still make one row.
            models.UniqueConstraint(
                fields=["page", "author_email", "fingerprint"], name="comment_no_duplicates"
            )
        ]

    def __str__(self):
        excerpt = " ".join(self.body.split())
        if len(excerpt) > 60:
            excerpt = excerpt[:59] + "…"
        return f"{self.author_name}: {excerpt}"

    def save(self, *args, **kwargs):
        self.author_email = self.author_email.strip().lower()
        self.fingerprint = body_fingerprint(self.body)
        if self.parent_id:
            self.thread_root_id = self.parent.thread_root_id or self.parent_id
            self.depth = self.parent.depth + 1
        return super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.page.url}#{self.anchor}"

    @property
    def anchor(self):
        return f"comment-{self.pk}"


def word_list(text: str) -> list[str]:
    return [line.strip().casefold() for line in text.splitlines() if line.strip()]


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    auto_approve_known_authors = models.BooleanField(
        _("approve authors with an approved comment"),
        default=False,
        help_text=_(
            "Publish at once comments whose email already has an approved comment. "
            "Comments with too many links or a moderation word still wait."
        ),
    )
    max_links = models.PositiveSmallIntegerField(
        _("links before moderation"),
        default=2,
        help_text=_("A comment with more links than this always waits for a moderator."),
    )
    moderation_words = models.TextField(
        _("moderation words"),
        blank=True,
        help_text=_(
            "One word or phrase per line. A comment whose name, email, website or text "
            "contains one waits for a moderator."
        ),
    )
    disallowed_words = models.TextField(
        _("disallowed words"),
        blank=True,
        help_text=_("One word or phrase per line. A comment containing one goes to spam."),
    )
    max_reply_depth = models.PositiveSmallIntegerField(
        _("reply depth"),
        default=3,
        help_text=_("How many levels a conversation may nest (1 means no replies)."),
    )
    rate_limit_per_minute = models.PositiveSmallIntegerField(
        _("comments per minute from one address"), default=5
    )
    min_seconds_to_submit = models.PositiveSmallIntegerField(
        _("minimum seconds to write a comment"),
        default=3,
        help_text=_("Forms sent faster than this are treated as sent by a robot."),
    )
    notify_moderators = models.BooleanField(
        _("email moderators"),
        default=True,
        help_text=_("Email the comment moderators when a comment is waiting."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("auto_approve_known_authors"),
                FieldPanel("notify_moderators"),
                FieldPanel("max_reply_depth"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("max_links"),
                FieldPanel("moderation_words"),
                FieldPanel("disallowed_words"),
                FieldPanel("rate_limit_per_minute"),
                FieldPanel("min_seconds_to_submit"),
            ],
            heading=_("Spam and abuse"),
        ),
    ]

    class Meta:
        verbose_name = _("comment settings")
