"""Seeded rows kept once per test process and written back for each test that asks for them.

Seeding through the models is slow: the demo site publishes nine pages (each saved, revised and
indexed for search and for references), about half a second; the whole demo takes 25-50 s, most of
it auditing releases. Hundreds of tests start from one or the other. `seeded(name, seed)` runs
`seed` once per process and starting state, inside a savepoint rolled back at once, and keeps the
rows it left in each table it changed; every later test gets the same rows written back with plain
SQL in its own transaction, as if seeded for it. Whatever cannot be shown to start from the same
state is seeded for real: any table holding another number of rows than when the rows were kept,
or a table the seed changes holding other rows.

What the seed did outside the database (files written to MEDIA_ROOT) is not undone by the
rollback, and the rows written back are the same rows, so it still matches them. Rows written back
are not published through Wagtail, so nothing retires the cached public pages as publishing does:
`_write_back` does it after writing them (gsn_site.page_cache).
"""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from gsn_site.page_cache import purge_public_page_cache


@dataclass(frozen=True)
class _Kept:
    before: dict  # table -> its rows before the seed, for each table the seed changed
    after: dict  # table -> its rows after the seed
    result: object  # what the seed returned (plain data: a primary key, printed text)


_kept = {}


def seeded(name, seed):
    """Return what `seed()` returns, with the database as `seed()` leaves it, running it only the
    first time in this process for this starting state."""
    connection = connections[DEFAULT_DB_ALIAS]
    tables = _tables(connection)
    key = (name, _row_counts(connection, tables))
    kept = _kept.get(key)
    if kept is not None:
        if all(_rows(connection, table) == rows for table, rows in kept.before.items()):
            _write_back(connection, kept.after)
            return kept.result
        return seed()
    before = {table: _rows(connection, table) for table in tables}
    with transaction.atomic(using=connection.alias):
        result = seed()
        after = {table: _rows(connection, table) for table in tables}
        transaction.set_rollback(True, using=connection.alias)
    changed = [table for table in tables if after[table] != before[table]]
    kept = _kept[key] = _Kept(
        before={table: before[table] for table in changed},
        after={table: after[table] for table in changed},
        result=result,
    )
    _write_back(connection, kept.after)
    return result


def _tables(connection):
    """Every table but SQLite's full-text tables, which triggers on their source table keep."""
    names = connection.introspection.table_names()
    if connection.vendor != "sqlite":
        return tuple(names)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        virtual = [row[0] for row in cursor.fetchall()]
    return tuple(name for name in names if not any(name == table or name.startswith(f"{table}_") for table in virtual))


def _row_counts(connection, tables):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"SELECT %s, COUNT(*) FROM {quote(table)}" for table in tables), list(tables))
        return tuple(sorted(cursor.fetchall()))


def _rows(connection, table):
    """A table's rows, in an order that does not depend on how they were written."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # As JSON text, which json_populate_recordset reads back into every column type.
            cursor.execute(f"SELECT row_to_json(t)::text FROM {quote(table)} t")
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute(f"SELECT * FROM {quote(table)}")
        return sorted(cursor.fetchall(), key=repr)


def _write_back(connection, rows_by_table):
    quote = connection.ops.quote_name
    # One transaction: foreign keys are checked at its end, when every table holds its rows again.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for table, rows in rows_by_table.items():
            cursor.execute(f"DELETE FROM {quote(table)}")
            if not rows:
                continue
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO {quote(table)} SELECT * FROM json_populate_recordset(NULL::{quote(table)}, %s)",
                    ["[" + ",".join(rows) + "]"],
                )
            else:
                placeholders = ", ".join(["%s"] * len(rows[0]))
                cursor.executemany(f"INSERT INTO {quote(table)} VALUES ({placeholders})", rows)
        if connection.vendor == "postgresql":
            _sequences_past_their_rows(cursor, quote, list(rows_by_table))
    purge_public_page_cache()


def _sequences_past_their_rows(cursor, quote, tables):
    """Rows come back with their ids, which PostgreSQL's sequences do not see (SQLite's do). A
    sequence restarted since (`manage.py flush` restarts them all) would hand out those ids again
    to the next row saved: move each sequence past the largest id in its table, never back."""
    cursor.execute(
        """SELECT sequence.oid, owner.relname, column_.attname FROM pg_depend dependency
        JOIN pg_class sequence ON sequence.oid = dependency.objid AND sequence.relkind = 'S'
        JOIN pg_class owner ON owner.oid = dependency.refobjid
        JOIN pg_attribute column_ ON column_.attrelid = owner.oid AND column_.attnum = dependency.refobjsubid
        WHERE owner.relname = ANY(%s) AND pg_table_is_visible(owner.oid)""",
        [tables],
    )
    owned = cursor.fetchall()
    if not owned:
        return
    # setval(NULL) does nothing: an empty table with an unused sequence stays as it is.
    cursor.execute(
        "SELECT "
        + ", ".join(
            f"setval(%s::oid::regclass, GREATEST((SELECT MAX({quote(column)}) FROM {quote(table)}), "
            "pg_sequence_last_value(%s::oid::regclass)))"
            for _sequence, table, column in owned
        ),
        [oid for sequence, _table, _column in owned for oid in (sequence, sequence)],
    )


def migrated_rows():
    """Every table's rows as the migrations left them, to write back after a flush."""
    connection = connections[DEFAULT_DB_ALIAS]
    return {table: _rows(connection, table) for table in _tables(connection)}


def write_back_after_a_flush(rows_by_table):
    """A transactional test ends with Django's flush, which empties every table: the migrated rows
    (Wagtail's root page, locales, groups, content types) are gone. Tests are shared out as processes
    fall idle, so any test may come next: tests/conftest.py writes them back as soon as the flush is
    done, exactly as the migrations left them.

    This is why no test asks for Django's `serialized_rollback`: it reloads the migrated rows through
    the models when the next transactional test starts, and not quite as they were (modeltranslation
    saves the root page with an empty title). Seeded rows kept from the migrated state would then no
    longer match, and each demo would be seeded again for real after every transactional test."""
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        # Wagtail's root page, made by a migration, is there unless a flush has run.
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name('wagtailcore_page')}")
        if cursor.fetchone()[0]:
            return
    _write_back(connection, rows_by_table)
