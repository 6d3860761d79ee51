"""A newsroom archive for the page benchmarks: articles with bylines, tags and comments.

Articles come from ``bench.synthetic_articles`` (bulk inserts); this adds what the listing and
article pages also show, in bulk too: an author or two per article, a few tags, and approved
reader comments under the seed article.
"""

import random

from django.db import connection, transaction
from taggit.models import Tag

from articles.models import ArticlePage, ArticlePageAuthor, ArticlePageTag, Author
from bench.synthetic_articles import load_synthetic_articles

AUTHORS = 20
TAGS = 200
SEED_COMMENTS = 60
SEED_SLUG = "morocco-counter-terrorism-regional-security"


def ensure_demo() -> None:
    """The demo newsroom, built once: later runs reuse it as it is.

    Building it again would switch on wagtail-localize's tree sync over an archive that may hold
    100,000 articles (an untranslated copy of each in every other language): far too slow for a
    benchmark's set-up, and not what it measures.
    """
    from demo.builder import build_demo_content
    from home.models import HomePage

    if not HomePage.objects.filter(depth=2, locale__language_code="ar").exists():
        build_demo_content()


@transaction.atomic
def ensure_archive(size: int, *, seed: int = 11) -> int:
    """Grows the Arabic archive to ``size`` articles (the demo newsroom must exist)."""
    existing = ArticlePage.objects.filter(locale__language_code="ar").count()
    if existing >= size:
        return existing
    before = set(ArticlePage.objects.values_list("pk", flat=True))
    load_synthetic_articles(size - existing)
    new_ids = sorted(set(ArticlePage.objects.values_list("pk", flat=True)) - before)
    add_bylines_and_tags(new_ids, random.Random(seed + existing))
    add_seed_comments()
    analyze([ArticlePageAuthor, ArticlePageTag])
    return size


def analyze(models) -> None:
    """Fresh planner statistics for tables just filled in bulk.

    Without them PostgreSQL still believes the byline and tag tables hold a handful of rows and
    reads them whole for every listing (27 ms a page at 100,000 articles); autovacuum may be
    off, or not yet have run.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def add_bylines_and_tags(page_ids: list[int], rng: random.Random) -> None:
    authors = [
        Author.objects.get_or_create(slug=f"bench-author-{n}", defaults={"name": f"كاتب {n}"})[0]
        for n in range(AUTHORS)
    ]
    tags = [
        Tag.objects.get_or_create(slug=f"bench-tag-{n}", defaults={"name": f"وسم {n}"})[0]
        for n in range(TAGS)
    ]
    links, tagged = [], []
    for page_id in page_ids:
        for order, author in enumerate(rng.sample(authors, rng.choice((1, 1, 2)))):
            links.append(ArticlePageAuthor(page_id=page_id, author=author, sort_order=order))
        for tag in rng.sample(tags, rng.randint(1, 3)):
            tagged.append(ArticlePageTag(content_object_id=page_id, tag=tag))
    ArticlePageAuthor.objects.bulk_create(links, batch_size=5000)
    ArticlePageTag.objects.bulk_create(tagged, batch_size=5000)


def add_seed_comments() -> None:
    from comments.models import ReaderComment

    seed = ArticlePage.objects.get(slug=SEED_SLUG, locale__language_code="ar")
    have = ReaderComment.objects.filter(page=seed).count()
    comments = [
        ReaderComment(
            page=seed,
            author_name=f"قارئ {n}",
            author_email=f"reader{n}@example.com",
            body=f"تعليق رقم {n} على المقال.",
            status="approved",
        )
        for n in range(have, SEED_COMMENTS)
    ]
    for comment in comments:
        comment.save()
