"""Where a page sits in the tree, looked up once per request and shared by the page's chrome."""

from wagtail.models import Page


def live_ancestors(page: Page) -> list[Page]:
    """The page's live ancestors from the home page down (the tree's root excluded).

    The breadcrumb, the section navigation and the article's section link all need them;
    the result is kept on the page instance so one render asks the database once.
    """
    cached = getattr(page, "_live_ancestors", None)
    if cached is None:
        cached = list(Page.objects.ancestor_of(page).filter(depth__gt=1).live())
        page._live_ancestors = cached
    return cached
