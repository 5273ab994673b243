"""Reading single rows without leaving a statement open.

``cursor.fetchone()`` leaves the statement un-finished, and an un-finished statement keeps a
read snapshot open on that connection. Worker threads keep their connection between tasks, so
the next write on it would fail at once with "database is locked" (SQLite cannot upgrade a
stale snapshot to a write) whenever another thread had written meanwhile. ``one`` reads the
statement to its end.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any


def one(cursor: sqlite3.Cursor) -> Any:
    """The first row of ``cursor`` (or None), with the statement run to completion."""
    rows = cursor.fetchall()
    return rows[0] if rows else None


@contextlib.contextmanager
def write_transaction(db: Any) -> Iterator[Any]:
    """Like ``db.atomic()``, but takes the write lock at the start (``BEGIN IMMEDIATE``).

    A deferred transaction that reads first and writes later fails at once, without waiting,
    if another thread committed in between (the refresh writes while the window marks items
    read). Taking the lock first makes it wait its turn under the busy timeout instead.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        db.conn.execute("COMMIT")
