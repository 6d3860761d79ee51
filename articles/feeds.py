"""RSS 2.0 feeds: the whole site (one language's home page) and each section."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles.listing import newest
from core.text import clean_data

FEED_LENGTH = 30


class ControlCharacterFreeRssFeed(Rss201rev2Feed):
    """Django's RSS 2.0 writer, given text without the control characters XML refuses.

    Django raises on them, which made the whole feed fail for every reader; every value of the
    channel and of each item is cleaned here, whichever field it came from.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*clean_data(args), **clean_data(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*clean_data(args), **clean_data(kwargs))


class LatestArticlesFeed(Feed):
    feed_type = ControlCharacterFreeRssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def articles(self, page):
        # Each feed says which articles it follows with listed_articles(page).
        return newest(self.listed_articles(page), FEED_LENGTH)

    def link(self, page):
        return page.get_full_url(self.request)

    def feed_url(self, page):
        return self.link(page) + page.reverse_subpage("feed")

    def items(self, page):
        return self.articles(page)

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.standfirst

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.display_date

    def item_author_name(self, article):
        names = [author.name for author in article.ordered_authors]
        return pgettext("separator between author names", ", ").join(names) if names else None


class SiteFeed(LatestArticlesFeed):
    def get_object(self, request, home):
        return home

    def listed_articles(self, home):
        return home.listed_articles()

    def title(self, home):
        return home.meta_title

    def description(self, home):
        return home.meta_description or _("The latest articles")


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, section):
        return section

    def listed_articles(self, section):
        return section.listed_articles()

    def title(self, section):
        site = section.get_site()
        site_name = site.site_name if site else ""
        return f"{section.title} | {site_name}" if site_name else section.title

    def description(self, section):
        return section.meta_description or _("The latest articles in %(section)s") % {
            "section": section.title
        }
