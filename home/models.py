"""The site root: the front page of one language's site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from articles.mixins import ArticleListingMixin, SingleQueryViewRestrictionsMixin
from articles.models import ArticlePage, SectionPage


class HomePage(SingleQueryViewRestrictionsMixin, ArticleListingMixin, Page):
    """The front page: the latest articles from every section."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Find a section or an article in one query by its URL path.

        Wagtail's default routing walks the tree one level at a time (two queries a level);
        sections and articles sit at fixed depths below the home page, so their url_path
        identifies them directly. Anything else falls back to Wagtail's own routing.
        """
        model = {1: SectionPage, 2: ArticlePage}.get(len(path_components))
        if model is not None:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = model.objects.live().filter(url_path=url_path).first()
            if page is not None:
                return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only labels for the cards: restricted articles are already left out of the listing.
        sections = SectionPage.objects.live().child_of(self)
        articles = ArticlePage.objects.live().public().descendant_of(self).for_listing()
        context["articles"] = self.paginate_articles(request, articles)
        # Cards name their section; one query for all sections beats a parent lookup per card.
        context["sections_by_path"] = {section.path: section for section in sections}
        return context
