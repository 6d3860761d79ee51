"""The search page as a reader uses it: filters, pages of results, marks, bad input."""

# ruff: noqa: RUF001 (Arabic letters and marks are the subject here)

import datetime
import time

import pytest
from django.utils import timezone

from search import query as search_query
from search import views as search_views
from search.query import MAX_QUERY_CHARACTERS
from tests.factories import AuthorFactory, make_article, make_section
from tests.html import soup_of, text_of


def result_titles(response):
    return [text_of(h) for h in soup_of(response).select(".search-results .search-result__title")]


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def test_search_page_is_in_the_readers_language_with_a_labelled_form(demo_site, search):
    response = search("")
    soup = soup_of(response)

    assert response.status_code == 200
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    field = soup.select_one("form[role=search] input[name=q]#search-query")
    assert text_of(soup.select_one("label[for=search-query]"))
    assert text_of(soup.select_one(".empty-state"))
    assert field is not None


def test_every_page_header_has_a_labelled_search_box(demo_site, client, search_url):
    soup = soup_of(client.get(demo_site["article"].url))
    form = soup.select_one(".site-nav form.site-search[role=search]")

    assert form["action"] == search_url("ar")
    assert form["method"] == "get"
    assert soup.select_one(f"label[for={form.select_one('input[name=q]')['id']}]")


def test_matching_words_are_marked_in_title_standfirst_and_snippet(demo_site, search):
    soup = soup_of(search("الارهاب"))
    result = soup.select_one(".search-result")

    assert "الإرهاب" in [text_of(mark) for mark in result.select(".search-result__title mark")]
    assert result.select(".search-result__snippet mark")
    assert all("رهاب" in text_of(mark) for mark in result.select("mark"))


def test_marks_keep_the_articles_own_spelling(demo_site, search):
    make_article(demo_site["politics"], title="مُكَافَحَةُ التَّطَرُّفِ", slug="tashkeel")

    titles = soup_of(search("مكافحه")).select(".search-result__title")
    title = next(title for title in titles if "التَّطَرُّفِ" in text_of(title))

    assert [text_of(mark) for mark in title.select("mark")] == ["مُكَافَحَةُ"]


def test_text_is_escaped_around_the_marks(demo_site, search):
    make_article(demo_site["politics"], title="<b>الزعفران</b> & الذهب", slug="escaped")

    title = soup_of(search("الزعفران")).select_one(".search-result__title a")

    assert title.select_one("b") is None
    assert title.get_text() == "<b>الزعفران</b> & الذهب"


def test_section_filter(demo_site, search):
    economy = demo_site["home"].get_children().get(slug="economy").specific
    make_article(economy, title="الإرهاب والاقتصاد", slug="economy-article")

    everywhere = result_titles(search("الإرهاب"))
    in_economy = result_titles(search("الإرهاب", section=economy.pk))

    assert len(everywhere) == 2
    assert in_economy == ["الإرهاب والاقتصاد"]


def test_date_range_filter(demo_site, search):
    politics = demo_site["politics"]
    make_article(politics, title="الزعفران في 2020", publication_date=at(2020, 5, 1))
    make_article(politics, title="الزعفران في 2023", publication_date=at(2023, 5, 1))

    assert result_titles(search("الزعفران", date_from="2021-01-01")) == ["الزعفران في 2023"]
    assert result_titles(search("الزعفران", date_to="2020-05-01")) == ["الزعفران في 2020"]
    assert result_titles(search("الزعفران", date_from="2020-05-01", date_to="2020-05-01")) == [
        "الزعفران في 2020"
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "2024-13-45"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "2024-05-02", "date_to": "2024-05-01"}, "date_to"),
        ({"section": "999999"}, "section"),
    ],
)
def test_bad_filters_get_a_message_in_arabic_and_keep_what_was_typed(
    demo_site, search, params, field
):
    response = search("الإرهاب", **params)
    soup = soup_of(response)

    assert response.status_code == 400
    error = soup.select_one(".search-form__error")
    assert error is not None and any("\u0600" <= char <= "\u06ff" for char in text_of(error))
    assert soup.select_one("#search-query")["value"] == "الإرهاب"
    assert not soup.select(".search-result")


def test_results_are_paginated_and_pages_keep_the_query(demo_site, search):
    politics = demo_site["politics"]
    for number in range(12):
        make_article(politics, title=f"الزعفران {number}", publication_date=at(2024, 1, number + 1))

    first = soup_of(search("الزعفران"))
    next_link = first.select_one(".pagination a[rel=next]")
    second = soup_of(search("الزعفران", page="2"))

    assert len(first.select(".search-result")) == 10
    assert "q=%D8%A7%D9%84%D8%B2%D8%B9%D9%81%D8%B1%D8%A7%D9%86" in next_link["href"]
    assert "page=2" in next_link["href"]
    assert len(second.select(".search-result")) == 2
    assert second.select_one(".search-results")["start"] == "11"
    assert len(soup_of(search("الزعفران", page="abc")).select(".search-result")) == 10
    assert len(soup_of(search("الزعفران", page="99")).select(".search-result")) == 2


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "ا" * MAX_QUERY_CHARACTERS,
        ("الإرهاب " * 200)[:MAX_QUERY_CHARACTERS],
        "\"'\"' & | ! <-> :* ( ) OR or AND -داعش \\ % _ ; -- /* */",
        "الإرهاب\x00داعش",
        "\x00\x00\x00",
        "!!!",
        "في من على",
    ],
)
def test_awkward_queries_answer_200_quickly(demo_site, search, query):
    started = time.monotonic()
    response = search(query)
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed < 2
    soup = soup_of(response)
    assert soup.select(".search-result") or soup.select_one(".empty-state")


@pytest.mark.parametrize("length", [MAX_QUERY_CHARACTERS + 1, 680, 16_000])
def test_a_query_over_the_limit_is_refused_in_arabic_with_its_text_kept(demo_site, search, length):
    """Any length over the form's limit, Arabic letters (six bytes each in the address)."""
    query = ("الإرهاب " * length)[: length - 1] + "ة"
    response = search(query)
    assert response.status_code == 400
    soup = soup_of(response)
    message = text_of(soup.select_one("#search-query-error"))
    assert f"طول بحثك {length} حرفاً" in message
    assert f"والحد الأقصى {MAX_QUERY_CHARACTERS} حرف" in message
    box = soup.select_one("#search-query")
    assert box["value"] == query  # nothing typed is lost
    assert box["maxlength"] == str(MAX_QUERY_CHARACTERS)
    assert box["aria-describedby"] == "search-query-error"


def test_a_query_at_the_limit_is_searched(demo_site, search):
    word = "الإرهاب"
    query = word + " " * (MAX_QUERY_CHARACTERS - 2 * len(word)) + word
    assert len(query) == MAX_QUERY_CHARACTERS
    response = search(query)
    assert response.status_code == 200
    assert "نهج المغرب في مكافحة الإرهاب والأمن الإقليمي" in result_titles_from(soup_of(response))


def test_many_words_within_the_limit_are_shortened_with_a_notice(demo_site, search):
    words = " ".join(["الإرهاب", *(f"كلمة{number}" for number in range(20))])
    soup = soup_of(search(words))

    assert text_of(soup.select_one(".search-notice"))


def result_titles_from(soup):
    return [text_of(h) for h in soup.select(".search-result__title")]


def test_nul_bytes_are_dropped_not_refused(demo_site, search):
    assert "نهج المغرب في مكافحة الإرهاب والأمن الإقليمي" in result_titles(search("\x00داعش\x00"))


def test_other_languages_search_their_own_articles(demo_site, search):
    from wagtail.models import Locale

    from home.models import HomePage

    # The demo's French tree (made by wagtail-localize) gets an article of its own.
    french_home = HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code="fr"))
    section = make_section(french_home, "Monde", "monde")
    make_article(section, title="La lutte contre le terrorisme", standfirst="Les États coopèrent.")

    french = search("terroristes", language_code="fr")
    arabic = search("terrorisme")

    assert soup_of(french).html["lang"] == "fr"
    # French stemming: "terroristes" finds French articles about "terrorisme".
    assert result_titles(french)
    assert all("terrorisme" in title for title in result_titles(french))
    assert result_titles(search("etats", language_code="fr")) == ["La lutte contre le terrorisme"]
    assert result_titles(arabic) == []


def test_search_page_queries_do_not_grow_with_the_results(
    demo_site, search, django_assert_max_num_queries
):
    politics = demo_site["politics"]
    author = AuthorFactory()
    for number in range(10):
        make_article(politics, title=f"الزعفران {number}", authors=[author])

    search("تمهيد")  # warm per-process caches (site, navigation), as on a running server
    # The count does not depend on the number of results (PostgreSQL adds a savepoint and
    # two SET LOCALs).
    with django_assert_max_num_queries(20):
        response = search("الزعفران")

    assert len(soup_of(response).select(".search-result")) == 10


def test_articles_under_a_view_restriction_are_not_found(demo_site, search):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=demo_site["politics"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    assert result_titles(search("داعش")) == []


def test_a_very_broad_query_ranks_the_newest_matches_and_says_so(demo_site, search, monkeypatch):
    monkeypatch.setattr(search_query, "RANKED_CANDIDATES", 3)
    monkeypatch.setattr(search_views, "RANKED_CANDIDATES", 3)
    politics = demo_site["politics"]
    for day in range(1, 5):
        make_article(politics, title=f"الزعفران {day}", publication_date=at(2024, 1, day))

    soup = soup_of(search("الزعفران"))

    assert sorted(result_titles_from(soup)) == ["الزعفران 2", "الزعفران 3", "الزعفران 4"]
    assert "3" in text_of(soup.select_one(".search-summary"))


def test_result_dates_and_counts_are_in_the_sites_digits(demo_site, search):
    """A site that writes Arabic in Eastern Arabic digits writes its search results' count and
    dates so, as every listing card does; the French page keeps Western digits."""
    from wagtail.models import Site

    from translations.models import ArabicDigits, NumberFormattingSettings

    setting = NumberFormattingSettings.for_site(Site.objects.get(is_default_site=True))
    setting.arabic_digits = ArabicDigits.EASTERN
    setting.save()
    soup = soup_of(search("الارهاب"))
    summary = text_of(soup.select_one(".search-summary"))
    assert not any(digit in summary for digit in "0123456789"), summary
    dates = [text_of(t) for t in soup.select(".search-result time")]
    assert dates and all(date for date in dates)
    assert not any(digit in date for date in dates for digit in "0123456789"), dates
    assert any(digit in date for date in dates for digit in "٠١٢٣٤٥٦٧٨٩"), dates
    french = [
        text_of(t)
        for t in soup_of(search("Maroc", language_code="fr")).select(".search-result time")
    ]
    assert french and all(any(digit in date for digit in "0123456789") for date in french)
