"""PostgreSQL's two ways of finding the newest matches, and phrases, give the reader the same page.

A word in most articles is found by walking the newest articles; a rarer one from the GIN index
(search/query.py). Each test forces one way and checks ranking, filters, paging and the count.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from search import query as search_query
from search import views as search_views
from search.query import SearchCriteria, phrases_as_conjunctions, ranked_entries
from tests.factories import make_article
from tests.html import soup_of, text_of

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the walk and the GIN index are PostgreSQL's"
    ),
]


def at(day):
    return timezone.make_aware(datetime.datetime(2024, 3, day, 12))


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def result_titles(response):
    return [text_of(h) for h in soup_of(response).select(".search-results .search-result__title")]


@pytest.fixture(params=["walk", "index"])
def path(request, monkeypatch):
    """Makes the planner's estimate say the word is in every article of a large archive (the
    walk) or in none (the index). Tests that want the walk to serve their results rank fewer
    than they have matches: a walk only answers when it finds more than it ranks."""

    def estimate(cursor, newest_first, tsquery):
        return (10**6 if request.param == "walk" else 0), 10**6

    monkeypatch.setattr(search_query, "_estimated_matches", estimate)
    return request.param


def rank_at_most(monkeypatch, count):
    monkeypatch.setattr(search_query, "RANKED_CANDIDATES", count)
    monkeypatch.setattr(search_views, "RANKED_CANDIDATES", count)


@pytest.fixture
def walks(monkeypatch):
    """The walks over the date index that the searches made (their tsqueries)."""
    made = []
    walk = search_query._walk

    def spy(cursor, newest_first, tsquery, *args, **kwargs):
        made.append(tsquery)
        return walk(cursor, newest_first, tsquery, *args, **kwargs)

    monkeypatch.setattr(search_query, "_walk", spy)
    return made


@pytest.fixture
def saffron(demo_site):
    """Five matching articles in politics, a day apart, and a newer one in economy."""
    politics = demo_site["politics"]
    economy = demo_site["home"].get_children().get(slug="economy").specific
    make_article(politics, title="الزعفران في العنوان القديم", publication_date=at(1))
    make_article(politics, title="موسم الحصاد", standfirst="الزعفران", publication_date=at(2))
    make_article(politics, title="عنوان أول", body=paragraph("في الزعفران"), publication_date=at(3))
    make_article(politics, title="الزعفران في العنوان", publication_date=at(4))
    make_article(politics, title="عنوان ثان", body=paragraph("الزعفران"), publication_date=at(5))
    make_article(politics, title="أسواق", standfirst="تجارة الزعفران", publication_date=at(6))
    make_article(economy, title="الزعفران والاقتصاد", publication_date=at(7))
    return {"politics": politics, "economy": economy}


def test_both_ways_rank_the_matches_title_first_then_newest(
    saffron, path, walks, search, monkeypatch
):
    rank_at_most(monkeypatch, 5)

    soup = soup_of(search("الزعفران"))

    assert bool(walks) == (path == "walk")
    # The newest five matches (days 7 to 3): title, then standfirst, then body; newest first.
    assert [text_of(h) for h in soup.select(".search-result__title")] == [
        "الزعفران والاقتصاد",
        "الزعفران في العنوان",
        "أسواق",
        "عنوان ثان",
        "عنوان أول",
    ]
    assert "5" in text_of(soup.select_one(".search-summary"))


def test_both_ways_find_all_the_matches_when_there_are_few(saffron, path, search):
    assert result_titles(search("الزعفران")) == [
        "الزعفران والاقتصاد",
        "الزعفران في العنوان",
        "الزعفران في العنوان القديم",
        "أسواق",
        "موسم الحصاد",
        "عنوان ثان",
        "عنوان أول",
    ]


def test_both_ways_apply_the_filters(saffron, path, search, monkeypatch):
    rank_at_most(monkeypatch, 2)

    in_politics = result_titles(search("الزعفران", section=saffron["politics"].pk))
    recent = result_titles(search("الزعفران", date_from="2024-03-05"))

    assert in_politics == ["أسواق", "عنوان ثان"]
    assert recent == ["الزعفران والاقتصاد", "أسواق"]


def test_both_ways_rank_only_the_newest_and_say_there_are_more(saffron, path, monkeypatch):
    rank_at_most(monkeypatch, 3)

    outcome = ranked_entries(SearchCriteria(text="الزعفران", language_code="ar"))
    four = ranked_entries(
        SearchCriteria(text="الزعفران", language_code="ar", date_from=datetime.date(2024, 3, 4))
    )
    three = ranked_entries(
        SearchCriteria(text="الزعفران", language_code="ar", date_from=datetime.date(2024, 3, 5))
    )

    # The newest three matches (days 7, 6, 5), then ranked: title, standfirst, body.
    assert [entry.publication_date.day for entry in outcome.entries] == [7, 6, 5]
    assert outcome.capped
    # Exactly RANKED_CANDIDATES + 1 matches is "more"; exactly as many is not.
    assert four.capped and len(four.entries) == 3
    assert not three.capped and len(three.entries) == 3


def test_both_ways_page_through_the_results(demo_site, path, search, monkeypatch):
    rank_at_most(monkeypatch, 11)
    for day in range(1, 13):
        make_article(demo_site["politics"], title=f"الزعفران {day}", publication_date=at(day))

    first = soup_of(search("الزعفران"))
    second = result_titles(search("الزعفران", page="2"))

    titles = [text_of(h) for h in first.select(".search-result__title")]
    assert titles == [f"الزعفران {day}" for day in range(12, 2, -1)]
    assert second == ["الزعفران 2"]
    assert "11" in text_of(first.select_one(".search-summary"))
    assert first.select_one(".pagination a[rel=next]")


def test_a_walk_that_falls_short_ends_in_the_index(saffron, walks, monkeypatch):
    def everywhere(cursor, newest_first, tsquery):
        return 1000, 1000

    monkeypatch.setattr(search_query, "_estimated_matches", everywhere)
    monkeypatch.setattr(search_query, "RANKED_CANDIDATES", 1)
    monkeypatch.setattr(search_query, "WALKED_ENTRIES", 3)  # the newest three do not match

    outcome = ranked_entries(SearchCriteria(text="الحصاد", language_code="ar"))

    assert walks
    assert [entry.publication_date.day for entry in outcome.entries] == [2]
    assert not outcome.capped


def test_the_planner_statistics_send_only_common_words_to_the_walk(demo_site, walks, monkeypatch):
    from bench.synthetic_articles import load_synthetic_articles

    load_synthetic_articles(200)  # "المغرب" is in almost every one; "داعش" in none
    monkeypatch.setattr(search_query, "RANKED_CANDIDATES", 5)

    common = ranked_entries(SearchCriteria(text="المغرب", language_code="ar"))
    rare = ranked_entries(SearchCriteria(text="داعش", language_code="ar"))

    assert walks == ["'مغرب'"]  # the common word only
    assert common.capped and len(common.entries) == 5
    assert [entry.page_id for entry in rare.entries] == [demo_site["article"].pk]


@pytest.mark.parametrize(
    ("tsquery", "conjunction"),
    [
        ("'بنك' <-> 'مركز'", "'بنك' & 'مركز'"),
        ("'بنك' <-> 'مركز' & 'مغرب'", "'بنك' & 'مركز' & 'مغرب'"),
        ("( 'a' <2> 'b' ) | 'c'", "( 'a' & 'b' ) | 'c'"),
        ("'it''s' <-> 'a<->b'", "'it''s' & 'a<->b'"),
        ("'بنك' & 'مركز'", None),
        ("!( 'بنك' <-> 'مركز' )", None),
        ("'a<->b'", None),
    ],
)
def test_phrases_become_conjunctions_for_the_index(tsquery, conjunction):
    assert phrases_as_conjunctions(tsquery) == conjunction


@pytest.fixture
def bank(demo_site):
    """An old article with the phrase; three newer ones with both words apart."""
    politics = demo_site["politics"]
    make_article(politics, title="قرار البنك المركزي", publication_date=at(1))
    for day in (2, 3, 4):
        make_article(
            politics, title=f"البنك يعلن {day}", standfirst="المركزي", publication_date=at(day)
        )


def test_a_phrase_is_found_among_articles_having_its_words(bank, path, search):
    soup = soup_of(search('"البنك المركزي"'))

    assert result_titles_in(soup) == ["قرار البنك المركزي"]
    assert soup.select_one(".search-notice") is None


def result_titles_in(soup):
    return [text_of(h) for h in soup.select(".search-results .search-result__title")]


def test_a_phrase_is_checked_in_the_newest_candidates_and_the_page_says_so(
    bank, path, walks, search, monkeypatch
):
    monkeypatch.setattr(search_query, "PHRASE_CANDIDATES", 2)
    monkeypatch.setattr(search_views, "PHRASE_CANDIDATES", 2)

    outcome = ranked_entries(SearchCriteria(text='"البنك المركزي"', language_code="ar"))
    soup = soup_of(search('"البنك المركزي"'))
    dated = result_titles(search('"البنك المركزي"', date_to="2024-03-02"))

    # The candidates (days 4, 3, 2, 1) come from the walk or the index, as for any words.
    assert walks[:1] == (["'بنك' & 'مركز'"] if path == "walk" else [])
    assert outcome.entries == [] and outcome.phrase_window
    assert soup.select_one(".empty-state")
    assert "2" in text_of(soup.select_one(".search-notice"))
    # A date range narrows the candidates, so the older article is reached.
    assert dated == ["قرار البنك المركزي"]


def test_a_phrase_found_often_is_ranked_and_capped_like_words(demo_site, path, monkeypatch):
    rank_at_most(monkeypatch, 2)
    for day in (1, 2, 3):
        make_article(demo_site["politics"], title=f"البنك المركزي {day}", publication_date=at(day))

    outcome = ranked_entries(SearchCriteria(text='"البنك المركزي"', language_code="ar"))

    assert [entry.publication_date.day for entry in outcome.entries] == [3, 2]
    assert outcome.capped and not outcome.phrase_window
