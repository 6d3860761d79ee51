"""Home and section pages: newest first, paginated, and flat in queries as the archive grows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import AuthorFactory, make_article, make_section
from tests.html import soup_of, text_of

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")


def add_articles(section, count, author):
    start = timezone.now() - timedelta(days=count)
    for index in range(count):
        make_article(
            section,
            title=f"خبر رقم {index}",
            authors=[author],
            publication_date=start + timedelta(hours=index),
        )


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths), as on a running server
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.slow  # builds many articles: the full suite runs it, make test-fast does not
@pytest.mark.django_db
@pytest.mark.parametrize("page_name", ["home", "section"])
def test_listing_queries_do_not_grow_with_the_number_of_articles(
    client, demo_site, fragments_off, page_name
):
    home = demo_site["home"]
    small = make_section(home, "قسم صغير", "small")
    large = make_section(home, "قسم كبير", "large")
    author = AuthorFactory()
    add_articles(small, 1, author)
    small_count = queries_for(client, home.url if page_name == "home" else small.url)

    add_articles(large, 50, author)
    large_count = queries_for(client, home.url if page_name == "home" else large.url)

    assert large_count == small_count


@pytest.mark.django_db
def test_section_lists_its_articles_newest_first(client, demo_site):
    section = make_section(demo_site["home"], "اقتصاد وطني", "national-economy")
    now = timezone.now()
    make_article(section, title="الأقدم", publication_date=now - timedelta(days=2))
    make_article(section, title="الأحدث", publication_date=now)
    make_article(section, title="مسودة", publish=False)
    page = soup_of(client.get(section.url))
    titles = [text_of(h3) for h3 in page.select(".article-card__title")]
    assert titles == ["الأحدث", "الأقدم"]


@pytest.mark.django_db
def test_home_lists_the_seed_article_with_its_section(client, demo_site):
    page = soup_of(client.get(demo_site["home"].url))
    card = page.select_one(".article-card")
    assert text_of(card.select_one(".article-card__title")) == demo_site["article"].title
    assert card.select_one(".article-card__title a")["href"] == demo_site["article"].url
    assert text_of(card.select_one(".article-card__section")) == "سياسة"


@pytest.mark.django_db
@pytest.mark.parametrize("page_param", ["abc", "-3", "0", "99999", "1.5", "", "%00"])
def test_a_bad_page_number_never_breaks_the_section(client, demo_site, page_param):
    section = demo_site["politics"]
    add_articles(section, 13, AuthorFactory())
    response = client.get(section.url, {"page": page_param})
    assert response.status_code == 200
    assert soup_of(response).select(".article-card")


@pytest.mark.django_db
def test_pagination_links_to_older_articles(client, demo_site):
    section = demo_site["politics"]
    add_articles(section, 13, AuthorFactory())
    first = soup_of(client.get(section.url))
    assert len(first.select(".article-card")) == 12
    older = first.select_one("a[rel=next]")
    second = soup_of(client.get(section.url + older["href"]))
    assert len(second.select(".article-card")) == 2
    assert second.select_one("a[rel=prev]") is not None


@pytest.mark.django_db
def test_empty_section_says_so(client, demo_site):
    empty = make_section(demo_site["home"], "رياضة محلية", "local-sports")
    page = soup_of(client.get(empty.url))
    assert text_of(page.select_one(".empty-state")) == "لم يُنشر أي مقال هنا بعد."


@pytest.mark.django_db
def test_cards_are_read_as_the_orm_reads_them_in_three_queries(demo_site):
    from articles.card_display import CARD_FILTER_SPECS
    from articles.cards import read_cards
    from articles.models import ArticlePage
    from tests.factories import make_image

    politics = demo_site["politics"]
    start = timezone.now() - timedelta(days=1)
    for index in range(5):
        picture = make_image() if index != 2 else None
        if picture is not None:
            picture.get_rendition("fill-320x180")  # as a page that showed it made it
        make_article(
            politics,
            title=f"بطاقة {index}",
            authors=[AuthorFactory(), AuthorFactory()] if index % 2 else [],
            lead_image=picture,
            publication_date=start + timedelta(hours=index),
        )
    listed = ArticlePage.objects.listed_in_section(politics)
    ids = listed.order_by("-publication_date", "-pk").values("pk")[:4]
    expected = list(ArticlePage.objects.filter(pk__in=ids).for_listing())
    with CaptureQueriesContext(connection) as captured:
        cards = read_cards(ArticlePage, ids)
        drawn = [
            (
                card.pk,
                card.title,
                card.display_date,
                [author.name for author in card.ordered_authors],
                card.lead_image and sorted(r.pk for r in card.lead_image.prefetched_renditions),
            )
            for card in cards
        ]
    assert len(captured) == 3  # the cards with their pictures, the authors, the renditions
    assert any(card.lead_image and card.lead_image.prefetched_renditions for card in cards)
    assert drawn == [
        (
            card.pk,
            card.title,
            card.display_date,
            [author.name for author in card.ordered_authors],
            card.lead_image
            and sorted(
                r.pk for r in card.lead_image.renditions.filter(filter_spec__in=CARD_FILTER_SPECS)
            ),
        )
        for card in expected
    ]
    assert read_cards(ArticlePage, [cards[1].pk, cards[0].pk]) == cards[:2]  # newest first
