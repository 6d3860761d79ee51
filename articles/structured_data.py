"""schema.org NewsArticle for an article, as search engines read it from JSON-LD."""

from wagtail.models import Site

from core.archives import archive_url
from core.navigation import home_for, live_ancestors
from core.templatetags.site_tags import site_absolute_url


def news_article(article, request, image_url: str | None) -> dict:
    site = Site.find_for_request(request)
    publisher_name = site.site_name if site and site.site_name else ""
    home = home_for(article, request)
    home_url = home.get_full_url(request) if home else ""
    section = article.section
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.get_full_url(request)},
        "headline": article.title,
        "description": article.meta_description,
        "inLanguage": article.locale.language_code,
        "datePublished": article.display_date.isoformat(),
        "dateModified": (article.last_published_at or article.display_date).isoformat(),
        "author": [
            {"@type": "Person", "name": author.name, "url": author_url}
            for author, author_url in article_authors_with_urls(article, request)
        ],
        "publisher": {"@type": "Organization", "name": publisher_name, "url": home_url},
    }
    if section is not None:
        data["articleSection"] = section.title
    if image_url:
        data["image"] = [image_url]
    keywords = [tag.name for tag in article.tag_list]
    if keywords:
        data["keywords"] = keywords
    return data


def article_authors_with_urls(article, request):
    ancestors = live_ancestors(article)
    home = ancestors[0] if ancestors else None
    for author in article.ordered_authors:
        url = archive_url(home, "author", author.slug) if home else ""
        yield author, site_absolute_url(request, url) if url else ""
