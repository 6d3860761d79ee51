"""The article search index: one row per published article (each translation is its own row)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleSearchEntry(models.Model):
    """What search needs to know about one live article, already normalised.

    The text columns hold normalised words separated by single spaces, so the SQLite fallback
    can match a word by its start with a plain LIKE. On PostgreSQL ``search_vector`` holds the
    same text as a weighted tsvector (title A, standfirst B, tags/authors/section C, body D)
    built with the language's text-search configuration, behind a GIN index; results are
    ranked on ``headline_vector`` (title, standfirst, tags, authors and section only, about
    0.5 KB), read for the few hundred entries ranked. The table keeps its rows narrow (long
    values go to TOAST storage), so the GIN index's bitmap of tens of thousands of matches
    reads few pages to order them by date; the date index serves the walk (search/query.py).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("article"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language_code = models.CharField(_("language"), max_length=8)
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateTimeField(_("publication date"))
    title = models.TextField(_("normalised title"))
    standfirst = models.TextField(_("normalised standfirst"), blank=True)
    labels = models.TextField(_("normalised tags, authors and section"), blank=True)
    body = models.TextField(_("normalised body text"), blank=True)
    excerpt_source = models.TextField(
        _("body text as written"),
        blank=True,
        help_text=_("The body's text with its original spelling, for result snippets."),
    )
    search_vector = SearchVectorField(null=True, editable=False)
    headline_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("article search entry")
        verbose_name_plural = _("article search entries")
        indexes = [
            # The newest articles of a language first: a word found in most articles is
            # quickest to find by walking this index and testing each row (search/query.py).
            models.Index(
                fields=["language_code", "-publication_date", "-page"], name="search_entry_newest"
            ),
        ]

    def __str__(self):
        return self.title
