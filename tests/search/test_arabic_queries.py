"""The issue's contract: the seed article is found however a reader spells the query."""

# ruff: noqa: RUF001 (Arabic letters and marks are the subject here)

import pytest

from tests.factories import make_article
from tests.html import soup_of, text_of

# The demo's own stories would answer these searches too: they look for what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")

SEED_TITLE = "نهج المغرب في مكافحة الإرهاب والأمن الإقليمي"


def result_titles(response):
    return [text_of(h) for h in soup_of(response).select(".search-results .search-result__title")]


@pytest.mark.parametrize(
    "query",
    [
        "الارهاب",
        "الإرهاب",
        "الإرْهَاب",
        "الاٍرهاب",
        "مكافحه الارهاب",
        "ـالإرهـــاب",
        "داعش",
        "المكتب المركزي",
        "BCIJ",
        "bcij",
        "\u200fالإرهاب\u200f",
    ],
)
def test_seed_article_is_on_the_first_results_page(demo_site, search, query):
    response = search(query)

    assert response.status_code == 200
    assert SEED_TITLE in result_titles(response)


def test_unrelated_query_does_not_return_the_seed_article(demo_site, search):
    response = search("كرة القدم")

    assert response.status_code == 200
    assert SEED_TITLE not in result_titles(response)
    assert soup_of(response).select_one(".empty-state")


@pytest.mark.parametrize("query", ["٢٠٢٤", "۲۰۲۴", "2024"])
def test_eastern_arabic_and_persian_digits_match_western_digits(demo_site, search, query):
    make_article(
        demo_site["politics"],
        title="حصيلة العمليات الأمنية",
        standfirst="تقرير عن السنة.",
        body=[{"type": "paragraph", "value": "<p>فككت السلطات 12 خلية خلال سنة 2024.</p>"}],
    )

    assert result_titles(search(query)) == ["حصيلة العمليات الأمنية"]


def test_alef_maksura_and_yaa_meet(demo_site, search):
    make_article(demo_site["politics"], title="افتتاح مستشفى جديد بالرباط")

    assert result_titles(search("مستشفي")) == ["افتتاح مستشفى جديد بالرباط"]


def test_tags_authors_and_section_are_searched(demo_site, search):
    assert SEED_TITLE in result_titles(search("هيئة التحرير"))  # the author
    assert SEED_TITLE in result_titles(search("الأمن الإقليمي"))  # a tag
    assert SEED_TITLE in result_titles(search("سياسة"))  # the section


def test_matches_in_the_title_rank_above_matches_in_the_body(demo_site, search):
    politics = demo_site["politics"]
    make_article(
        politics,
        title="تقرير اقتصادي",
        body=[{"type": "paragraph", "value": "<p>ذكر التقرير الزعفران مرة واحدة.</p>"}],
    )
    make_article(politics, title="الزعفران المغربي", standfirst="موسم الحصاد.")
    make_article(politics, title="أسواق الجنوب", standfirst="تجارة الزعفران تنتعش.")

    assert result_titles(search("الزعفران")) == [
        "الزعفران المغربي",
        "أسواق الجنوب",
        "تقرير اقتصادي",
    ]
