"""Writing a batch of new articles in a handful of queries instead of ~150 per article.

Wagtail's page API (``add_child``, ``save_revision``, ``publish``) saves each page three times
and runs every save and publication signal for it: the search indexes, the reference index and
the cache generation are each updated per save. For a new article that nobody has seen yet, the
result of that sequence is known in advance, so it is written directly, per batch:

- the tree: each section's new children get the next materialised paths after its last child
  (treebeard's own step arithmetic), ``numchild`` grows once per section, ``url_path`` is the
  section's plus the slug;
- the rows: ``wagtailcore_page`` then ``articles_articlepage`` (multi-table inheritance, which
  ``bulk_create`` refuses, so through the manager's ``_insert``, as ``Model.save`` does), one
  revision per page, then the revision pointers in one update;
- tags, bylines, Wagtail's search index, the article search entries and the reference index in
  bulk for the whole batch.

The page's "created" history entry is written too; a CDN's listings are purged once per
section and batch; the cache generation is bumped once at the end of the run by the importer.
The caller wraps the batch in one transaction: an import killed half-way leaves no
half-created page.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from modelsearch.backends import get_search_backends
from taggit.models import Tag
from wagtail.log_actions import get_active_log_context
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision

from articles.models import ArticlePage, ArticlePageAuthor, ArticlePageTag, SectionPage
from pagecache.frontend import purge_listings
from search import indexing
from wordpress_import.bulk_insert import insert_rows

INSERT_CHUNK = 200


@dataclass
class NewArticle:
    """An article to create: everything the page API would have been given."""

    page: ArticlePage
    section: SectionPage
    live: bool
    first_published_at: object = None
    last_published_at: object = None
    tag_names: list[str] = field(default_factory=list)
    author_id: int | None = None


def _place_in_tree(articles: list[NewArticle]) -> None:
    """Paths, depth and URL path of each new child, after its section's last child."""
    by_section: dict[int, list[NewArticle]] = defaultdict(list)
    for article in articles:
        by_section[article.section.pk].append(article)
    sections = Page.objects.in_bulk(list(by_section))
    for section_id, children in by_section.items():
        section = sections[section_id]
        last_path = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        for article in children:
            page = article.page
            if last_path is None:
                path = Page._get_path(section.path, section.depth + 1, 1)
            else:
                path = Page(path=last_path, depth=section.depth + 1)._inc_path()
            page.path, page.depth, page.numchild = path, section.depth + 1, 0
            page.url_path = f"{section.url_path}{page.slug}/"
            last_path = path
        Page.objects.filter(pk=section_id).update(numchild=section.numchild + len(children))


def create_articles(articles: list[NewArticle]) -> None:
    """Creates the batch's articles as the page API would have left them."""
    if not articles:
        return
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    base_content_type = ContentType.objects.get_for_model(Page)
    _place_in_tree(articles)
    pages = [article.page for article in articles]
    for article in articles:
        page = article.page
        page.content_type = content_type
        page.live = article.live
        page.has_unpublished_changes = not article.live
        page.first_published_at = article.first_published_at
        page.last_published_at = article.last_published_at
        page.latest_revision_created_at = now
        page.draft_title = page.title
        if page.publication_date is None and page.first_published_at is not None:
            page.publication_date = page.first_published_at
        page.listed_in_id = article.section.pk if article.live else None
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    ids = insert_rows(Page, pages, page_fields, returning=True)
    for page, (pk,) in zip(pages, ids, strict=True):
        page.pk = page.id = page.page_ptr_id = pk
        page._state.adding = False
    insert_rows(ArticlePage, pages, ArticlePage._meta.local_concrete_fields)
    _bylines_and_tags(articles)
    _revisions(articles, content_type, base_content_type, now)
    _log_creation(pages, content_type, now)
    _index(articles)
    _purge_listings(articles)


def _log_creation(pages: list[ArticlePage], content_type, now) -> None:
    """The "created" entry of each page's history, which ``Page.save`` writes for a new page."""
    uuid = get_active_log_context().uuid
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=now,
                data={},
                uuid=uuid,
                page=page,
                content_changed=True,
            )
            for page in pages
        ]
    )


def _purge_listings(articles: list[NewArticle]) -> None:
    """A CDN in front of the site forgets each section's listings once, not once per article."""
    published = {a.section.pk: a.page for a in articles if a.live}
    for page in published.values():
        purge_listings(sender=ArticlePage, instance=page)


def _bylines_and_tags(articles: list[NewArticle]) -> None:
    """Inserted in bulk, and set on the pages as loaded relations: the revisions, the search
    index and the reference index read them from memory instead of one query each."""
    names = {name for a in articles for name in a.tag_names}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in names - tags.keys():
        tags[name] = Tag.objects.create(name=name)
    bylines = {
        a.page.pk: ArticlePageAuthor(page=a.page, author_id=a.author_id)
        for a in articles
        if a.author_id is not None
    }
    ArticlePageAuthor.objects.bulk_create(list(bylines.values()))
    tagged = {
        a.page.pk: [
            ArticlePageTag(content_object=a.page, tag=tags[name])
            for name in dict.fromkeys(a.tag_names)
        ]
        for a in articles
    }
    ArticlePageTag.objects.bulk_create([item for items in tagged.values() for item in items])
    for article in articles:
        page = article.page
        byline = bylines.get(page.pk)
        page.article_authors = [byline] if byline else []
        page.tagged_items = tagged[page.pk]
        setattr(page, COMMENTS_RELATION_NAME, [])


def _revisions(articles, content_type, base_content_type, now) -> None:
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(a.page.pk),
            created_at=now,
            content=a.page.serializable_data(),
            object_str=str(a.page),
        )
        for a in articles
    ]
    fields = [f for f in Revision._meta.concrete_fields if not f.primary_key]
    for revision, (pk,) in zip(
        revisions, insert_rows(Revision, revisions, fields, True), strict=True
    ):
        revision.pk = pk
        revision._state.adding = False
    for article, revision in zip(articles, revisions, strict=True):
        article.page.latest_revision = revision
        article.page.live_revision = revision if article.live else None
    Page.objects.bulk_update(
        [a.page for a in articles], ["latest_revision", "live_revision"], batch_size=INSERT_CHUNK
    )


def _index(articles: list[NewArticle]) -> None:
    """Wagtail's search index, the article search and the reference index, once per batch."""
    pages = [a.page for a in articles]
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, pages)
    indexing.index_articles(
        indexing.articles_for_indexing().filter(pk__in=[a.page.pk for a in articles if a.live])
    )
    _reference_index(pages)


def _reference_index(pages: list[ArticlePage]) -> None:
    """What ``ReferenceIndex.create_or_update_for_object`` writes for a new page (it has no
    references yet, so nothing to compare or delete), for the whole batch in one insert."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    base_content_type = ContentType.objects.get_for_model(Page)
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=page.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for page in pages
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            )
        ],
        ignore_conflicts=connection.features.supports_ignore_conflicts,
    )
