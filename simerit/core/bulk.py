"""Fast bulk INSERT of many rows of one model from a polars frame: `COPY ... FROM STDIN (FORMAT
csv)` on PostgreSQL (psycopg 3), `executemany` on SQLite.

`QuerySet.bulk_create` builds a model instance per row and prepares every value through each
field's `get_db_prep_save`, in statements of a few dozen rows on SQLite; for 100,000 rows that is
most of the time of an import's commit. Here a frame's columns go to the database as they are
(text, integers, booleans; dates as ISO text on PostgreSQL), and the columns that need Django's
preparation (dates on SQLite, datetimes, anything else) are prepared once per *distinct* value
through the field's own `get_db_prep_save`, so what is stored is what `bulk_create` would store.

The frame's columns are the model's attnames. A JSONField's column holds JSON text already
encoded (`json.dumps(value)`, what `JSONField` stores with its default encoder).

What it does not do, on purpose: no `save()`, no signals, no `pre_save` (`auto_now_add` fields
must be given), no ids back (read them back by a natural key), no audit. Callers write their audit
events themselves (as the import does), inside the same `transaction.atomic()` block, so a failure
anywhere leaves nothing written.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from django.db import connections, models, router

CHUNK = 20_000
# Sent as they are on both databases.
_AS_IS = (pl.Utf8, pl.Boolean, pl.Null, pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32)


def _prepared(frame: pl.DataFrame, fields: list[models.Field], connection: Any) -> pl.DataFrame:
    columns = []
    for f, s in zip(fields, frame.get_columns(), strict=True):
        if f.get_internal_type() == "JSONField":
            if s.dtype not in (pl.Utf8, pl.Null):
                raise TypeError(f"{f.attname}: a JSON column holds JSON text (json.dumps of each value)")
            columns.append(s)
        elif s.dtype in _AS_IS or (s.dtype == pl.Date and connection.vendor == "postgresql"):
            columns.append(s)  # PostgreSQL reads the ISO dates polars writes
        else:
            distinct = s.drop_nulls().unique()
            text = [str(f.get_db_prep_save(v, connection)) for v in distinct.to_list()]
            columns.append(s.replace_strict(distinct, pl.Series(text, dtype=pl.Utf8), default=None,
                                            return_dtype=pl.Utf8))
    return pl.DataFrame(columns)


def insert_frame(model: type[models.Model], frame: pl.DataFrame, *, using: str | None = None) -> int:
    """INSERT every row of `frame` (columns: the model's attnames) into `model`'s table.

    Fields left out take their column's database default (the primary key: the next id); give
    every NOT NULL field that has none. Returns the number of rows inserted."""
    if frame.height == 0:
        return 0
    alias = using or router.db_for_write(model)
    connection = connections[alias]
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    fields = [by_attname[name] for name in frame.columns]
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    names = ", ".join(qn(f.column) for f in fields)
    data = _prepared(frame, fields, connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv, NULL '\\N')") as copy:
                for part in data.iter_slices(CHUNK):
                    # Text quoted, NULL bare: an empty text stays '' and the text '\N' stays text.
                    copy.write(part.write_csv(None, include_header=False, null_value="\\N",
                                              quote_style="non_numeric").encode())
        else:
            sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})"
            for part in data.iter_slices(CHUNK):
                cursor.executemany(sql, part.rows())
    return frame.height
