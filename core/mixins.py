"""Behaviour every page type shares: the requested listing page, SEO metadata, restrictions."""

from django.db.models import Q
from django.utils.text import Truncator
from wagtail.models import Page, PageViewRestriction

from core.restrictions import restricted_pages

META_DESCRIPTION_WORDS = 30


def requested_page_number(request) -> int:
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    return max(number, 1)


class SeoMetadataMixin:
    """What search engines and social networks are told about a page.

    Editors fill "search title" and "search description" on the Promote tab; when they leave
    them empty the page's own words stand in (an article's standfirst, a section's intro).
    """

    og_type = "website"

    def seo_fallback_description(self) -> str:
        return getattr(self, "intro", "") or ""

    @property
    def meta_title(self) -> str:
        return self.seo_title or self.title

    @property
    def meta_description(self) -> str:
        text = self.search_description or self.seo_fallback_description()
        return Truncator(" ".join(text.split())).words(META_DESCRIPTION_WORDS)

    @property
    def social_image(self):
        """The image shared with a link to this page, or None."""
        return None


class SingleQueryViewRestrictionsMixin:
    """Reads a page's view restrictions (its own and its ancestors') in one query.

    Wagtail's version first loads the ancestors to follow aliases, then the restrictions: two
    queries on every page view. Here one query matches restrictions on the page, its ancestors
    and whatever they are aliases of — the same set, or a stricter superset, never less.
    """

    def get_view_restrictions(self):
        # Most sites restrict nothing: the list of restricted pages, kept for the cache
        # generation, then answers without a query.
        if not restricted_pages():
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
        in_branch = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=in_branch.values("pk")) | Q(page__in=in_branch.values("alias_of_id"))
        )
