"""The site root: the front page of one language's site, and its tag and author archives."""

from functools import partial

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from articles.blocks import ArticleBodyBlock
from articles.feeds import SiteFeed
from articles.linked_count import count_linked
from articles.listing import ArticleListingMixin
from articles.models import ArticlePage, ArticlePageAuthor, ArticlePageTag, Author, SectionPage
from articles.numbering import number_body
from core.mixins import SeoMetadataMixin, SingleQueryViewRestrictionsMixin
from core.page_forms import SitePageForm
from core.site_directory import site_directory
from home.branding import SiteIdentitySettings  # noqa: F401  (a model: registered here)
from home.front_page import build_front_page, sections_by_path
from home.routing import read_live_page
from pagecache import keys


class HomePage(
    SingleQueryViewRestrictionsMixin, RoutablePageMixin, SeoMetadataMixin, ArticleListingMixin, Page
):
    """The front page: the editors' lead story and featured articles, the latest, each section."""

    base_form_class = SitePageForm
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    lead_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown first and largest. Leave empty to lead with the newest article."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                PageChooserPanel("lead_article", page_type="articles.ArticlePage"),
                InlinePanel(
                    "featured_articles",
                    label=_("Featured article"),
                    max_num=4,
                    help_text=_(
                        "Up to four articles shown beside the lead story; empty slots are "
                        "filled with the newest articles."
                    ),
                ),
            ],
            heading=_("Front page"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage", "home.InformationPage"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def localized(self):
        """This home page in the reader's language, from the site directory (no query).

        Wagtail starts routing every request from the site root's ``localized`` version, which
        looks the active language's locale, then the page's translation, up in the database.
        A site's home pages in every language come with the site directory
        (core/site_directory.py), read once per request and kept for the cache generation. A
        home page no site starts from, or a language it has no version in, gets Wagtail's own
        answer.
        """
        try:
            code = get_supported_content_language_variant(get_language())
        except LookupError:
            return super().localized
        directory = site_directory()
        own = directory.home(self.pk)
        if own is None:
            return super().localized
        if own.locale.language_code == code:
            return self
        translation = directory.translation_of(own, code)
        if translation is None:
            return super().localized
        return translation if translation.live else self

    def route(self, request, path_components):
        """Find a section or an article in one query by its URL path.

        Wagtail's default routing walks the tree one level at a time (two queries a level);
        sections and articles sit at fixed depths below the home page, so their url_path
        identifies them directly. Anything else falls back to Wagtail's own routing.
        """
        model = {1: SectionPage, 2: ArticlePage}.get(len(path_components))
        if model is not None:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            # An article's lead picture comes with it (every article page shows it), and the
            # section it is listed in, which is its parent when it is live and not a copy.
            related = ("locale", "lead_image", "listed_in") if model is ArticlePage else ("locale",)
            # What model.objects.live().select_related(*related).get(url_path=url_path) reads,
            # by a statement written by hand (home/routing.py): a URL path names one page.
            page = read_live_page(model, url_path, related)
            if page is not None:
                self.give_live_ancestors(page)
                return RouteResult(page)
        return super().route(request, path_components)

    def give_live_ancestors(self, page) -> None:
        """Tell a routed section or article its live ancestors, which routing has just read.

        The breadcrumb, the menu and the article's section link need them
        (core/navigation.py: live_ancestors); without this they cost a query of their own
        wherever nothing is cached. Left to that query whenever in doubt: this home page or
        the section not live, an article not listed (a draft's copy, an untranslated alias).
        """
        if not self.live:
            return
        if page.depth == self.depth + 1:
            page._live_ancestors = [self]
            return
        section = page.listed_in if page.listed_in_id else None
        if section is not None and section.live and page.path[: -Page.steplen] == section.path:
            page._live_ancestors = [self, section]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed")
        return context

    def archive_context(self, request, articles, count_key, canonical_path, counter):
        return {
            "articles": self.paginate_articles(request, articles, count_key, counter),
            "sections_by_path": SimpleLazyObject(lambda: sections_by_path(self)),
            "canonical_url": self.get_full_url(request) + canonical_path,
        }

    @path("")
    def index(self, request):
        keys.shows(keys.home(self.pk))
        # Built only if the front page is drawn: a cached fragment of it needs no query.
        preview = getattr(request, "is_preview", False)
        front = SimpleLazyObject(lambda: build_front_page(self, preview=preview))
        return self.render(
            request,
            context_overrides={
                "front": front,
                "sections_by_path": SimpleLazyObject(lambda: front.sections_by_path),
            },
        )

    @re_path(r"^tags/(?P<slug>[-\w]+)/$", name="tag")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        keys.shows(keys.tag(tag.pk))
        listed = self.listed_articles()
        articles = listed.filter(tagged_items__tag=tag)
        canonical = self.reverse_subpage("tag", args=[slug])
        links = ArticlePageTag.objects.filter(tag=tag)
        counter = partial(count_linked, listed, links, "content_object")
        count_key = f"tag:{self.pk}:{tag.pk}"
        context = self.archive_context(request, articles, count_key, canonical, counter)
        context["tag"] = tag
        return self.render(request, template="pages/tag_page.html", context_overrides=context)

    @re_path(r"^authors/(?P<slug>[-\w]+)/$", name="author")
    def author(self, request, slug):
        author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
        keys.shows(keys.author(author.pk))
        listed = self.listed_articles()
        articles = listed.filter(article_authors__author=author)
        canonical = self.reverse_subpage("author", args=[slug])
        links = ArticlePageAuthor.objects.filter(author=author)
        counter = partial(count_linked, listed, links, "page")
        count_key = f"author:{self.pk}:{author.pk}"
        context = self.archive_context(request, articles, count_key, canonical, counter)
        context["author"] = author
        return self.render(request, template="pages/author_page.html", context_overrides=context)

    @path("feed/", name="feed")
    def feed(self, request):
        keys.shows(keys.home(self.pk))
        return SiteFeed()(request, home=self)

    def listed_articles(self):
        return ArticlePage.objects.listed_under(self)


class HomePageFeaturedArticle(Orderable):
    """One of the front page's featured slots, in the editors' order."""

    page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("article", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured article")
        verbose_name_plural = _("featured articles")


class InformationPage(SingleQueryViewRestrictionsMixin, SeoMetadataMixin, Page):
    """A page about the publication itself: about us, contact, privacy policy, terms of use.

    Written with the article's blocks (headed sections, lists with bold leads, quotes, images)
    but without a byline, a date, comments or numbering: these pages are the newsroom's, not a
    story's. They sit under a language's home page (and under each other, as a WordPress
    site's pages may) and are linked from the footer.
    """

    base_form_class = SitePageForm
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1000,
        help_text=_("One or two sentences shown under the title and to search engines."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in the footer"),
        default=True,
        help_text=_("List this page among the information pages at the foot of every page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.InformationPage"]
    subpage_types = ["home.InformationPage"]
    template = "pages/information_page.html"

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    @cached_property
    def sections(self):
        """The body's blocks in order; information pages never number their sections."""
        return number_body(self.body, numbered=False)
