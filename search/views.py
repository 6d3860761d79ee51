from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from search.forms import ArticleSearchForm
from search.highlight import highlight, snippet
from search.models import ArticleSearchEntry
from search.query import (
    PHRASE_CANDIDATES,
    RANKED_CANDIDATES,
    SearchCriteria,
    ranked_entries,
    suggested_entries,
    text_index_plan,
)

RESULTS_PER_PAGE = 10


@dataclass
class SearchResult:
    article: ArticlePage
    section: SectionPage | None
    title: SafeString
    standfirst: SafeString
    snippet: SafeString


def page_number(request) -> int:
    try:
        return max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        return 1


def results_for(entries_page: PaginatorPage, terms: list[str]) -> list[SearchResult]:
    """The articles of one page of results, in rank order, with their marked text."""
    page_ids = [entry.page_id for entry in entries_page]
    if not page_ids:
        return []
    articles = {
        article.pk: article for article in ArticlePage.objects.filter(pk__in=page_ids).for_listing()
    }
    excerpts = dict(
        ArticleSearchEntry.objects.filter(pk__in=page_ids).values_list("page_id", "excerpt_source")
    )
    section_ids = {entry.section_id for entry in entries_page if entry.section_id}
    sections = {section.pk: section for section in SectionPage.objects.filter(pk__in=section_ids)}
    results = []
    for entry in entries_page:
        article = articles.get(entry.page_id)
        if article is None:
            continue
        results.append(
            SearchResult(
                article=article,
                section=sections.get(entry.section_id),
                title=highlight(article.title, terms),
                standfirst=highlight(article.standfirst, terms),
                snippet=snippet(excerpts.get(entry.page_id, ""), terms),
            )
        )
    return results


def first_results(criteria: SearchCriteria, number: int):
    """One page of ranked results: what was found, the paginator's page and the results."""
    outcome = ranked_entries(criteria)
    results_page = Paginator(outcome.entries, RESULTS_PER_PAGE).get_page(number)
    return outcome, results_page, results_for(results_page, criteria.terms)


@require_GET
def search_page(request):
    language_code = get_language()
    form = ArticleSearchForm(request.GET, language_code=language_code)
    context = {"form": form, "criteria": None, "results": [], "results_page": None}
    if not form.is_valid():
        return render(request, "pages/search_page.html", context, status=400)
    data = form.cleaned_data
    criteria = SearchCriteria(
        text=data["q"],
        language_code=language_code,
        section_id=data["section"].pk if data["section"] else None,
        date_from=data["date_from"],
        date_to=data["date_to"],
    )
    context["criteria"] = criteria
    if criteria.terms:
        outcome, context["results_page"], context["results"] = first_results(
            criteria, page_number(request)
        )
        context["ranked_limit"] = RANKED_CANDIDATES
        context["results_capped"] = outcome.capped
        context["phrase_window"] = PHRASE_CANDIDATES if outcome.phrase_window else None
        query = request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
    return render(request, "pages/search_page.html", context)


@require_GET
def search_suggestions(request):
    """Titles for the search box as the reader types (the page works without them)."""
    text = ArticleSearchForm.base_fields["q"].to_python(request.GET.get("q", ""))
    with text_index_plan():
        entries = suggested_entries(text, get_language())
        page_ids = list(entries.values_list("page_id", flat=True))
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
    suggestions = [
        {"title": pages[page_id].title, "url": pages[page_id].get_url(request)}
        for page_id in page_ids
        if page_id in pages
    ]
    return JsonResponse({"suggestions": suggestions})
