"""Keeps the article search index in step with the published articles."""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from search.models import ArticleSearchEntry
from search.normalise import normalised_words

# PostgreSQL text-search configuration per content language; anything else gets "simple".
TEXT_SEARCH_CONFIGS = {"ar": "arabic", "fr": "french", "en": "english"}
INDEXED_FIELDS = [
    "language_code",
    "section",
    "publication_date",
    "title",
    "standfirst",
    "labels",
    "body",
    "excerpt_source",
]
BATCH_SIZE = 500


def text_search_config(language_code: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(language_code, "simple")


def folded(*texts: str) -> str:
    return " ".join(word for text in texts for word in normalised_words(text))


def body_text(article: ArticlePage) -> str:
    """The text of every block, paragraphs and headings alike, tags stripped."""
    stream_block = article.body.stream_block
    return "\n".join(
        text.strip() for text in stream_block.get_searchable_content(article.body) if text.strip()
    )


def parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def entry_for(article: ArticlePage, section: SectionPage | None) -> ArticleSearchEntry:
    # Through the tagged items, which articles_for_indexing() prefetches (tags.all() does not
    # use the prefetch: one query per article).
    tags = [item.tag.name for item in article.tagged_items.all()]
    authors = [link.author.name for link in article.article_authors.all()]
    section_title = section.title if section else ""
    text = body_text(article)
    return ArticleSearchEntry(
        page_id=article.pk,
        language_code=article.locale.language_code,
        section=section,
        publication_date=article.publication_date or article.first_published_at or timezone.now(),
        title=folded(article.title),
        standfirst=folded(article.standfirst),
        labels=folded(*tags, *authors, section_title),
        body=folded(text),
        excerpt_source=text,
    )


def articles_for_indexing():
    # Aliases are untranslated copies of Arabic articles in the other languages' trees: they
    # are found through their original, never as French or English results.
    return (
        ArticlePage.objects.live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .prefetch_related("tagged_items__tag", "article_authors__author")
        .order_by("pk")
    )


def headline_vector(config: str) -> SearchVector:
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("standfirst", weight="B", config=config)
        + SearchVector("labels", weight="C", config=config)
    )


def search_vector(config: str) -> SearchVector:
    return headline_vector(config) + SearchVector("body", weight="D", config=config)


def refresh_search_vectors(page_ids: Iterable[int] | None = None) -> None:
    """Rebuilds the tsvector of the given entries (all when None) on PostgreSQL."""
    if connection.vendor != "postgresql":
        return
    entries = ArticleSearchEntry.objects.all()
    if page_ids is not None:
        entries = entries.filter(pk__in=list(page_ids))
    for language_code in entries.values_list("language_code", flat=True).distinct():
        config = text_search_config(language_code)
        entries.filter(language_code=language_code).update(
            search_vector=search_vector(config), headline_vector=headline_vector(config)
        )


def index_articles(articles: Iterable[ArticlePage]) -> int:
    """Writes (or rewrites) the entries of the given live articles; returns how many."""
    articles = list(articles)
    if not articles:
        return 0
    sections = {
        section.path: section
        for section in SectionPage.objects.filter(
            path__in={parent_path(article) for article in articles}
        )
    }
    entries = [entry_for(article, sections.get(parent_path(article))) for article in articles]
    ArticleSearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=INDEXED_FIELDS,
        batch_size=BATCH_SIZE,
    )
    refresh_search_vectors(entry.page_id for entry in entries)
    return len(entries)


def index_article(article: ArticlePage) -> None:
    if article.live and article.alias_of_id is None:
        index_articles(articles_for_indexing().filter(pk=article.pk))
    else:
        remove_pages([article.pk])


def index_articles_under(page: Page) -> int:
    """Re-indexes the live articles at or under ``page`` (a moved or renamed section)."""
    return index_in_batches(articles_for_indexing().descendant_of(page, inclusive=True))


def index_in_batches(articles) -> int:
    count = 0
    batch = []
    for article in articles.iterator(chunk_size=BATCH_SIZE):
        batch.append(article)
        if len(batch) == BATCH_SIZE:
            count += index_articles(batch)
            batch = []
    return count + index_articles(batch)


def remove_pages(page_ids: Iterable[int]) -> None:
    ArticleSearchEntry.objects.filter(pk__in=list(page_ids)).delete()


def rebuild_index() -> int:
    """Empties the index and indexes every live article again."""
    ArticleSearchEntry.objects.all().delete()
    return index_in_batches(articles_for_indexing())
