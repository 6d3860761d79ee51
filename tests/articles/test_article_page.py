"""The seed article as a reader sees it: the design's first acceptance test."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from demo.seed_article import FOOTER_START, SEED_PATH
from tests.factories import make_article, make_section
from tests.html import soup_of, squash, text_of

SEED_HEADINGS = [
    "الاستراتيجية الأمنية: نهج استباقي في مواجهة الإرهاب",
    "إعادة تأهيل الخطاب الديني: تحصين المجتمع ضد التطرف",
    "التعاون الدولي والإقليمي: شراكة لمكافحة الإرهاب",
    "محاربة التطرف الرقمي: مواجهة الإرهاب على الإنترنت",
    "التحديات المستقبلية في مكافحة الإرهاب",
]


@pytest.fixture
def article_page(client, demo_site):
    response = client.get(demo_site["article"].url)
    assert response.status_code == 200
    return soup_of(response)


def seed_lines():
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    lines = lines[: lines.index(FOOTER_START)]
    return [line.strip().removeprefix("•").strip() for line in lines if line.strip()]


@pytest.mark.django_db
def test_html_element_is_arabic_and_right_to_left(article_page):
    html = article_page.find("html")
    assert html["lang"] == "ar"
    assert html["dir"] == "rtl"


@pytest.mark.django_db
def test_section_link_title_and_standfirst(article_page, demo_site):
    section_link = article_page.select_one(".article__section a")
    assert text_of(section_link) == "سياسة"
    assert section_link["href"] == demo_site["politics"].url
    h1s = article_page.find_all("h1")
    assert [text_of(h1) for h1 in h1s] == ["نهج المغرب في مكافحة الإرهاب والأمن الإقليمي"]
    standfirst = text_of(article_page.select_one(".article__standfirst"))
    assert standfirst.startswith("يعتبر المغرب من الدول الرائدة في مكافحة الإرهاب")


@pytest.mark.django_db
def test_five_numbered_sections_then_unnumbered_conclusion(article_page):
    headings = [text_of(h2) for h2 in article_page.select(".article__body h2")]
    expected = [f"{number}. {heading}" for number, heading in enumerate(SEED_HEADINGS, 1)]
    assert headings == [*expected, "خاتمة"]


@pytest.mark.django_db
def test_every_seed_bullet_is_a_list_item_with_its_bold_lead(article_page):
    items = article_page.select(".article__body li")
    assert len(items) == 15
    first = items[0]
    assert text_of(first.find("strong")) == "الاستخبارات الدقيقة:"
    assert "المكتب المركزي للأبحاث القضائية (BCIJ)" in text_of(first)
    with_leads = [item for item in items if item.find("strong")]
    assert len(with_leads) == 9
    # Bullets without a lead-in in the seed have no bold text either.
    plain = text_of(items[9])
    assert plain == "مراقبة المحتوى الإرهابي على الإنترنت ومنصات التواصل الاجتماعي."
    assert items[9].find("strong") is None


@pytest.mark.django_db
def test_page_text_equals_the_seed_article(article_page):
    seed = seed_lines()
    section_name, title, standfirst, *body = seed
    header_text = text_of(article_page.select_one(".article__header"))
    body_text = text_of(article_page.select_one(".article__body"))
    assert section_name in header_text
    assert title in header_text
    assert standfirst in header_text
    assert squash(body_text) == squash(" ".join(body))


@pytest.mark.django_db
def test_table_of_contents_links_to_each_section_heading(article_page):
    links = article_page.select("nav.toc a")
    assert len(links) == 6
    for link in links:
        target = article_page.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.name == "h2"
        assert text_of(target) == text_of(link)
    ids = [h2["id"] for h2 in article_page.select(".article__body h2")]
    assert len(set(ids)) == len(ids)
    assert "الاستراتيجية" in ids[0]


@pytest.mark.django_db
def test_byline_names_the_author_and_an_arabic_date(article_page):
    byline = text_of(article_page.select_one(".article__byline"))
    assert "هيئة التحرير" in byline
    time = article_page.select_one(".article__byline time")
    assert time["datetime"]
    arabic_months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                     "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
    assert any(month in text_of(time) for month in arabic_months)


@pytest.mark.django_db
def test_back_to_top_is_a_real_link_to_the_top(article_page):
    link = article_page.select_one("a.back-to-top")
    assert link["href"] == "#top"
    assert text_of(link) == "العودة إلى الأعلى"
    assert article_page.find(id="top") is not None


@pytest.mark.django_db
def test_header_navigates_the_sections(article_page):
    nav_links = {text_of(a): a for a in article_page.select("nav.section-nav a")}
    assert "سياسة" in nav_links
    assert nav_links["سياسة"].get("aria-current") == "true"


@pytest.mark.django_db
def test_article_page_renders_in_bounded_queries(
    client, only_the_seed_article, settings, django_assert_max_num_queries
):
    demo_site = only_the_seed_article
    url = demo_site["article"].url
    # Drawn in full (no fragment kept), once the site-wide lists are cached as on any server.
    settings.FRAGMENT_CACHE_ENABLED = False
    client.get(url)
    # Eight, and one for the lead picture's renditions (the seed article has a picture).
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page"].pk == demo_site["article"].pk


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_section_feed_and_neighbour_links_are_wagtails(
    client, demo_site, nothing_cached, fragments_off, language
):
    """The section link, its feed and the newer and older articles link where Wagtail's
    ``pageurl`` would, though worked out from the section's URL: Arabic slugs quoted as
    Wagtail quotes them, in each language's tree."""
    home = demo_site["home"]
    if language != "ar":
        home = home.get_translation(Locale.objects.get(language_code=language))
    section = make_section(home, "أخبار محلية", "أخبار-محلية")
    now = timezone.now()
    older, article, newer = [
        make_article(
            section, title=f"خبر {n}", slug=f"خبر-{n}", publication_date=now - timedelta(hours=n)
        )
        for n in (3, 2, 1)
    ]

    response = client.get(article.url)
    assert response.status_code == 200
    request = response.wsgi_request
    page = soup_of(response)

    assert page.select_one(".article__section a")["href"] == section.get_url(request)
    assert page.select_one(".article__feed a")["href"] == section.get_url(request) + "feed/"
    assert page.select_one(".article-pager__link--next")["href"] == newer.get_url(request)
    assert page.select_one(".article-pager__link--previous")["href"] == older.get_url(request)
    assert "%D8%AE%D8%A8%D8%B1-1" in newer.get_url(request)  # an Arabic slug, quoted
