"""Newsroom sections, articles and their authors."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
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
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from articles.blocks import ArticleBodyBlock
from articles.credits import kept_in_memory, read_credits
from articles.feeds import SectionFeed
from articles.listing import NEWEST_FIRST, ArticleListingMixin
from articles.numbering import number_body
from articles.onward import reading_onward
from articles.readership import ArticleDailyViews  # noqa: F401  (the model lives with its logic)
from articles.reading_time import reading_minutes, stream_text
from articles.sections import section_ids
from core.mixins import SeoMetadataMixin, SingleQueryViewRestrictionsMixin
from core.navigation import live_ancestors
from core.page_forms import SitePageForm
from core.restrictions import (
    CachedPublicPageManager,
    CachedPublicPageQuerySet,
    is_restricted,
    restricted_pages,
)
from core.sitemaps import sitemap_keys
from pagecache import keys
from pagecache.registry import cached_value


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


class SectionPage(
    SingleQueryViewRestrictionsMixin, RoutablePageMixin, SeoMetadataMixin, ArticleListingMixin, Page
):
    """A newsroom section such as "سياسة": its articles, newest first, a page at a time."""

    base_form_class = SitePageForm
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "pages/section_page.html"

    objects = CachedPublicPageManager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        keys.shows(keys.section(self.pk))
        context = super().get_context(request, *args, **kwargs)
        articles = self.listed_articles()
        context["articles"] = self.paginate_articles(request, articles, f"section:{self.pk}")
        context["sections_by_path"] = {self.path: self}
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed")
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        keys.shows(keys.section(self.pk))
        return SectionFeed()(request, section=self)

    def listed_articles(self):
        return ArticlePage.objects.listed_in_section(self)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePageQuerySet(CachedPublicPageQuerySet):
    def listed(self):
        """Articles readers find in listings: live, not an untranslated copy, not restricted.

        Every condition is on the article's own row (``listed_in`` and the primary key), so a
        listing is read from the listing indexes alone, without joining the page table: a
        deep page of a large archive then costs an index walk, not a join per skipped article.
        """
        listed = self.filter(listed_in__isnull=False)
        restricted = restricted_pages()
        if restricted:
            page_ids = [page_id for page_id, _ in restricted]
            listed = listed.exclude(Q(pk__in=page_ids) | Q(listed_in__in=page_ids))
        return listed

    def listed_in_section(self, section):
        """The section's listed articles (unordered; see NEWEST_FIRST)."""
        if is_restricted(section.path):
            return self.none()
        return self.listed().filter(listed_in=section.pk)

    def listed_under(self, home):
        """The listed articles of every section of a home page (unordered)."""
        if is_restricted(home.path):
            return self.none()
        return self.listed().filter(listed_in__in=section_ids(home))

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
            .order_by(*NEWEST_FIRST)
        )

    def in_same_locale(self, page):
        return self.filter(locale_id=page.locale_id)

    def breaking_now(self):
        """Breaking news still recent enough to announce on every page, newest first."""
        since = timezone.now() - timedelta(hours=settings.BREAKING_NEWS_HOURS)
        return (
            self.live()
            .public()
            .filter(breaking_news=True, publication_date__gte=since)
            .defer_streamfields()
            .order_by("-publication_date", "-pk")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticlePage(SingleQueryViewRestrictionsMixin, SeoMetadataMixin, Page):
    """A news article, composed from blocks; lives under a section."""

    base_form_class = SitePageForm
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
    breaking_news = models.BooleanField(
        _("breaking news"),
        default=False,
        help_text=_(
            "Announce this article in a strip at the top of every page while it is recent."
        ),
    )
    number_sections = models.BooleanField(
        _("number sections"),
        default=True,
        help_text=_("Number the headed sections 1, 2, 3… (sections marked unnumbered never are)."),
    )
    # Kept by save() (and by articles.signals for saves that bypass it): the section whose
    # listings show the article, or None while it is not listed (a draft, an unpublished
    # article, an untranslated copy). Listings filter and sort on this row alone.
    listed_in = models.ForeignKey(
        "articles.SectionPage",
        verbose_name=_("listed in"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # the listing indexes below start with it
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
        FieldPanel("breaking_news"),
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

    og_type = "article"
    related_count = 4

    parent_page_types = ["articles.SectionPage"]
    subpage_types = []
    template = "pages/article_page.html"

    exclude_fields_in_copy = ["listed_in"]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # A section's listing, newest first: its pages are ranges of this index.
            models.Index(
                fields=["listed_in", "-publication_date", "-page_ptr"],
                condition=Q(listed_in__isnull=False),
                name="articles_listed_section_idx",
            ),
            # The front page, tags, authors and feeds: all listed articles, newest first, with
            # the section so that one language's sections are chosen from the index too.
            models.Index(
                fields=["-publication_date", "-page_ptr", "listed_in"],
                condition=Q(listed_in__isnull=False),
                name="articles_listed_newest_idx",
            ),
        ]

    def save(self, *args, **kwargs):
        # The reader-facing date defaults to the first publication, and then stays put:
        # republishing a correction does not move the article up the front page.
        if self.publication_date is None and self.first_published_at is not None:
            self.publication_date = self.first_published_at
        listed_in_id = self.listing_section_id()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and listed_in_id != self.listed_in_id:
            kwargs["update_fields"] = {*update_fields, "listed_in"}
        self.listed_in_id = listed_in_id
        return super().save(*args, **kwargs)

    def cache_keys(self) -> list[str] | None:
        """What a publication or unpublication of this article renews (pagecache/keys.py).

        Its page, every section and home page above it (their feeds with them), its tags' and
        authors' pages (as they are now and as they were before this save,
        ``keys_in_database``) and the sitemap's files that list it. The edge cache is purged of
        the same keys. None (the whole site) for breaking news still announced: its banner is
        on every page.
        """
        before = getattr(self, "_cache_keys_before", None) or {"breaking": False, "keys": []}
        if before["breaking"] or (self.breaking_news and self.is_still_breaking()):
            return None
        return sorted({*self.keys_in_database()["keys"], *before["keys"]})

    def is_still_breaking(self) -> bool:
        since = timezone.now() - timedelta(hours=settings.BREAKING_NEWS_HOURS)
        return self.display_date >= since

    def keys_in_database(self) -> dict:
        """The article's keys from its stored rows (tags, authors, place), and its banner."""
        stored = (
            ArticlePage.objects.filter(pk=self.pk)
            .values_list("breaking_news", "publication_date", "live")
            .first()
        )
        breaking = False
        if stored is not None and stored[0] and stored[2]:
            since = timezone.now() - timedelta(hours=settings.BREAKING_NEWS_HOURS)
            breaking = stored[1] is not None and stored[1] >= since
        found = {keys.article(self.pk), *sitemap_keys(self)}
        ancestors = Page.objects.ancestor_of(self).filter(depth__gt=1).values_list("pk", "depth")
        for pk, depth in ancestors:
            found.add(keys.home(pk) if depth == 2 else keys.section(pk))
        tags = ArticlePageTag.objects.filter(content_object_id=self.pk).values_list("tag_id")
        found.update(keys.tag(tag_id) for (tag_id,) in tags)
        authors = ArticlePageAuthor.objects.filter(page_id=self.pk).values_list("author_id")
        found.update(keys.author(author_id) for (author_id,) in authors)
        return {"breaking": breaking, "keys": sorted(found)}

    def declare_cache_keys(self) -> None:
        """Tell the caches what this page shows: itself, its section's and tags' articles."""
        # Not its home page's key: the related articles are chosen among the language's newest,
        # but they share a tag or the section, whose keys a publication renews. One that only
        # grows older than that window stays listed until the page expires: old, not wrong.
        ancestors = live_ancestors(self)
        keys.shows(keys.article(self.pk), *(keys.section(page.pk) for page in ancestors[1:]))
        if self.pk is not None:
            tag_ids = ARTICLE_TAGS.get_or_compute(
                self.pk, compute=lambda: [tag.pk for tag in self.tag_list]
            )
            keys.shows(*(keys.tag(tag_id) for tag_id in tag_ids))

    def listing_section_id(self) -> int | None:
        """The section this article is listed in as it stands, from its place and state."""
        return listing_section_id(self.path, self.live, self.alias_of_id)

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
    def _stored_credits(self):
        """The stored tags and authors, read together (articles/credits.py)."""
        return read_credits(self)

    @cached_property
    def ordered_authors(self):
        if not kept_in_memory(self, "article_authors"):
            return self._stored_credits.authors
        # "in", not truthiness: an article without authors has an empty prefetched list, and
        # calling select_related() on that through modelcluster's manager loses the page filter.
        links = self.article_authors.all()
        if "article_authors" not in getattr(self, "_prefetched_objects_cache", {}):
            links = links.select_related("author")
        return [link.author for link in links]

    def seo_fallback_description(self) -> str:
        return self.standfirst

    @property
    def social_image(self):
        return self.lead_image

    @property
    def section(self):
        ancestors = live_ancestors(self)
        return ancestors[-1] if len(ancestors) > 1 else None

    @cached_property
    def reading_time(self) -> int:
        """Minutes to read the title, standfirst and body in the article's language."""
        text = " ".join([self.title, self.standfirst, stream_text(self.body.raw_data)])
        return reading_minutes(text, self.locale.language_code)

    @cached_property
    def tag_list(self):
        if not (kept_in_memory(self, "tagged_items") or kept_in_memory(self, "tags")):
            return self._stored_credits.tags
        return list(self.tags.all())

    def related_articles(self):
        """Recent articles sharing the most tags, then from the same section, newest first.

        Only the RELATED_CANDIDATES newest articles of the article's language tree are
        considered (articles/onward.py, which reads them with the neighbours). Ranking every
        article that shares a tag would count tags across most of a large archive, half a
        second at 100,000 articles for each article's first view after every publication; a
        reader of the news is better served by recent coverage anyway.
        """
        return self._reading_onward["related"]

    def previous_in_section(self):
        """The next older article the section lists."""
        return self._reading_onward["older"]

    def next_in_section(self):
        """The next newer article the section lists."""
        return self._reading_onward["newer"]

    @cached_property
    def _reading_onward(self) -> dict:
        """The related articles and both neighbours in the section, read together."""
        return reading_onward(self, self.related_count)

    def get_context(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            self.declare_cache_keys()
        context = super().get_context(request, *args, **kwargs)
        section = self.section
        context["section"] = section
        context["sections_by_path"] = {section.path: section} if section else {}
        context.update(self.reading_onward())
        return context

    def reading_onward(self) -> dict:
        """Related articles and the neighbours in the section, for the end of the article.

        Each is looked up only if the page draws it: the "reading-onward" fragment keeps
        them, drawn, for the cache generation (pagecache/registry.py), so a request served
        that fragment asks nothing.
        """
        return {
            "related_articles": SimpleLazyObject(self.related_articles),
            "previous_article": SimpleLazyObject(self.previous_in_section),
            "next_article": SimpleLazyObject(self.next_in_section),
        }


ARTICLE_TAGS = cached_value("article-tags")


def listing_section_id(path: str, live: bool, alias_of_id: int | None) -> int | None:
    """The section an article at ``path`` is listed in: its parent, if it is listed at all."""
    if not live or alias_of_id is not None or not path:
        return None
    parent_path = path[: -Page.steplen]
    return SectionPage.objects.filter(path=parent_path).values_list("pk", flat=True).first()


class ArticlePageAuthor(Orderable):
    page = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("article author")
        verbose_name_plural = _("article authors")
