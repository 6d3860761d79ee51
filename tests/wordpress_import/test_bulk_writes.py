"""New articles are written a batch at a time (wordpress_import/bulk_pages.py).

What an editor or a reader sees must be what Wagtail's page API would have left: a sound page
tree, one revision that is both the latest and the live one, bylines and tags, the search
entry; and a batch is all or nothing.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from articles.models import ArticlePage, SectionPage
from bench.import_wordpress import write_export
from comments.models import ReaderComment
from search.models import ArticleSearchEntry
from tests.wordpress_import.conftest import import_file
from wordpress_import import bulk_pages
from wordpress_import.models import ImportedItem


def tree_problems():
    """treebeard's own check: bad paths, orphans, wrong depth or child counts."""
    return [problem for problems in Page.find_problems() for problem in problems]


@pytest.mark.slow
def test_a_generated_archive_is_imported_in_a_few_queries_per_article(demo_site, tmp_path):
    export = tmp_path / "export.xml"
    write_export(export, posts=60, comments_per_post=5)
    with CaptureQueriesContext(connection) as queries:
        import_file(export)
    articles = ArticlePage.objects.filter(slug__startswith="post-")
    assert articles.count() == 60
    assert ReaderComment.objects.filter(page__in=articles).count() == 300
    # The page API took about 150 per article (9,000 here). What remains is mostly made once
    # per run (4 sections, 10 authors, 50 tags and what their saves trigger, the redirects),
    # then a few per batch: about 0.6 per article on 1,000 posts.
    assert len(queries) < 60 * 10
    assert tree_problems() == []

    article = articles.get(slug="post-7")
    section = article.get_parent().specific
    assert isinstance(section, SectionPage)
    assert article.url_path == f"{section.url_path}post-7/"
    assert article.live and not article.has_unpublished_changes
    assert article.latest_revision_id == article.live_revision_id is not None
    assert article.revisions.count() == 1
    assert article.listed_in_id == section.pk
    assert article.first_published_at is not None
    assert article.article_authors.get().author.slug == "writer7"
    assert article.tags.count() == 3
    revision = article.latest_revision.as_object()
    assert revision.title == article.title
    assert len(revision.tags.all()) == 3
    assert ArticleSearchEntry.objects.filter(page=article).exists()
    assert ReferenceIndex.objects.filter(object_id=str(article.pk)).exists()
    assert PageLogEntry.objects.filter(page=article, action="wagtail.create").count() == 1
    reply = ReaderComment.objects.filter(page=article, parent__isnull=False).get()
    assert reply.depth == 1 and reply.created_at.year == 2020


def test_a_batch_stopped_while_its_articles_are_written_leaves_nothing_of_it(
    demo_site, monkeypatch
):
    real_index = bulk_pages._index
    numchild_before = SectionPage.objects.get(pk=demo_site["politics"].pk).numchild

    def killed_after_the_rows(articles):
        raise KeyboardInterrupt  # the pages and revisions are inserted, not yet indexed

    monkeypatch.setattr(bulk_pages, "_index", killed_after_the_rows)
    with pytest.raises(KeyboardInterrupt):
        import_file("sections-tags-authors.xml")
    assert not ImportedItem.objects.filter(kind="post").exists()
    assert not ArticlePage.objects.filter(title="خبر مثبت").exists()
    assert SectionPage.objects.get(pk=demo_site["politics"].pk).numchild == numchild_before
    assert tree_problems() == []

    monkeypatch.setattr(bulk_pages, "_index", real_index)
    import_file("sections-tags-authors.xml")
    assert ArticlePage.objects.filter(title="خبر مثبت").count() == 1
    assert tree_problems() == []
