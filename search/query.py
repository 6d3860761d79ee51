"""Finding and ranking articles for a reader's query.

PostgreSQL: the query is normalised, parsed with ``websearch_to_tsquery`` in the language's
configuration (so "quoted phrases", ``or`` and ``-word`` work and no input can be a syntax
error) and matched against the GIN-indexed tsvector of the whole article. The newest
RANKED_CANDIDATES matches are ranked with ``ts_rank`` over the small headline vector: title
matches first, then standfirst, then tags, authors and section; articles that match only in
the body follow, newest first. A newsroom reader of a broad query wants recent news, and
ranking every match of a word found in most of a 100,000-article archive would read tens of
thousands of vectors; the page says "more than 300" when there are more.

Finding those newest matches is the costly part, and the quickest way depends on how common
the words are: walking the (language, publication date) index newest first and testing each
row, or the GIN index's bitmap of every match (``_newest_matches``). A phrase is checked in
a bounded number of the articles having all its words (``_newest_phrase_matches``).

Elsewhere (SQLite): every word must start a word of the article, scored the same way by where
it was found.
"""

import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
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
RANKED_CANDIDATES = 300
WALKED_ENTRIES = 3000
WALK_COST = 0.2  # reading an article's vector against the bitmap's cost of one match
PHRASE_CANDIDATES = 1000
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
            _use_plan(cursor, TEXT_INDEX_PLAN)
        yield


# Planner switches for each way of finding the newest matches (SET LOCAL: this transaction only).
# Walking the date index and testing each row: no bitmap of the whole index first.
NEWEST_FIRST_PLAN = {"enable_seqscan": "off", "enable_bitmapscan": "off", "enable_indexscan": "on"}
# The GIN index's bitmap of every match, then the newest of them.
TEXT_INDEX_PLAN = {"enable_seqscan": "off", "enable_bitmapscan": "on", "enable_indexscan": "off"}


def _use_plan(cursor, plan: dict[str, str]) -> None:
    cursor.execute(
        "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(plan)),
        [part for setting in plan.items() for part in setting],
    )


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


@dataclass(frozen=True)
class SearchOutcome:
    entries: list[RankedEntry]  # best first, at most RANKED_CANDIDATES
    # More articles match than were ranked: the newest RANKED_CANDIDATES of them are here.
    capped: bool = False
    # A phrase was looked for only in the newest PHRASE_CANDIDATES articles having all its words.
    phrase_window: bool = False


def ranked_entries(criteria: SearchCriteria) -> SearchOutcome:
    """The matching entries, best first (at most RANKED_CANDIDATES of them).

    Ranking reads each candidate's vector; for a word found in most of the archive that would
    mean reading them all. So the newest RANKED_CANDIDATES matches are ranked, which for a
    newsroom is what the reader of such a broad query wants anyway.
    """
    if not criteria.terms:
        return SearchOutcome([])
    entries = filtered_entries(criteria)
    if connection.vendor == "postgresql":
        outcome = _ranked_on_postgres(entries, criteria)
    else:
        outcome = _ranked_by_scan(entries, criteria)
    ranked = sorted(
        outcome.entries,
        key=lambda entry: (entry.rank, entry.publication_date, entry.page_id),
        reverse=True,
    )
    return replace(outcome, entries=ranked)


def _ranked_on_postgres(entries, criteria) -> SearchOutcome:
    config = text_search_config(criteria.language_code)
    table = connection.ops.quote_name(ArticleSearchEntry._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [config, criteria.query_text]
        )
        tsquery = cursor.fetchone()[0]
        if not tsquery:  # nothing but stop words
            return SearchOutcome([])
        newest, phrase_window = _newest_matches(cursor, entries, tsquery)
        # Ranking reads the small headline vector of the chosen few only.
        cursor.execute(
            "SELECT page_id, section_id, publication_date, ts_rank(headline_vector, %s::tsquery) "  # noqa: S608 -- table: quoted model table name
            f"FROM {table} WHERE page_id = ANY(%s)",
            [tsquery, newest[:RANKED_CANDIDATES]],
        )
        ranked = [RankedEntry(*row) for row in cursor.fetchall()]
    return SearchOutcome(
        ranked, capped=len(newest) > RANKED_CANDIDATES, phrase_window=phrase_window
    )


def _newest_matches(cursor, entries, tsquery: str) -> tuple[list[int], bool]:
    """The ids of the newest RANKED_CANDIDATES + 1 matches, newest first; and whether a phrase
    was looked for only in the newest PHRASE_CANDIDATES articles having all its words.

    Two ways to find them, and the planner's statistics (the share of articles holding each
    word) choose. A word found in a good share of the archive is quickest to find by walking
    the newest articles and testing each one: a few hundred rows, 5 µs each for reading the
    article's vector. A rarer one comes from the GIN index, whose bitmap costs about 1 µs per
    match (its date is read for the ordering). So the walk is chosen when the rows it expects
    to read are fewer than WALKED_ENTRIES and than the matches times WALK_COST (a fifth). A
    walk that falls short (the word is common in the archive but not lately) ends in the
    bitmap, which is exact.
    """
    wanted = RANKED_CANDIDATES + 1
    newest_first = entries.order_by("-publication_date", "-page_id").values(
        "page_id", "publication_date", "search_vector"
    )
    conjunction = phrases_as_conjunctions(tsquery)
    if conjunction is not None:
        return _newest_phrase_matches(cursor, newest_first, tsquery, conjunction)
    if _walk_is_quicker(cursor, newest_first, tsquery, wanted):
        walked = _walk(cursor, newest_first, tsquery, wanted)
        if len(walked) == wanted:
            return [page_id for page_id, _ in walked], False
    indexed = _from_text_index(cursor, newest_first, tsquery, wanted)
    return [page_id for page_id, _ in indexed], False


def _newest_phrase_matches(cursor, newest_first, tsquery, conjunction):
    """A phrase: the GIN index knows which articles have all its words, but not where.

    Checking that they are side by side means reading each of those articles' vector (7 µs
    each), too slow for common words in a large archive; so it is checked in the newest
    PHRASE_CANDIDATES articles having all the words (found as any other words are, with the
    phrase made a conjunction), and the page says so when there were more.
    """
    wanted = RANKED_CANDIDATES + 1
    limit = PHRASE_CANDIDATES + 1
    rows = []
    if _walk_is_quicker(cursor, newest_first, conjunction, limit):
        rows = _walk(cursor, newest_first, conjunction, limit, checking=tsquery)
    if len(rows) < limit:
        rows = _from_text_index(cursor, newest_first, conjunction, limit, checking=tsquery)
    matches = [page_id for page_id, matched in rows[:PHRASE_CANDIDATES] if matched][:wanted]
    return matches, len(rows) > PHRASE_CANDIDATES and len(matches) < wanted


def _walk_is_quicker(cursor, newest_first, tsquery: str, wanted: int) -> bool:
    matching, total = _estimated_matches(cursor, newest_first, tsquery)
    share = matching / max(total, 1)
    return bool(share) and wanted / share < min(WALKED_ENTRIES, matching * WALK_COST)


def _estimated_matches(cursor, newest_first, tsquery: str) -> tuple[float, float]:
    """The planner's estimates of the matching entries and of all the filtered entries."""
    sql, params = newest_first.query.sql_with_params()
    cursor.execute(
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM ({sql}) AS filtered "  # noqa: S608 -- sql: the ORM's own compiled query
        f"WHERE search_vector @@ %s::tsquery UNION ALL SELECT 1 FROM ({sql}) AS filtered",
        [*params, tsquery, *params],
    )
    plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    branches = plan[0]["Plan"]["Plans"]
    return branches[0]["Plan Rows"], branches[1]["Plan Rows"]


def _walk(cursor, newest_first, tsquery, limit, checking=None) -> list[tuple[int, bool]]:
    """Up to ``limit`` matches among the newest WALKED_ENTRIES entries, newest first, each with
    whether it also matches ``checking`` (a phrase)."""
    sql, params = newest_first[:WALKED_ENTRIES].query.sql_with_params()
    _use_plan(cursor, NEWEST_FIRST_PLAN)
    cursor.execute(
        f"SELECT page_id, {'search_vector @@ %s::tsquery' if checking else 'TRUE'} "  # noqa: S608 -- ORM SQL and an integer limit
        f"FROM ({sql}) AS newest WHERE search_vector @@ %s::tsquery "
        f"ORDER BY publication_date DESC, page_id DESC LIMIT {limit}",
        [*([checking] if checking else []), *params, tsquery],
    )
    return cursor.fetchall()


def _from_text_index(cursor, newest_first, tsquery, limit, checking=None):
    """The newest ``limit`` matches from the GIN index's bitmap, as ``_walk`` gives them.

    ``checking`` is tested in the outer query, so on those rows only.
    """
    sql, params = newest_first.query.sql_with_params()
    _use_plan(cursor, TEXT_INDEX_PLAN)
    cursor.execute(
        f"SELECT page_id, {'search_vector @@ %s::tsquery' if checking else 'TRUE'} FROM ("  # noqa: S608 -- ORM SQL and an integer limit
        f"SELECT page_id, publication_date, search_vector FROM ({sql}) AS filtered "
        "WHERE search_vector @@ %s::tsquery ORDER BY publication_date DESC, page_id DESC "
        f"LIMIT {limit}) AS found ORDER BY publication_date DESC, page_id DESC",
        [*([checking] if checking else []), *params, tsquery],
    )
    return cursor.fetchall()


TSQUERY_TOKEN = re.compile(r"'(?:[^']|'')*'(?::[*A-D]+)?|<(?:-|\d+)>|\S")


def phrases_as_conjunctions(tsquery: str) -> str | None:
    """``tsquery`` with each phrase operator (``<->``, ``<2>``) made an AND, when it has one.

    Every article matching the phrase query matches the result, which the GIN index answers
    exactly without reading the articles. None when there is no phrase, or a negation (under
    ``!`` an AND would exclude more than the phrase does).
    """
    tokens = TSQUERY_TOKEN.findall(tsquery)
    if "!" in tokens or not any(token.startswith("<") for token in tokens):
        return None
    return " ".join("&" if token.startswith("<") else token for token in tokens)


def _padded(column: str):
    return Concat(Value(" "), column, Value(" "), output_field=TextField())


def _starts_a_word(column: str, term: str) -> Q:
    lookup = f"padded_{column}__contains"
    return Q.create([(lookup, " " + variant) for variant in spelling_variants(term)], "OR")


def _ranked_by_scan(entries, criteria) -> SearchOutcome:
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
    rows = ranked.values_list("page_id", "section_id", "publication_date", "rank")
    found = [RankedEntry(*row) for row in rows[: RANKED_CANDIDATES + 1]]
    return SearchOutcome(found[:RANKED_CANDIDATES], capped=len(found) > RANKED_CANDIDATES)


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
