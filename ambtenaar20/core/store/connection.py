"""One thread's database connection: plain ``sqlite3`` for SQL, sqlite-utils only when needed.

The services speak SQL (``execute``, ``atomic``); only some also use sqlite-utils' table API
(``db["drafts"].insert(...)``). Importing sqlite-utils costs about 50 ms, which every start of
the window and every command paid before the first query. ``Connection`` answers SQL itself and
builds sqlite-utils' ``Database`` on the same connection the first time a table method is used.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ambtenaar20.core.store.table_api import AppDatabase

# Statements that open or close a transaction themselves: never committed on their behalf.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
_SAVEPOINT_NUMBERS = itertools.count()
_FIRST_WORD = re.compile(r"\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*([A-Za-z]+)", re.DOTALL)


def _first_keyword(sql: str) -> str:
    match = _FIRST_WORD.match(sql)
    return match.group(1).upper() if match else ""


class Connection:
    """What the services call ``db``; the same behaviour as sqlite-utils' ``Database``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._table_api: AppDatabase | None = None

    def execute(self, sql: str,
                parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once.

        The same rule as sqlite-utils' ``Database.execute``, which the services were written
        against: ``db.execute("UPDATE ...")`` on its own is durable.
        """
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, parameters if parameters is not None else ())
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and self.conn.in_transaction
                and cursor.description is None
                and _first_keyword(sql) not in _TRANSACTION_CONTROL):
            self.conn.execute("COMMIT")
        return cursor

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction that takes the write lock at once; nested blocks are savepoints.

        A transaction that starts deferred and reads before it writes cannot wait for another
        process's writer: SQLite fails it at once with "database is locked" (its snapshot is
        stale), whatever the busy timeout. ``BEGIN IMMEDIATE`` waits for the write lock up
        front, within the busy timeout, so the window and the command line can write to the
        same folder together.
        """
        with immediate_transaction(self.conn):
            yield self

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()

    @property
    def table_api(self) -> AppDatabase:
        """sqlite-utils' ``Database`` on this same connection (imported on first use)."""
        if self._table_api is None:
            from ambtenaar20.core.store.table_api import AppDatabase

            self._table_api = AppDatabase(self.conn, execute_plugins=False)
        return self._table_api

    def __getitem__(self, table: str) -> Any:
        return self.table_api[table]

    def __getattr__(self, name: str) -> Any:
        # Everything else sqlite-utils offers (``query``, ``table``, ``view_names``...).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.table_api, name)


@contextlib.contextmanager
def immediate_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or a savepoint when a transaction is already open."""
    if conn.in_transaction:
        savepoint = f"nested_{next(_SAVEPOINT_NUMBERS)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield
        except BaseException:
            # An error that already ended the transaction leaves no savepoint to go back to.
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
