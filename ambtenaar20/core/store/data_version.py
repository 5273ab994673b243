"""Whether anything wrote to the database since the last look, for views that stay open.

The window shows stored data while ``ambtenaar20 refresh`` (a terminal, a scheduled task) or
``items mark`` write to the same file; nothing tells the window. SQLite's ``PRAGMA
data_version`` is a tiny query that changes whenever *another* connection has committed, in
this process or any other (https://www.sqlite.org/pragma.html#pragma_data_version). Its value
means something only on one connection, so this holds a connection of its own that never
writes: the service connections are one per worker thread, and a look may run on any of them.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from ambtenaar20.core.store.database import BUSY_TIMEOUT_MS


class DataVersion:
    """Asked on worker threads, one at a time or not (a lock keeps the connection to one)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._lock = threading.Lock()

    def current(self) -> int | None:
        """A number that differs from the one before when any other connection committed
        meanwhile; None once ``close`` was called (the view that asked has gone)."""
        with self._lock:
            if self._closed:
                return None
            if self._conn is None:
                # "rw": never create the file; the store has opened (and migrated) it already.
                self._conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw",
                                             uri=True, check_same_thread=False,
                                             timeout=BUSY_TIMEOUT_MS / 1000)
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
