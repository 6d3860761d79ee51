"""Around the article: reading time, related articles, previous/next, sharing, printing."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.reading_time import WORDS_PER_MINUTE, count_words, reading_minutes
from core.navigation import live_ancestors
from core.restrictions import restricted_pages
from tests.factories import AuthorFactory, make_article, make_image, make_section
from tests.html import soup_of, text_of

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")


def paragraph_body(words: int, word: str):
    return [{"type": "paragraph", "value": "<p>" + " ".join([word] * words) + "</p>"}]


def test_reading_time_uses_each_languages_reading_speed():
    assert count_words("المغرب، بلد جميل! وَالْأَمْنُ الإقليمي") == 5
    assert count_words("l'économie du Maroc — aujourd'hui") == 4
    assert reading_minutes("كلمة " * 1380, "ar") == 10
    assert reading_minutes("word " * 1380, "en") == 7
    assert reading_minutes("mot " * 1380, "fr") == 8
    assert reading_minutes("", "ar") == 1
    assert WORDS_PER_MINUTE["ar"] < WORDS_PER_MINUTE["fr"] < WORDS_PER_MINUTE["en"]


@pytest.mark.django_db
def test_article_shows_its_reading_time_in_arabic(client, demo_site):
    article = make_article(demo_site["politics"], body=paragraph_body(700, "كلمة"))
    page = soup_of(client.get(article.url))
    # 700 words of body + title and standfirst, at 138 words a minute: 6 minutes.
    assert text_of(page.select_one(".article__reading-time")) == "6 دقائق قراءة"


@pytest.mark.django_db
def test_seed_article_reading_time_counts_the_whole_body(demo_site):
    article = demo_site["article"]
    assert article.reading_time >= 3


@pytest.fixture
def related_setup(demo_site):
    home = demo_site["home"]
    politics = demo_site["politics"]
    other = make_section(home, "مجتمع مدني", "civil-society")
    now = timezone.now()
    seed = demo_site["article"]
    return {
        "seed": seed,
        "two_tags_elsewhere": _tagged(other, "وسمان", ["المغرب", "الإرهاب"], now - timedelta(3)),
        "one_tag_elsewhere": _tagged(other, "وسم واحد", ["المغرب"], now - timedelta(1)),
        "same_section": _tagged(politics, "القسم نفسه", [], now - timedelta(2)),
        "unrelated": _tagged(other, "لا علاقة", ["الرياضة"], now),
    }


def _tagged(section, title, tags, date):
    article = make_article(section, title=title, publication_date=date)
    if tags:
        article.tags.add(*tags)
        article.save_revision().publish()
    return article


@pytest.mark.django_db
def test_related_articles_share_tags_or_the_section_most_shared_first(client, related_setup):
    page = soup_of(client.get(related_setup["seed"].url))
    related = [text_of(h) for h in page.select(".related .article-card__title")]
    assert related == ["وسمان", "وسم واحد", "القسم نفسه"]
    assert related_setup["seed"].title not in related


@pytest.mark.django_db
def test_related_articles_are_chosen_among_the_newest(client, related_setup, monkeypatch):
    from articles.models import ArticlePage

    # Ranking every article of a large archive that shares a tag would be slow: only the
    # newest are considered. Here the window ends just before the article sharing two tags.
    window = (
        ArticlePage.objects.listed_under(related_setup["seed"].get_parent().get_parent())
        .filter(publication_date__gte=related_setup["same_section"].publication_date)
        .count()
    )
    monkeypatch.setattr("articles.onward.RELATED_CANDIDATES", window)
    page = soup_of(client.get(related_setup["seed"].url))
    related = [text_of(h) for h in page.select(".related .article-card__title")]
    assert related == ["وسم واحد", "القسم نفسه"]


@pytest.mark.django_db
def test_related_articles_cost_no_query_per_article(client, demo_site, fragments_off):
    seed = demo_site["article"]

    def article_queries():
        client.get(seed.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(seed.url)
        return len(captured)

    image = make_image()
    make_article(demo_site["politics"], title="واحد", authors=[AuthorFactory()], lead_image=image)
    one_related = article_queries()
    for index in range(5):
        make_article(
            demo_site["politics"],
            title=f"آخر {index}",
            authors=[AuthorFactory(), AuthorFactory()],
            lead_image=image,
        )
    assert article_queries() == one_related


def onward_of(article_id: int) -> tuple[dict, int]:
    """The article's onward reading, and the queries it cost once the page knows its place."""
    from articles.models import ArticlePage
    from articles.onward import reading_onward

    article = ArticlePage.objects.get(pk=article_id)
    live_ancestors(article)  # read by routing, before the end of the page is drawn
    article.tag_list  # noqa: B018 -- read by the page's cache keys, likewise
    restricted_pages()
    with CaptureQueriesContext(connection) as captured:
        found = reading_onward(article, article.related_count)
        for card in found["related"]:
            if card.lead_image is not None:
                # The sizes of the card's picture, where Wagtail's get_rendition looks first.
                list(card.lead_image.prefetched_renditions)
            card.ordered_authors  # noqa: B018 -- the byline the card draws
    return found, len(captured)


@pytest.mark.django_db
def test_reading_onward_costs_three_queries_however_many_cards_and_authors(demo_site):
    politics = demo_site["politics"]
    seed = demo_site["article"]
    _, alone = onward_of(seed.pk)
    assert alone == 1  # no other article: the statement finds nothing to add cards for
    make_article(politics, title="واحد", authors=[AuthorFactory()], lead_image=make_image())
    found, one = onward_of(seed.pk)
    assert [card.title for card in found["related"]] == ["واحد"]
    for index in range(5):
        make_article(
            politics,
            title=f"آخر {index}",
            authors=[AuthorFactory(), AuthorFactory(), AuthorFactory()],
            lead_image=make_image(),
        )
    found, many = onward_of(seed.pk)
    # The statement (cards and neighbours), the cards' authors, their pictures' renditions.
    assert one == many == 3
    assert len(found["related"]) == 4
    assert [len(card.ordered_authors) for card in found["related"]] == [3, 3, 3, 3]


@pytest.mark.django_db
def test_onward_cards_are_the_articles_as_the_orm_reads_them(demo_site):
    from articles.models import ArticlePage

    image = make_image()
    related = make_article(demo_site["politics"], title="صورة", lead_image=image)
    found, _ = onward_of(demo_site["article"].pk)
    card = found["related"][0]
    read = ArticlePage.objects.get(pk=related.pk)
    for field in ArticlePage._meta.concrete_fields:
        if field.name != "body":
            assert getattr(card, field.attname) == getattr(read, field.attname), field.name
    assert "body" in card.get_deferred_fields()  # as a listing reads it
    assert card.lead_image == image
    assert card.lead_image.created_at == image.created_at
    # The seed's next newer article in the section, with what the pager draws of it.
    assert (found["newer"].pk, found["newer"].title, found["newer"].url) == (
        related.pk,
        related.title,
        related.url,
    )


@pytest.mark.django_db
def test_previous_and_next_are_what_the_section_lists(client, demo_site):
    from wagtail.models import PageViewRestriction

    politics = demo_site["politics"]
    now = timezone.now()
    same_time = now - timedelta(days=1)
    first = make_article(politics, title="الأول", publication_date=same_time)
    second = make_article(politics, title="الثاني", publication_date=same_time)
    private = make_article(politics, title="خاص", publication_date=now - timedelta(hours=12))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = make_article(politics, title="مسودة", publication_date=now - timedelta(hours=6))
    draft.unpublish()

    # Same date: the one added later is the newer; the private and unpublished ones are skipped.
    pager = soup_of(client.get(second.url)).select_one(".article-pager")
    assert pager.select_one("a[rel=prev]")["href"] == first.url
    assert pager.select_one("a[rel=next]")["href"] == demo_site["article"].url
    pager = soup_of(client.get(first.url)).select_one(".article-pager")
    assert pager.select_one("a[rel=next]")["href"] == second.url


@pytest.mark.django_db
def test_previous_and_next_stay_in_the_section(client, demo_site):
    politics = demo_site["politics"]
    now = timezone.now()
    older = make_article(politics, title="أقدم", publication_date=now - timedelta(days=2))
    middle = make_article(politics, title="أوسط", publication_date=now - timedelta(days=1))
    other = make_section(demo_site["home"], "فن", "art")
    make_article(other, title="قسم آخر", publication_date=now - timedelta(hours=30))

    page = soup_of(client.get(middle.url))
    pager = page.select_one(".article-pager")
    assert pager.select_one("a[rel=prev]")["href"] == older.url
    assert pager.select_one("a[rel=next]")["href"] == demo_site["article"].url
    oldest = soup_of(client.get(older.url)).select_one(".article-pager")
    assert oldest.select_one("a[rel=prev]") is None


@pytest.mark.django_db
def test_share_links_are_plain_links_to_each_network(client, demo_site):
    article = demo_site["article"]
    page = soup_of(client.get(article.url))
    links = {a["class"][1].split("--")[1]: a["href"] for a in page.select(".share__link")}
    assert set(links) == {"x", "facebook", "whatsapp", "telegram", "email"}
    hosts = {name: urlsplit(href).hostname for name, href in links.items() if name != "email"}
    assert hosts == {
        "x": "x.com",
        "facebook": "www.facebook.com",
        "whatsapp": "wa.me",
        "telegram": "t.me",
    }
    full_url = article.get_full_url()
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [full_url], "text": [article.title]}
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [full_url]}
    assert links["email"].startswith("mailto:?subject=")
    # No script from any of them: the share block is links only.
    assert not page.select(".share script, script[src*='x.com'], script[src*='facebook']")


@pytest.mark.django_db
def test_print_stylesheet_is_linked_for_print_only(client, demo_site):
    # What printing hides: tests/browser/test_article_in_browser.py prints the page.
    page = soup_of(client.get(demo_site["article"].url))
    print_link = page.select_one("link[rel=stylesheet][media=print]")
    assert print_link["href"].endswith("css/print.css")
