"""What readers see: approved comments only, threaded, counted in Arabic, in flat queries."""
# ruff: noqa: RUF001 (Eastern Arabic digits are the subject of some tests here)

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from comments.models import CommentStatus, ReaderComment
from comments.templatetags.comment_tags import comment_count_label
from tests.comments.conftest import bulk_comments, make_comment
from tests.html import soup_of, text_of


@pytest.mark.parametrize(
    ("count", "arabic"),
    [
        (0, "لا تعليقات"),
        (1, "تعليق واحد"),
        (2, "تعليقان"),
        (3, "3 تعليقات"),
        (10, "10 تعليقات"),
        (11, "11 تعليقًا"),
        (99, "99 تعليقًا"),
        (100, "100 تعليق"),
        (102, "102 تعليق"),
        (103, "103 تعليقات"),
        (111, "111 تعليقًا"),
    ],
)
def test_arabic_count_has_six_plural_forms(count, arabic):
    with translation.override("ar"):
        assert comment_count_label(count) == arabic


@pytest.mark.parametrize(
    ("language", "count", "label"),
    [
        ("fr", 0, "0 commentaire"),
        ("fr", 1, "1 commentaire"),
        ("fr", 2, "2 commentaires"),
        ("en", 1, "1 comment"),
        ("en", 0, "0 comments"),
        ("en", 5, "5 comments"),
    ],
)
def test_french_and_english_plurals(language, count, label):
    with translation.override(language):
        assert comment_count_label(count) == label


@pytest.mark.django_db
def test_header_shows_the_count_of_approved_comments(client, article):
    for _ in range(3):
        make_comment(article)
    make_comment(article, status=CommentStatus.PENDING)
    make_comment(article, status=CommentStatus.SPAM)
    make_comment(article, status=CommentStatus.REMOVED)
    soup = soup_of(client.get(article.url))
    count = soup.select_one(".article__header .article__comment-count a")
    assert text_of(count) == "3 تعليقات"
    assert count["href"] == "#comments"
    assert len(soup.select(".comment")) == 3


@pytest.mark.django_db
def test_threads_oldest_first_with_permalinks(client, article):
    now = timezone.now()
    first = make_comment(article, author_name="الأول")
    second = make_comment(article, author_name="الثاني")
    reply = make_comment(article, parent=first, author_name="رد")
    reply_to_reply = make_comment(article, parent=reply, author_name="رد على رد")
    ReaderComment.objects.filter(pk=second.pk).update(created_at=now + timedelta(minutes=5))
    soup = soup_of(client.get(article.url))
    top = soup.select(".comments > ol.comment-list > li")
    assert [item["id"] for item in top] == [f"comment-{first.pk}", f"comment-{second.pk}"]
    level_two = top[0].select(":scope > ol > li")
    assert [item["id"] for item in level_two] == [f"comment-{reply.pk}"]
    level_three = level_two[0].select(":scope > ol > li")
    assert [item["id"] for item in level_three] == [f"comment-{reply_to_reply.pk}"]
    permalink = level_three[0].select_one(".comment__permalink")
    assert permalink["href"] == f"#comment-{reply_to_reply.pk}"
    # Depth 3 is the limit: the deepest comment has no reply link, the others do.
    assert level_three[0].select_one(".comment__reply") is None
    assert level_two[0].select_one(":scope > article .comment__reply") is not None


@pytest.mark.django_db
def test_reply_deeper_than_the_limit_joins_the_deepest_level(client, article, comment_settings):
    from tests.comments.conftest import post_comment

    top = make_comment(article)
    reply = make_comment(article, parent=top)
    deepest = make_comment(article, parent=reply)
    post_comment(client, article, parent=str(deepest.pk))
    new = ReaderComment.objects.latest("pk")
    assert new.parent_id == reply.pk
    assert new.depth == 2


@pytest.mark.django_db
def test_author_link_is_nofollow_and_text_is_isolated(client, article):
    comment = make_comment(
        article,
        author_name="Jean Dupont",
        author_url="https://example.com/",
        body="سطر أول بالعربية with English\n\nفقرة ثانية",
    )
    soup = soup_of(client.get(article.url))
    shown = soup.select_one(f"#comment-{comment.pk}")
    link = shown.select_one(".comment__author a")
    assert link["href"] == "https://example.com/"
    assert set(link["rel"]) == {"nofollow", "ugc", "noopener"}
    assert text_of(link.find("bdi")) == "Jean Dupont"
    body = shown.select_one(".comment__body")
    assert body["dir"] == "auto"
    assert [text_of(p) for p in body.find_all("p")] == [
        "سطر أول بالعربية with English",
        "فقرة ثانية",
    ]


@pytest.mark.django_db
def test_date_in_arabic_and_initials_avatar_drawn_by_the_site(client, article):
    comment = make_comment(article, author_name="فاطمة الزهراء")
    ReaderComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2025, 3, 14, 9, 30))
    )
    soup = soup_of(client.get(article.url))
    shown = soup.select_one(f"#comment-{comment.pk}")
    assert text_of(shown.select_one("time")) == "14 مارس 2025، الساعة 09:30"
    avatar = shown.select_one(".comment__avatar")
    assert text_of(avatar) == "ف"
    assert avatar.find("img") is None


@pytest.mark.django_db
def test_more_than_fifty_top_level_comments_paginate(client, article):
    comments = [make_comment(article) for _ in range(55)]
    soup = soup_of(client.get(article.url))
    assert len(soup.select(".comments > ol.comment-list > li")) == 50
    later = soup.select_one(".comments__pages a[rel=next]")
    assert later["href"].startswith(article.url)
    soup = soup_of(client.get(later["href"].split("#")[0]))
    shown = [item["id"] for item in soup.select(".comments > ol.comment-list > li")]
    assert shown == [f"comment-{comment.pk}" for comment in comments[50:]]
    assert text_of(soup.select_one(".article__comment-count")) == "55 تعليقًا"


@pytest.mark.django_db
def test_replies_under_a_removed_comment_disappear_with_it(client, article):
    top = make_comment(article)
    make_comment(article, parent=top)
    ReaderComment.objects.filter(pk=top.pk).update(status=CommentStatus.REMOVED)
    soup = soup_of(client.get(article.url))
    assert soup.select(".comment") == []
    assert text_of(soup.select_one(".article__comment-count")) == "لا تعليقات"


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), soup_of(response)


@pytest.mark.slow  # writes 500 comments: the full suite runs it, make test-fast does not
@pytest.mark.django_db
@pytest.mark.parametrize("fragments_cached", [False, True], ids=["rendered", "cached"])
def test_five_hundred_threaded_comments_take_as_many_queries_as_five(
    client, article, settings, fragments_cached
):
    from articles.models import ArticlePage
    from tests.factories import make_article

    settings.FRAGMENT_CACHE_ENABLED = fragments_cached
    other = make_article(ArticlePage.objects.get(pk=article.pk).get_parent().specific)
    bulk_comments(other, top_level=1, replies_per_comment=2)  # 1 + 2 + 2 = 5
    bulk_comments(article, top_level=100, replies_per_comment=2)  # 100 + 200 + 200 = 500
    assert ReaderComment.objects.filter(page=other).count() == 5
    assert ReaderComment.objects.filter(page=article).count() == 500
    # Warm per-process and per-generation caches (site root paths, related articles) for both.
    client.get(other.url)
    client.get(article.url)
    few, few_soup = queries_for(client, other.url)
    many, many_soup = queries_for(client, article.url)
    assert len(few_soup.select(".comment")) == 5
    assert len(many_soup.select(".comment")) == 250  # 50 conversations on the first page
    assert text_of(many_soup.select_one(".article__comment-count")) == "500 تعليق"
    # The first page of a conversation is one query, however many conversations there are.
    assert many == few


@pytest.mark.django_db
def test_comments_cost_one_query_and_the_settings_when_rendered(
    client, article, demo_site, settings
):
    from tests.factories import make_article

    settings.FRAGMENT_CACHE_ENABLED = False
    bare = make_article(demo_site["politics"], title="بلا تعليقات")
    busy = make_article(demo_site["politics"], title="مع تعليقات")
    make_comment(busy, parent=make_comment(busy))
    client.get(bare.url)
    client.get(busy.url)  # the site's comment settings row is created on first use
    bare_queries, _ = queries_for(client, bare.url)
    busy_queries, busy_soup = queries_for(client, busy.url)
    # Always the first conversations with their replies (one query); with comments, the reply
    # depth too.
    assert busy_queries - bare_queries == 1
    assert text_of(busy_soup.select_one(".article__comment-count")) == "تعليقان"


@pytest.mark.django_db
def test_a_cached_conversation_costs_no_query(client, article, demo_site):
    from tests.factories import make_article

    bare = make_article(demo_site["politics"], title="بلا تعليقات")
    busy = make_article(demo_site["politics"], title="مع تعليقات")
    make_comment(busy, parent=make_comment(busy))
    client.get(bare.url)
    client.get(busy.url)
    bare_queries, _ = queries_for(client, bare.url)
    busy_queries, busy_soup = queries_for(client, busy.url)
    assert busy_queries == bare_queries
    assert len(busy_soup.select(".comment")) == 2


DUMMY_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


@pytest.mark.django_db
@pytest.mark.parametrize("comments_page", [1, 2])
def test_the_comments_ask_as_many_queries_for_five_comments_as_for_many_pages_of_threads(
    client, demo_site, settings, comments_page
):
    """With every cache off (DJANGO_CACHE=off): the first comment page is one query, its
    conversations, their replies and both totals; a later one adds the counting query that
    says whether it exists. Never one per comment, per thread or per page of comments."""
    from tests.factories import make_article

    settings.CACHES = {"default": DUMMY_CACHE, "renditions": DUMMY_CACHE}
    settings.CACHE_ENABLED = False
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False
    settings.CACHE_IS_SHARED = False
    few = make_article(demo_site["politics"], title="تعليقات قليلة")
    many = make_article(demo_site["politics"], title="تعليقات كثيرة")
    bulk_comments(few, top_level=1, replies_per_comment=2)  # 1 + 2 + 2 = 5
    bulk_comments(many, top_level=55, replies_per_comment=1)  # 55 + 55 + 55 = 165, two pages
    query = f"?comments_page={comments_page}"
    client.get(few.url + query)
    client.get(many.url + query)
    with CaptureQueriesContext(connection) as few_queries:
        few_soup = soup_of(client.get(few.url + query))
    with CaptureQueriesContext(connection) as many_queries:
        many_soup = soup_of(client.get(many.url + query))

    def of_comments(captured):
        return [q["sql"] for q in captured.captured_queries if "comments_readercomment" in q["sql"]]

    assert len(of_comments(few_queries)) == len(of_comments(many_queries)) == comments_page
    assert len(few_queries) == len(many_queries)
    assert len(few_soup.select(".comment")) == 5
    # Page 1 holds the first 50 conversations, page 2 the last 5, each with its two replies.
    assert len(many_soup.select(".comment")) == (150 if comments_page == 1 else 15)
    assert text_of(many_soup.select_one(".comments__title")) == "165 تعليقًا"


@pytest.mark.django_db
def test_reply_links_keep_the_comment_page_and_say_whom_they_answer(client, article):
    comments = [make_comment(article) for _ in range(51)]
    last = make_comment(article, author_name='Jean "<JD>"')
    soup = soup_of(client.get(article.url + "?comments_page=2"))
    shown = soup.select_one(f"#comment-{last.pk}")
    reply = shown.select_one(".comment__reply")
    assert reply["href"] == f"{article.url}?comments_page=2&reply_to={last.pk}#respond"
    assert reply["data-reply-to"] == str(last.pk)
    assert text_of(reply.select_one(".visually-hidden")) == 'على Jean "<JD>"'
    assert text_of(shown.select_one(".comment__author bdi")) == 'Jean "<JD>"'
    assert shown.select_one(".comment__author a") is None  # no address given
    assert shown.select_one(".comment")["aria-labelledby"] == f"comment-{last.pk}-author"
    first_page = soup_of(client.get(article.url))
    href = first_page.select_one(f"#comment-{comments[0].pk} .comment__reply")["href"]
    assert href == f"{article.url}?reply_to={comments[0].pk}#respond"


@pytest.mark.django_db
def test_a_closed_conversation_shows_its_comments_without_reply_links(client, article):
    comment = make_comment(article)
    type(article).objects.filter(pk=article.pk).update(comments_open=False)
    soup = soup_of(client.get(article.url))
    assert soup.select_one(f"#comment-{comment.pk} .comment__body") is not None
    assert soup.select(".comment__reply") == []
    assert text_of(soup.select_one(".comments__closed")) == "التعليقات مغلقة."


@pytest.mark.django_db
def test_counts_and_dates_follow_the_sites_digits(client, article):
    """A site that writes Arabic in Eastern Arabic digits writes its comment counts so too,
    in the article's header and above the conversation, and its comments' dates."""
    from wagtail.models import Site

    from translations.models import ArabicDigits, NumberFormattingSettings

    for _ in range(3):
        make_comment(article)
    setting = NumberFormattingSettings.for_site(Site.objects.get(is_default_site=True))
    setting.arabic_digits = ArabicDigits.EASTERN
    setting.save()
    soup = soup_of(client.get(article.url))
    assert text_of(soup.select_one(".article__comment-count")) == "٣ تعليقات"
    assert text_of(soup.select_one(".comments__title")) == "٣ تعليقات"
    dates = [text_of(time) for time in soup.select(".comment time")]
    assert dates and not any(digit in date for date in dates for digit in "0123456789"), dates
    assert all("٢٠٢٦" in date or "٢٠٢٧" in date for date in dates), dates


@pytest.mark.django_db
def test_comment_pages_are_numbered_in_the_sites_digits(client, article):
    from wagtail.models import Site

    from translations.models import ArabicDigits, NumberFormattingSettings

    bulk_comments(article, 51, 0)
    setting = NumberFormattingSettings.for_site(Site.objects.get(is_default_site=True))
    setting.arabic_digits = ArabicDigits.EASTERN
    setting.save()
    soup = soup_of(client.get(article.url))
    assert "١" in text_of(soup.select_one(".comments__pages span"))
    assert text_of(soup.select_one(".article__comment-count")) == "٥١ تعليقًا"
