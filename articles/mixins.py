"""Behaviour shared by the pages that list articles (the home page and sections)."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator


class ArticleListingMixin:
    """Paginates a listing the same way everywhere.

    A missing, non-numeric or negative ``?page=`` shows the first page and one past the end
    shows the last, so a hand-edited or stale link never produces an error page.
    """

    articles_per_page = 12

    def paginate_articles(self, request, articles) -> PaginatorPage:
        paginator = Paginator(articles, self.articles_per_page)
        requested = request.GET.get("page", "1")
        try:
            number = int(requested)
        except (TypeError, ValueError):
            number = 1
        return paginator.get_page(max(number, 1))


class SingleQueryViewRestrictionsMixin:
    """Reads a page's view restrictions (its own and its ancestors') in one query.

    Wagtail's version first loads the ancestors to follow aliases, then the restrictions: two
    queries on every page view. Here one query matches restrictions on the page, its ancestors
    and whatever they are aliases of — the same set, or a stricter superset, never less.
    """

    def get_view_restrictions(self):
        from django.db.models import Q
        from wagtail.models import Page, PageViewRestriction

        paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
        in_branch = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=in_branch.values("pk")) | Q(page__in=in_branch.values("alias_of_id"))
        )
