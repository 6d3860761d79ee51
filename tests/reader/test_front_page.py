"""The front page: the editors' lead and featured slots, the latest, and a block per section."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from articles.readership import ArticleDailyViews
from home.front_page import FEATURED_SLOTS
from home.models import HomePageFeaturedArticle
from tests.factories import add_listed_articles, make_article, make_section
from tests.html import soup_of, text_of

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")


def titles(elements):
    return [text_of(element.select_one(".article-card__title")) for element in elements]


def front(client, home):
    response = client.get(home.url)
    assert response.status_code == 200
    return soup_of(response)


@pytest.fixture
def newsroom(demo_site):
    home = demo_site["home"]
    economy = make_section(home, "اقتصاد وطني", "national-economy")
    articles = add_listed_articles(economy, 12)  # "خبر رقم 11" is the newest
    return {**demo_site, "economy": economy, "articles": articles}


@pytest.mark.django_db
def test_without_choices_the_newest_article_leads_and_the_next_fill_the_featured_slots(
    client, newsroom
):
    # The seed article is published "now", so it is the newest of all.
    page = front(client, newsroom["home"])
    assert titles(page.select(".front-page__lead")) == [newsroom["article"].title]
    featured = titles(page.select(".front-page__featured li"))
    assert featured == ["خبر رقم 11", "خبر رقم 10", "خبر رقم 9", "خبر رقم 8"]


@pytest.mark.django_db
def test_the_editors_lead_and_featured_articles_come_first(client, newsroom):
    home = newsroom["home"]
    chosen_lead = newsroom["articles"][2]
    home.lead_article = chosen_lead
    home.featured_articles = [
        HomePageFeaturedArticle(article=newsroom["articles"][0]),
        HomePageFeaturedArticle(article=newsroom["articles"][1]),
    ]
    home.save_revision().publish()

    page = front(client, home)
    assert titles(page.select(".front-page__lead")) == ["خبر رقم 2"]
    featured = titles(page.select(".front-page__featured li"))
    # The editors' two, in their order, then the newest articles not already shown.
    assert featured == ["خبر رقم 0", "خبر رقم 1", newsroom["article"].title, "خبر رقم 11"]
    latest = titles(page.select("#latest-title ~ .article-list li"))
    assert latest[:2] == ["خبر رقم 10", "خبر رقم 9"]
    assert "خبر رقم 2" not in latest


@pytest.mark.django_db
def test_an_unpublished_choice_is_replaced_by_the_newest_article(client, newsroom):
    home = newsroom["home"]
    home.lead_article = newsroom["articles"][0]
    home.save_revision().publish()
    newsroom["articles"][0].unpublish()

    page = front(client, home)
    assert titles(page.select(".front-page__lead")) == [newsroom["article"].title]
    assert "خبر رقم 0" not in text_of(page.select_one(".front-page__top"))


@pytest.mark.django_db
def test_each_section_has_a_block_with_its_newest_articles(client, newsroom):
    page = front(client, newsroom["home"])
    blocks = {
        # The newest as a card with its picture, the next ones as headlines.
        text_of(section.select_one("h2")): [
            text_of(title) for title in section.select(".article-card__title, .section-box__more a")
        ]
        for section in page.select(".front-page__block")
        if section.select_one("h2 a")
    }
    assert blocks["اقتصاد وطني"] == ["خبر رقم 11", "خبر رقم 10", "خبر رقم 9", "خبر رقم 8"]
    assert blocks["سياسة"] == [newsroom["article"].title]
    # Sections without articles get no empty block.
    assert "رياضة" not in blocks
    heading_link = page.find("a", string="اقتصاد وطني", href=newsroom["economy"].url)
    assert heading_link is not None


@pytest.mark.django_db
def test_the_front_page_is_never_bare(client, demo_site):
    """With a single article it leads; with none the page says so rather than breaking."""
    page = front(client, demo_site["home"])
    assert titles(page.select(".front-page__lead")) == [demo_site["article"].title]
    assert page.select(".front-page__featured li") == []

    demo_site["article"].unpublish()
    page = front(client, demo_site["home"])
    assert text_of(page.select_one(".empty-state")) == "لم يُنشر أي مقال هنا بعد."


@pytest.mark.django_db
def test_the_lead_image_loads_first_and_later_images_lazily(client, newsroom):
    from tests.factories import make_image

    image = make_image()
    section = newsroom["economy"]
    now = timezone.now()
    make_article(section, title="بصورة", lead_image=image, publication_date=now + timedelta(1))
    for index in range(FEATURED_SLOTS + 2):
        make_article(section, title=f"مصور {index}", lead_image=image, publication_date=now)
    page = front(client, newsroom["home"])
    lead_image = page.select_one(".front-page__lead img")
    assert lead_image["fetchpriority"] == "high"
    assert not lead_image.get("loading")
    below = page.select(".front-page__block img")
    assert below and all(img["loading"] == "lazy" for img in below)


@pytest.mark.django_db
def test_an_article_without_authors_shows_no_byline_in_a_listing(client, newsroom):
    from tests.factories import AuthorFactory

    make_article(newsroom["economy"], title="بلا كاتب", publication_date=timezone.now())
    make_article(newsroom["economy"], title="بكاتب", authors=[AuthorFactory(name="ليلى")])
    page = front(client, newsroom["home"])
    cards = {
        text_of(card.select_one(".article-card__title")): card
        for card in page.select(".front-page__top .article-card")
    }
    assert cards["بلا كاتب"].select(".byline__author") == []
    assert [text_of(a) for a in cards["بكاتب"].select(".byline__author")] == ["ليلى"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_section_boxes_and_most_read_link_where_wagtail_does(
    client, demo_site, nothing_cached, fragments_off, language
):
    """The boxes' headlines and the most-read list link each article as Wagtail's ``pageurl``
    does, though their URLs are worked out from the section's and the home page's: an Arabic
    slug quoted as Wagtail quotes it, in each language's tree."""
    home = demo_site["home"]
    if language != "ar":
        home = home.get_translation(Locale.objects.get(language_code=language))
    section = make_section(home, "أخبار محلية", "أخبار-محلية")
    now = timezone.now()
    articles = [
        make_article(
            section,
            title=f"خبر محلي {n}",
            slug=f"خبر-محلي-{n}",
            publication_date=now - timedelta(hours=n),
        )
        for n in range(3)
    ]
    ArticleDailyViews.objects.create(article=articles[2], day=timezone.localdate(), views=7)

    response = client.get(home.url)
    assert response.status_code == 200
    request = response.wsgi_request
    page = soup_of(response)
    (box,) = [
        block
        for block in page.select(".front-page__block")
        if text_of(block.select_one("h2")) == section.title
    ]
    links = {text_of(link): link["href"] for link in box.select("a")}
    most_read = {text_of(link): link["href"] for link in page.select(".most-read__list a")}

    assert links[section.title] == section.get_url(request)
    for article in articles:  # the newest as a card, the next two as headlines
        assert links[article.title] == article.get_url(request)
    assert most_read[articles[2].title] == articles[2].get_url(request)
    assert "%D8%AE%D8%A8%D8%B1-" in links[articles[1].title]  # the Arabic slug, quoted
