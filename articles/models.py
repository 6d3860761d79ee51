"""Newsroom sections, articles and their authors."""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from articles.blocks import ArticleBodyBlock
from articles.mixins import ArticleListingMixin
from articles.numbering import number_body
from home.navigation import live_ancestors


class Author(index.Indexed, models.Model):
    """A person who writes for the newsroom; several may sign one article, in order."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    bio = models.TextField(_("short biography"), blank=True, max_length=1000)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SectionPage(ArticleListingMixin, Page):
    """A newsroom section such as "سياسة": its articles, newest first, a page at a time."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "pages/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().child_of(self).for_listing()
        context["articles"] = self.paginate_articles(request, articles)
        context["sections_by_path"] = {self.path: self}
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Newest first, with everything a listing card shows fetched in a fixed few queries."""
        return (
            self.defer_streamfields()
            # Untranslated copies kept by the synchronised tree are not listed in French and
            # English: they are the Arabic text, and readers are sent to it (translations app).
            .filter(alias_of__isnull=True)
            .select_related("lead_image")
            .prefetch_related(
                Prefetch(
                    "article_authors",
                    queryset=ArticlePageAuthor.objects.select_related("author"),
                ),
                "lead_image__renditions",
            )
            .order_by("-publication_date", "-pk")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticlePage(Page):
    """A news article, composed from blocks; lives under a section."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=1000,
        help_text=_("The introductory paragraph shown under the title and in listings."),
    )
    publication_date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The date readers see. Leave empty to use the date of first publication."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt_text = models.CharField(
        _("lead image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=255, blank=True)
    lead_image_credit = models.CharField(_("lead image credit"), max_length=255, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Let readers comment on this article."),
    )
    number_sections = models.BooleanField(
        _("number sections"),
        default=True,
        help_text=_("Number the headed sections 1, 2, 3… (sections marked unnumbered never are)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label=_("Authors"), min_num=0),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt_text"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("tags")]
    settings_panels = [
        FieldPanel("publication_date"),
        FieldPanel("number_sections"),
        FieldPanel("comments_open"),
        *Page.settings_panels,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    objects = ArticlePageManager()

    parent_page_types = ["articles.SectionPage"]
    subpage_types = []
    template = "pages/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        # The reader-facing date defaults to the first publication, and then stays put:
        # republishing a correction does not move the article up the front page.
        if self.publication_date is None and self.first_published_at is not None:
            self.publication_date = self.first_published_at
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.publication_date or self.first_published_at or timezone.now()

    @cached_property
    def numbered_body(self):
        return number_body(self.body, numbered=self.number_sections)

    @cached_property
    def table_of_contents(self):
        return [item for item in self.numbered_body if item.is_section]

    @cached_property
    def ordered_authors(self):
        links = self.article_authors.all()
        if not getattr(self, "_prefetched_objects_cache", {}).get("article_authors"):
            links = links.select_related("author")
        return [link.author for link in links]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ancestors = live_ancestors(self)
        context["section"] = ancestors[-1] if ancestors else None
        return context


class ArticlePageAuthor(Orderable):
    page = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("article author")
        verbose_name_plural = _("article authors")
