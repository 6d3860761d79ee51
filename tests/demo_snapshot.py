"""A copy of the demo newsroom kept beside it in the PostgreSQL test database.

Tests on a live server (the browser tests) commit their rows, so pytest-django empties every
table after each of them and the next one needs the demo newsroom again. Building it (three
language trees, translations through wagtail-localize) takes seconds on PostgreSQL; copying
the rows back from a schema saved right after the run built it takes a fraction of one, and
gives the same rows, ids and all. On SQLite the newsroom is built again, as before.
"""

from django.db import connection, transaction

SCHEMA = "demo_snapshot"


def _tables() -> list[str]:
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _columns(cursor) -> dict[str, str]:
    """Each table's columns that take a value, in order (a generated column takes none)."""
    cursor.execute(
        "SELECT table_name, string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)"
        " FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND is_generated = 'NEVER' GROUP BY table_name"
    )
    return dict(cursor.fetchall())


# Whether this process saved the snapshot into its test database (one per xdist worker).
_state = {"saved": False}


def ensure() -> None:
    """The demo newsroom in the test database: as it is, restored, or built again."""
    from demo.builder import build_demo_content
    from home.models import HomePage

    if HomePage.objects.filter(depth=2, locale__language_code="ar").exists():
        return
    if _state["saved"]:
        restore()
    else:
        build_demo_content()


def save() -> bool:
    """Copies every table into the snapshot schema; False where the database cannot (SQLite)."""
    if connection.vendor != "postgresql":
        return False
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in _tables():
            cursor.execute(f"CREATE TABLE {SCHEMA}.{quote(table)} AS TABLE {quote(table)}")
    _state["saved"] = True
    return True


def restore() -> None:
    """Every table as it was when ``save()`` ran: emptied, then filled from the copies.

    Foreign keys are not checked while the rows go back (the copies were consistent when
    saved); sequences are left where they are, past every saved id.
    """
    from django.contrib.contenttypes.models import ContentType

    quote = connection.ops.quote_name
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("TRUNCATE " + ", ".join(quote(table) for table in tables))
        columns_of = _columns(cursor)
        for table in tables:
            columns = columns_of[table]
            # Names from the database's own catalogue, quoted: nothing from outside.
            target, source = f"{quote(table)} ({columns})", f"{SCHEMA}.{quote(table)}"
            cursor.execute(f"INSERT INTO {target} SELECT {columns} FROM {source}")  # noqa: S608
        # Inside a test's transaction the setting would outlive this block: checks back on.
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    # Emptying the tables re-created the content types under new ids; this process cached them.
    ContentType.objects.clear_cache()
