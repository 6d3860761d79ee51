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
