"""Multi-row inserts that stay fast with large text and JSON values on PostgreSQL."""

from django.db import connection
from django.db.models import sql
from django.db.models.sql.compiler import SQLInsertCompiler

INSERT_CHUNK = 200


def insert_rows(model, objs, fields, returning=False, raw=False) -> list:
    """A multi-row INSERT of ``fields`` for ``objs`` (what ``save`` does for one, per table).

    Django's PostgreSQL compiler sends a bulk insert as ``UNNEST`` of arrays, and psycopg's
    client-side binding escapes every quote of an array element with a regular expression:
    for StreamField and revision JSON that escaping cost more than the whole database work.
    The generic compiler sends ``VALUES (…), (…)``, whose strings libpq escapes natively.
    ``raw`` writes the values as they are (``auto_now_add`` does not replace a given date).
    """
    rows = []
    for start in range(0, len(objs), INSERT_CHUNK):
        query = sql.InsertQuery(model)
        query.insert_values(fields, objs[start : start + INSERT_CHUNK], raw=raw)
        compiler = SQLInsertCompiler(query, connection, connection.alias)
        result = compiler.execute_sql([model._meta.pk] if returning else None)
        if returning:
            rows.extend(result)
    return rows
