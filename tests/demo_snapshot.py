"""Copies of the demo newsroom kept beside it in the test database, to put back in a moment.

The run builds the demo newsroom once (tests/conftest.py) and saves two copies of every table:
the newsroom as built, and the newsroom with its stories removed (the seed article alone).

- Tests on a live server (the browser tests) commit their rows, so pytest-django empties every
  table after each of them and the next one needs the newsroom again. Building it (three
  language trees, translations through wagtail-localize) takes many seconds; copying the rows
  back takes a fraction of that, and gives the same rows, ids and all.
- Tests of listings and feeds that count exactly what they add want the seed article alone.
  Deleting the stories page by page runs Wagtail's and wagtail-localize's handlers for each
  (thousands of queries, two to four seconds per test, over a hundred tests); the tables that
  differ between the two copies are swapped inside the test's transaction instead, and rolled
  back with it.

On PostgreSQL the copies live in schemas of their own, which flushing the database leaves
alone. On SQLite (`make test-fast`) they are tables of the same database whose names start
with the copy's name, which Django's flush does not know of either. There the editors' search
index is an FTS5 table that triggers on its index entries' table keep in step (Wagtail's and
modelsearch's migrations create them): it is not copied, and follows the entries as they are
deleted and put back.
"""

from django.db import connection, transaction

DEMO = "demo_snapshot"
SEED_ONLY = "seed_only_snapshot"

# What this process saved into its test database (one per xdist worker): the copies' names and
# the tables that differ between the demo newsroom and the seed article alone.
# The tables' columns and SQLite's FTS5 tables are read once: the schema does not change.
_state: dict = {"saved": set(), "seed_only_tables": [], "columns": {}, "full_text_tables": None}


def supported() -> bool:
    return connection.vendor in ("postgresql", "sqlite")


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _full_text_tables() -> list[str]:
    """SQLite's FTS5 tables, kept by triggers on the index entries' tables."""
    if connection.vendor != "sqlite":
        return []
    if _state["full_text_tables"] is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name"
            )
            _state["full_text_tables"] = [name for (name,) in cursor.fetchall()]
    return _state["full_text_tables"]


def _tables() -> list[str]:
    django_tables = connection.introspection.django_table_names(
        only_existing=True, include_views=False
    )
    full_text = _full_text_tables()
    return sorted(table for table in django_tables if table not in full_text)


def _copy(snapshot: str, table: str) -> str:
    if connection.vendor == "sqlite":
        return _quote(f"{snapshot}__{table}")
    return f"{snapshot}.{_quote(table)}"


def _columns(cursor, table: str) -> str:
    """The table's columns that take a value, in order (a generated column takes none)."""
    if table not in _state["columns"]:
        if connection.vendor == "sqlite":
            # table_xinfo's `hidden`: 0 for a plain column, 2 and 3 for generated ones.
            cursor.execute(f"PRAGMA table_xinfo({_quote(table)})")
            names = [row[1] for row in cursor.fetchall() if row[6] == 0]
        else:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s"
                " AND is_generated = 'NEVER' ORDER BY ordinal_position",
                [table],
            )
            names = [name for (name,) in cursor.fetchall()]
        _state["columns"][table] = ", ".join(_quote(name) for name in names)
    return _state["columns"][table]


def _rows(table: str, columns: str, snapshot: str | None = None) -> str:
    """A SELECT of the table's rows, or of its copy's in ``snapshot``."""
    source = _copy(snapshot, table) if snapshot else _quote(table)
    return f"SELECT {columns} FROM {source}"  # noqa: S608 -- quoted names


def save(snapshot: str) -> None:
    """Copies every table as it is now into ``snapshot``."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE %s ESCAPE '\\'",
                [f"{snapshot}\\_\\_%"],
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP TABLE {_quote(name)}")
        else:
            cursor.execute(f"DROP SCHEMA IF EXISTS {snapshot} CASCADE")
            cursor.execute(f"CREATE SCHEMA {snapshot}")
        for table in _tables():
            source = f"SELECT * FROM {_quote(table)}"  # noqa: S608 -- quoted names
            cursor.execute(f"CREATE TABLE {_copy(snapshot, table)} AS {source}")
    _state["saved"].add(snapshot)


def _differ(cursor, table: str, snapshot: str, other: str | None = None) -> bool:
    """Whether ``table`` in ``snapshot`` holds other rows than in ``other`` (or than the
    table itself, when ``other`` is None)."""
    columns = _columns(cursor, table)
    first = _rows(table, columns, snapshot)
    second = _rows(table, columns, other)
    if connection.vendor == "sqlite":
        for left, right in ((first, second), (second, first)):
            cursor.execute(f"SELECT 1 FROM ({left} EXCEPT {right}) LIMIT 1")  # noqa: S608
            if cursor.fetchone() is not None:
                return True
        return False
    # Compared as text, so that any column type compares.
    digest = "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ({}) t"
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
            table for table in _tables() if _differ(cursor, table, DEMO, SEED_ONLY)
        ]


def _fill(cursor, tables: list[str], snapshot: str, empty: str) -> None:
    """Empties ``tables`` (TRUNCATE for all of them at once, DELETE for a few inside a test's
    transaction) and fills them from ``snapshot``."""
    if connection.vendor == "postgresql":
        # Foreign keys are not checked while the rows go back: the copies were consistent.
        cursor.execute("SET LOCAL session_replication_role = replica")
    # On SQLite, Django's foreign keys are checked when the transaction commits, by when the
    # rows are all back.
    if empty == "truncate" and connection.vendor == "postgresql":
        cursor.execute("TRUNCATE " + ", ".join(_quote(table) for table in tables))
    else:
        for table in tables:
            cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608
    for table in tables:
        columns = _columns(cursor, table)
        source = _rows(table, columns, snapshot)
        cursor.execute(f"INSERT INTO {_quote(table)} ({columns}) {source}")
    if connection.vendor == "postgresql":
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
    with transaction.atomic(), connection.cursor() as cursor:
        tables = _state["seed_only_tables"]
        # Only over the newsroom as saved: a fixture that already changed one of these tables
        # (an article added before this one ran) gets the stories removed one by one.
        if any(_differ(cursor, table, DEMO) for table in tables):
            return False
        _fill(cursor, tables, SEED_ONLY, empty="delete")
    return True
