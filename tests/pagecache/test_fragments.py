"""Pieces of pages kept per cache generation: fast to serve, never stale, never shared wrongly."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from comments.tickets import ticket_age
from pagecache import generational
from pagecache.middleware import note_page_shown
from pagecache.registry import cached_value
from pagecache.store import new_generation
from pagecache.templatetags.fragment_cache import fragment_key
from tests.factories import add_listed_articles, make_article
from tests.html import soup_of, text_of


@pytest.mark.django_db
def test_an_article_read_again_costs_one_query(client, demo_site, django_assert_max_num_queries):
    url = demo_site["article"].url
    first = client.get(url)
    with django_assert_max_num_queries(1):
        second = client.get(url)  # the page itself; the rest comes from cached fragments

    # The only difference allowed is the comment form's ticket (issued per request).
    def without_ticket(response):
        page = soup_of(response)
        page.select_one("input[name=ticket]").decompose()
        return str(page)

    assert without_ticket(second) == without_ticket(first)


@pytest.mark.django_db
def test_a_new_revision_shows_on_the_next_request(client, demo_site):
    article = demo_site["article"]
    client.get(article.url)  # fragments cached
    article.title = "عنوان بعد التعديل"
    article.save_revision().publish()
    page = soup_of(client.get(article.url))
    assert text_of(page.h1) == "عنوان بعد التعديل"
    assert "عنوان بعد التعديل" in text_of(page.title)


@pytest.mark.django_db
def test_a_preview_is_drawn_afresh_over_cached_fragments(admin_client, client, demo_site):
    from tests.newsroom.conftest import article_form_data

    article = demo_site["article"]
    client.get(article.url)  # the live article's fragments are cached
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    # The editor previews, changes the title, and previews again (drafts start no generation).
    for title in ("عنوان في المعاينة فقط", "عنوان ثان في المعاينة"):
        data = article_form_data(title=title, slug=article.slug)
        assert admin_client.post(preview_url, data).json()["is_valid"]
        assert text_of(soup_of(admin_client.get(preview_url)).h1) == title
    assert text_of(soup_of(client.get(article.url)).h1) == article.title


@pytest.mark.django_db  # a key holds the generation, recorded in the database
def test_fragment_keys_follow_the_content_parameters_and_refuse_others(settings):
    factory = RequestFactory()
    settings.FRAGMENT_CACHE_ENABLED = True

    def key(query: str, shown=None):
        request = factory.get("/ar/politics/article/" + query)
        for parameter, number in (shown or {}).items():
            note_page_shown(request, parameter, number)  # as the listing or conversation does
        return fragment_key(request, "article", [9])

    assert key("") == key("")
    assert key("?comments_page=2", {"comments_page": 2}) != key("")
    assert key("?page=2", {"page": 2}) != key("?page=3", {"page": 3})
    # A number the page did not show (past the end, or meaningless on this page), or one not
    # spelled the canonical way: drawn afresh, never a new entry (issue 13, item 7).
    assert key("?page=3", {"page": 2}) is None
    assert key("?page=3") is None
    assert key("?page=02", {"page": 2}) is None
    # Anything else may change what the page shows (a search, a reply form): not cached.
    assert key("?reply_to=4") is None
    assert key("?q=x") is None
    # Campaign identifiers from shared links change nothing.
    assert key("?utm_source=x&fbclid=y") == key("")
    # An error page has no page to name: not cached either.
    assert fragment_key(factory.get("/missing/"), "head", [None]) is None
    settings.FRAGMENT_CACHE_ENABLED = False
    assert key("") is None


@pytest.mark.django_db
def test_the_cached_comment_form_carries_a_valid_ticket_for_each_reader(client, demo_site):
    article = demo_site["article"]
    for _ in range(2):  # drawn, then from the cache
        form = soup_of(client.get(article.url)).select_one("form.comment-form__form")
        assert "placeholder" not in form.select_one("input[name=ticket]")["value"]
        assert ticket_age(form.select_one("input[name=ticket]")["value"], article.pk) < 60


@pytest.mark.django_db
def test_a_signed_in_reader_gets_their_own_form_after_anonymous_readers(client, demo_site):
    article = demo_site["article"]
    client.get(article.url)  # the blank form is cached
    reader = get_user_model().objects.create_user(
        "reader-fragments", "reader@example.com", "a-long-password-123", first_name="سلمى"
    )
    client.force_login(reader)
    form = soup_of(client.get(article.url)).select_one("form.comment-form__form")
    assert form.select_one("input[name=email]")["value"] == "reader@example.com"
    client.logout()
    form = soup_of(client.get(article.url)).select_one("form.comment-form__form")
    assert not form.select_one("input[name=email]").get("value")


@pytest.mark.django_db
def test_a_new_article_shows_in_cached_reading_onward(client, demo_site):
    article = demo_site["article"]
    client.get(article.url)
    newer = make_article(demo_site["politics"], title="مقال أحدث في القسم")
    link = soup_of(client.get(article.url)).select_one(".article-pager__link--next")
    assert link["href"] == newer.url
    assert "مقال أحدث في القسم" in text_of(link)


@pytest.mark.django_db
def test_generation_values_are_kept_in_process_memory_until_the_generation_changes():
    computed = []

    def compute():
        computed.append(1)
        return {"value": len(computed)}

    entry = cached_value("home-sections")
    first = entry.get_or_compute(1, compute=compute)
    cache.delete(entry.key(1))  # gone from the shared cache
    assert entry.get_or_compute(1, compute=compute) is first
    assert computed == [1]
    new_generation()
    assert entry.get_or_compute(1, compute=compute) == {"value": 2}


@pytest.mark.django_db
def test_no_process_copies_where_the_cache_is_not_shared(settings):
    settings.CACHE_IS_SHARED = False
    entry = cached_value("home-sections")
    entry.get_or_compute(1, compute=lambda: [1, 2])
    cache.delete(entry.key(1))
    assert entry.get_or_compute(1, compute=lambda: [3]) == [3]


def test_process_copies_keep_the_most_recently_used_and_expire():
    copies = generational.ProcessCopies(max_entries=2)
    copies.set("a", 1, 60)
    copies.set("b", 2, 60)
    assert copies.get("a") == 1  # now the most recently used
    copies.set("c", 3, 60)
    assert copies.get("b") is None
    assert (copies.get("a"), copies.get("c")) == (1, 3)
    copies.set("old", 4, -1)
    assert copies.get("old", "gone") == "gone"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "politics"])
def test_a_listing_read_again_costs_at_most_its_routing_query(
    client, demo_site, name, django_assert_max_num_queries
):
    url = demo_site[name].url
    first = client.get(url)
    with django_assert_max_num_queries(1):
        second = client.get(url)  # the listing is a cached fragment: its query is not run
    assert second.content == first.content


@pytest.mark.django_db
def test_a_published_article_shows_on_cached_listings_at_once(client, demo_site):
    urls = [demo_site["home"].url, demo_site["politics"].url]
    for url in urls:
        client.get(url)  # their listings are cached fragments now
    article = make_article(demo_site["politics"], title="خبر نشر للتو")
    for url in urls:
        titles = [text_of(h) for h in soup_of(client.get(url)).select(".article-card__title")]
        assert "خبر نشر للتو" in titles
    article.unpublish()
    for url in urls:
        assert "خبر نشر للتو" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_later_listing_page_read_again_costs_what_the_first_does(
    client, demo_site, django_assert_max_num_queries
):
    """A later page's fragments (its head, its listing) are kept as the first page's are: its
    page number is settled from the listing's count before they are drawn."""
    section = demo_site["politics"]
    add_listed_articles(section, 13)  # two pages of articles
    url = f"{section.url}?page=2"
    first = client.get(url)
    with django_assert_max_num_queries(1):
        second = client.get(url)
    assert second.content == first.content
    far = client.get(f"{section.url}?page=40")  # past the end: the last page, drawn afresh
    assert far.content == first.content
