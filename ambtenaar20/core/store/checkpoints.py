"""Checkpoints beside a long write, so that the writer does not do them itself.

In WAL mode every commit is appended to the write-ahead log, and SQLite copies the log back
into the database file (a *checkpoint*) from inside the commit that takes the log past 1,000
pages. A refresh writes tens of megabytes in a few commits, so almost every one of its commits
did a checkpoint: ~60 ms of the writer's time in a cold refresh of 5,000 items, on the path
the officer waits for (measured: 61-73 ms of commits with, 6-7 ms without).

A checkpoint can run on another connection while the writer goes on writing, and SQLite does
it without holding the interpreter lock, so on a thread of its own it runs on another core.
``BackgroundCheckpoints`` turns the writer's own checkpoints off while it is in use, and a
thread checkpoints after each commit instead (passive: it never waits for, or blocks, the
writer or the readers). Leaving the block waits for the checkpoint after the last commit, so
the log is copied as far as the readers allow (closing the database would otherwise do it),
and restores the writer's setting.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

log = logging.getLogger(__name__)


class BackgroundCheckpoints:
    """Use as ``with BackgroundCheckpoints(db, path) as checkpoints:``, and call
    ``checkpoints.committed()`` after each commit of ``db``."""

    def __init__(self, db: Any, path: Path) -> None:
        self._db = db
        self._path = path
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._pending = False
        self._thread: threading.Thread | None = None
        self._previous = 0
        #: How many checkpoints the thread ran (for tests and benchmarks).
        self.runs = 0

    def __enter__(self) -> BackgroundCheckpoints:
        self._previous = int(self._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self._db.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()
        return self

    def committed(self) -> None:
        """The writer committed: copy what the log holds into the database file."""
        self._pending = True
        self._wake.set()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
        self._db.execute(f"PRAGMA wal_autocheckpoint = {self._previous}")

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(self._path, check_same_thread=False)
        except sqlite3.Error:
            log.exception("no connection for background checkpoints")
            return
        try:
            while True:
                if not self._stop.is_set():
                    self._wake.wait()
                self._wake.clear()
                if self._pending:
                    self._pending = False
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.runs += 1
                    continue  # a commit, or the end, may have come meanwhile
                if self._stop.is_set():
                    return
        except sqlite3.Error:
            # Only an optimisation: the writer's next checkpoint, or closing, copies the log.
            log.exception("background checkpoint failed")
        finally:
            connection.close()
