"""Finding and ranking articles for a reader's query.

PostgreSQL: the query is normalised, parsed with ``websearch_to_tsquery`` in the language's
configuration (so "quoted phrases", ``or`` and ``-word`` work and no input can be a syntax
error) and matched against the GIN-indexed tsvector of the whole article. ``ts_rank`` over the
small headline vector puts title matches first, then standfirst, then tags, authors and
section; articles that match only in the body follow, newest first. Only the newest
RANKED_CANDIDATES matches are ranked: ranking reads every candidate's vector, too slow for a
word found in most of a 100,000-article archive. Elsewhere (SQLite): every word must
start a word of the article, scored the same way by where it was found.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import Case, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.indexing import text_search_config
from search.matching import core, spelling_variants
from search.models import ArticleSearchEntry
from search.normalise import normalise, normalised_words

MAX_QUERY_CHARACTERS = 200
MAX_TERMS = 12
RANKED_CANDIDATES = 1000
SUGGESTION_LIMIT = 6
TEXT_COLUMNS = {"title": 8, "standfirst": 4, "labels": 2, "body": 1}


@dataclass(frozen=True)
class SearchCriteria:
    text: str
    language_code: str
    section_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    terms: list[str] = field(init=False)
    shortened: bool = field(init=False)

    def __post_init__(self):
        considered = self.text[:MAX_QUERY_CHARACTERS]
        words = normalised_words(" ".join(w for w in considered.split() if not w.startswith("-")))
        object.__setattr__(self, "terms", list(dict.fromkeys(words))[:MAX_TERMS])
        object.__setattr__(
            self,
            "shortened",
            len(self.text) > MAX_QUERY_CHARACTERS or len(set(words)) > MAX_TERMS,
        )

    @property
    def query_text(self) -> str:
        """What the database is asked for: normalised, cut to the first words."""
        return normalise(self.text[:MAX_QUERY_CHARACTERS])


@contextmanager
def text_index_plan():
    """Makes PostgreSQL answer the search queries run inside from the GIN index.

    The planner does not know that testing ``@@`` against a row means fetching that row's
    tsvector from TOAST storage; the table's rows are narrow, so it would rather scan them
    all (0.8 s at 100,000 articles for a word in 4% of them) than read the GIN index (a few
    milliseconds). Sequential and plain index scans are turned off for this transaction only.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        yield


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_entries(criteria: SearchCriteria) -> QuerySet[ArticleSearchEntry]:
    entries = ArticleSearchEntry.objects.filter(language_code=criteria.language_code)
    if criteria.section_id:
        entries = entries.filter(section_id=criteria.section_id)
    if criteria.date_from:
        entries = entries.filter(publication_date__gte=_day_start(criteria.date_from))
    if criteria.date_to:
        entries = entries.filter(
            publication_date__lt=_day_start(criteria.date_to + timedelta(days=1))
        )
    restricted = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        restricted |= Q(page__path__startswith=path)
    if restricted:
        entries = entries.exclude(restricted)
    return entries


@dataclass(frozen=True)
class RankedEntry:
    page_id: int
    section_id: int | None
    publication_date: datetime
    rank: float


def ranked_entries(criteria: SearchCriteria) -> list[RankedEntry]:
    """The matching entries, best first (at most RANKED_CANDIDATES of them).

    Ranking reads each candidate's vector; for a word found in most of the archive that would
    mean reading them all. So the newest RANKED_CANDIDATES matches are ranked, which for a
    newsroom is what the reader of such a broad query wants anyway.
    """
    if not criteria.terms:
        return []
    entries = filtered_entries(criteria)
    if connection.vendor == "postgresql":
        ranked = _ranked_on_postgres(entries, criteria)
    else:
        ranked = _ranked_by_scan(entries, criteria)
    return sorted(
        ranked, key=lambda entry: (entry.rank, entry.publication_date, entry.page_id), reverse=True
    )


def _ranked_on_postgres(entries, criteria) -> list[RankedEntry]:
    config = text_search_config(criteria.language_code)
    query = SearchQuery(criteria.query_text, config=config, search_type="websearch")
    newest_matches = (
        entries.filter(search_vector=query)
        .order_by("-publication_date", "-page_id")
        .values_list("page_id")[:RANKED_CANDIDATES]
    )
    sql, params = newest_matches.query.sql_with_params()
    # ts_rank runs in the outer query, so only on the newest matches.
    table = connection.ops.quote_name(ArticleSearchEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT entry.page_id, entry.section_id, entry.publication_date, "
            "ts_rank(entry.headline_vector, websearch_to_tsquery(%s::regconfig, %s)) "
            f"FROM {table} AS entry JOIN ({sql}) AS matches ON matches.page_id = entry.page_id",
            [config, criteria.query_text, *params],
        )
        rows = cursor.fetchall()
    return [RankedEntry(*row) for row in rows]


def _padded(column: str):
    return Concat(Value(" "), column, Value(" "), output_field=TextField())


def _starts_a_word(column: str, term: str) -> Q:
    lookup = f"padded_{column}__contains"
    return Q.create([(lookup, " " + variant) for variant in spelling_variants(term)], "OR")


def _ranked_by_scan(entries, criteria):
    entries = entries.annotate(**{f"padded_{column}": _padded(column) for column in TEXT_COLUMNS})
    score = Value(0)
    for term in criteria.terms:
        entries = entries.filter(
            Q.create([_starts_a_word(column, term) for column in TEXT_COLUMNS], "OR")
        )
        score = score + Case(
            *(
                When(_starts_a_word(column, term), then=Value(weight))
                for column, weight in TEXT_COLUMNS.items()
            ),
            default=Value(0),
            output_field=IntegerField(),
        )
    ranked = entries.annotate(rank=score).order_by("-rank", "-publication_date", "-page_id")
    return [
        RankedEntry(*row)
        for row in ranked.values_list("page_id", "section_id", "publication_date", "rank")[
            :RANKED_CANDIDATES
        ]
    ]


def suggested_entries(text: str, language_code: str) -> QuerySet[ArticleSearchEntry]:
    """Articles whose title or standfirst has the words typed so far, the last one begun."""
    words = normalised_words(text[:MAX_QUERY_CHARACTERS])[:MAX_TERMS]
    if not words:
        return ArticleSearchEntry.objects.none()
    entries = filtered_entries(SearchCriteria(text="", language_code=language_code))
    if connection.vendor == "postgresql":
        *whole, begun = words
        # The stemmer leaves a word's first letters alone, article included: "الار" must
        # also be tried as "ار" to reach the stored lexeme "ارهاب".
        begun_forms = " | ".join(f"{form}:*AB" for form in dict.fromkeys([begun, core(begun)]))
        raw = " & ".join([*(f"{word}:AB" for word in whole), f"({begun_forms})"])
        query = SearchQuery(raw, config=text_search_config(language_code), search_type="raw")
        entries = entries.filter(search_vector=query)
    else:
        entries = entries.annotate(padded_title=_padded("title"))
        for word in words:
            entries = entries.filter(_starts_a_word("title", word))
    return entries.order_by("-publication_date", "-page_id")[:SUGGESTION_LIMIT]
