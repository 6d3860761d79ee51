"""Copies of the demo newsroom kept beside it in the test database, to put back in a moment.

The run builds the demo newsroom once (tests/conftest.py) and saves two copies of every table:
the newsroom as built, and the newsroom with its stories removed (the seed article alone).

- Tests on a live server (the browser tests) commit their rows, so pytest-django empties every
  table after each of them and the next one needs the newsroom again. Building it (three
  language trees, translations through wagtail-localize) takes many seconds; copying the rows
  back takes a fraction of that, and gives the same rows, ids and all.
- Tests of listings and feeds that count exactly what they add want the seed article alone.
  Deleting the stories page by page runs Wagtail's and wagtail-localize's handlers for each
  (thousands of queries, seconds per test); the tables that differ between the two copies are
  swapped inside the test's transaction instead, and rolled back with it.

PostgreSQL only: the copies live in schemas of their own, which flushing the database leaves
alone. On SQLite the search index is an FTS table outside the models that a copy of the model
tables would leave out of step, so there the newsroom is built and the stories deleted as before.
"""

from django.db import connection, transaction

DEMO = "demo_snapshot"
SEED_ONLY = "seed_only_snapshot"

# What this process saved into its test database (one per xdist worker): the copies' names and
# the tables that differ between the demo newsroom and the seed article alone.
_state: dict = {"saved": set(), "seed_only_tables": []}


def _tables() -> list[str]:
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _copy(snapshot: str, table: str) -> str:
    return f"{snapshot}.{connection.ops.quote_name(table)}"


def _columns(cursor) -> dict[str, str]:
    """Each table's columns that take a value, in order (a generated column takes none)."""
    cursor.execute(
        "SELECT table_name, string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)"
        " FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND is_generated = 'NEVER' GROUP BY table_name"
    )
    return dict(cursor.fetchall())


def supported() -> bool:
    return connection.vendor == "postgresql"


def save(snapshot: str) -> None:
    """Copies every table as it is now into ``snapshot``."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {snapshot} CASCADE")
        cursor.execute(f"CREATE SCHEMA {snapshot}")
        for table in _tables():
            cursor.execute(f"CREATE TABLE {_copy(snapshot, table)} AS TABLE {quote(table)}")
    _state["saved"].add(snapshot)


def _differ(cursor, first: str, second: str) -> bool:
    """Whether two tables hold different rows (compared as text: any column type compares)."""
    digest = "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {} t"
    cursor.execute(f"({digest.format(first)}) EXCEPT ({digest.format(second)})")
    return cursor.fetchone() is not None


def save_seed_only(remove_stories) -> None:
    """Saves the newsroom without its stories (``remove_stories()`` removes them), then puts
    the whole newsroom back; notes which tables differ between the two."""
    remove_stories()
    save(SEED_ONLY)
    restore(DEMO)
    with connection.cursor() as cursor:
        _state["seed_only_tables"] = [
            table
            for table in _tables()
            if _differ(cursor, _copy(DEMO, table), _copy(SEED_ONLY, table))
        ]


def _fill(cursor, tables: list[str], snapshot: str, empty: str) -> None:
    """Empties ``tables`` (TRUNCATE for all of them at once, DELETE for a few inside a test's
    transaction) and fills them from ``snapshot``."""
    quote = connection.ops.quote_name
    columns_of = _columns(cursor)
    # Foreign keys are not checked while the rows go back: the copies were consistent.
    cursor.execute("SET LOCAL session_replication_role = replica")
    if empty == "truncate":
        cursor.execute("TRUNCATE " + ", ".join(quote(table) for table in tables))
    else:
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
    for table in tables:
        columns = columns_of[table]
        target, source = f"{quote(table)} ({columns})", _copy(snapshot, table)
        cursor.execute(f"INSERT INTO {target} SELECT {columns} FROM {source}")  # noqa: S608
    # Inside a test's transaction the setting would outlive this block: checks back on.
    cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def restore(snapshot: str = DEMO) -> None:
    """Every table as it was when ``snapshot`` was saved; sequences stay past every saved id."""
    from django.contrib.contenttypes.models import ContentType

    with transaction.atomic(), connection.cursor() as cursor:
        _fill(cursor, _tables(), snapshot, empty="truncate")
    # Emptying the tables re-created the content types under new ids; this process cached them.
    ContentType.objects.clear_cache()


def ensure() -> None:
    """The demo newsroom in the test database: as it is, restored, or built again."""
    from demo.builder import build_demo_content
    from home.models import HomePage

    if HomePage.objects.filter(depth=2, locale__language_code="ar").exists():
        return
    if DEMO in _state["saved"]:
        restore(DEMO)
    else:
        build_demo_content()


def seed_only() -> bool:
    """The seed article alone, from the demo newsroom, inside the test's transaction.

    False where no copy was saved, or the tables it would swap are no longer as saved: the
    caller removes the stories itself.
    """
    from home.models import HomePage

    if SEED_ONLY not in _state["saved"]:
        return False
    if not HomePage.objects.filter(depth=2, locale__language_code="ar").exists():
        return False
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        tables = _state["seed_only_tables"]
        # Only over the newsroom as saved: a fixture that already changed one of these tables
        # (an article added before this one ran) gets the stories removed one by one.
        if any(_differ(cursor, quote(table), _copy(DEMO, table)) for table in tables):
            return False
        _fill(cursor, tables, SEED_ONLY, empty="delete")
    return True
