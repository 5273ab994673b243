"""Reading single rows without leaving a statement open.

``cursor.fetchone()`` leaves the statement un-finished, and an un-finished statement keeps a
read snapshot open on that connection. Worker threads keep their connection between tasks, so
the next write on it would fail at once with "database is locked" (SQLite cannot upgrade a
stale snapshot to a write) whenever another thread had written meanwhile. ``one`` reads the
statement to its end.
"""

from __future__ import annotations

import sqlite3
from typing import Any


def one(cursor: sqlite3.Cursor) -> Any:
    """The first row of ``cursor`` (or None), with the statement run to completion."""
    rows = cursor.fetchall()
    return rows[0] if rows else None
