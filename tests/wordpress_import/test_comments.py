"""WordPress comments become reader comments: statuses, threads, authors and dates kept."""

from datetime import UTC, datetime

import pytest

from articles.models import ArticlePage
from comments.models import CommentStatus, ReaderComment
from tests.html import soup_of
from tests.wordpress_import.conftest import import_file, row_counts

pytestmark = pytest.mark.django_db


def test_statuses_threads_and_skipped_kinds(demo_site, client):
    output = import_file("comment-threads.xml")
    article = ArticlePage.objects.get(title="خبر للنقاش")
    comments = {c.body: c for c in ReaderComment.objects.filter(page=article)}

    first = comments["تعليق أول"]
    assert first.status == CommentStatus.APPROVED and first.parent is None
    assert first.author_name == "قارئ" and first.author_email == "reader501@example.com"
    assert first.ip_address == "196.200.1.1"
    assert first.created_at == datetime(2024, 5, 3, 10, tzinfo=UTC)
    reply = comments["رد"]
    assert reply.parent == first and reply.depth == 1
    # The reply's reply came before its parent in the file; it still hangs under it.
    deeper = comments["رد على الرد (يظهر قبل أصله)"]
    assert deeper.parent == reply and deeper.depth == 2 and deeper.thread_root == first
    # The site allows three levels: a fourth joins the deepest level allowed.
    too_deep = comments["رد أعمق من المسموح"]
    assert too_deep.depth == 2 and too_deep.parent == reply
    assert comments["في الانتظار"].status == CommentStatus.PENDING
    assert comments["إعلان مزعج"].status == CommentStatus.SPAM
    assert comments["محذوف"].status == CommentStatus.REMOVED
    orphan = comments["أصله مفقود"]
    assert orphan.parent is None and orphan.status == CommentStatus.APPROVED
    assert comments["موقع خبيث"].author_url == ""
    assert "إشارة" not in comments and "تعقيب" not in comments
    assert not ReaderComment.objects.filter(body__in=["   ", "تعليق على صفحة"]).exists()
    for reason in (
        "pingback: 1",
        "trackback: 1",
        "empty: 1",
        "on a page (only articles take comments): 1",
    ):
        assert reason in output

    page = soup_of(client.get(article.url)).get_text()
    assert "تعليق أول" in page and "رد على الرد" in page
    assert "إعلان مزعج" not in page and "في الانتظار" not in page


def test_comments_on_posts_that_are_not_imported_are_skipped(demo_site):
    output = import_file("post-statuses.xml")
    assert not ReaderComment.objects.filter(body="تعليق على خبر محذوف").exists()
    assert "on an item that is not imported: 1" in output


def test_a_nul_byte_in_a_comment_is_removed_not_fatal(demo_site):
    output = import_file("comment-with-nul-byte.xml")
    assert ReaderComment.objects.filter(body="تعليق أول").exists()
    assert "NUL characters removed" in output


def test_comments_are_not_duplicated_by_a_second_run(demo_site):
    import_file("comment-threads.xml")
    before = row_counts()
    import_file("comment-threads.xml")
    assert row_counts() == before
