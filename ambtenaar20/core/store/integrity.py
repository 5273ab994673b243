"""Is this file a healthy SQLite database? Checked read-only, before anything writes to it.

Kept apart from the store so the check needs nothing but ``sqlite3``: the window starts it on a
thread before Qt is even loaded (``IntegrityCheck``). ``PRAGMA quick_check`` reads the whole
file (about 25 ms for 20,000 stored items) and SQLite releases the interpreter lock while it
runs, so the check overlaps with building the window instead of coming after it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from ambtenaar20.core import disk_errors
from ambtenaar20.core.errors import CorruptDatabaseError
from ambtenaar20.core.i18n import _

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
CHECK_MMAP_BYTES = 1 << 30


def check_file(path: Path) -> None:
    """Raise ``CorruptDatabaseError`` unless ``path`` is a healthy SQLite database (or absent)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise CorruptDatabaseError(
            _("The file {path} is not an Ambtenaar 2.0 database (it is not an SQLite file). "
              "It has not been changed.").format(path=path),
            path,
            "header",
        )
    try:
        # Read-only so a damaged file is not touched, not even by WAL recovery.
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            # Reading through a memory map halves the check (no copy of every page into
            # SQLite's cache); safe here, as nothing truncates the file (no VACUUM).
            conn.execute(f"PRAGMA mmap_size = {CHECK_MMAP_BYTES}")
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _cannot_open(exc) and not disk_errors.folder_is_writable(path.parent):
            # A database closed cleanly has no "-shm" file, and SQLite cannot make one in a
            # read-only folder: the file is fine, the folder is the problem.
            raise disk_errors.read_only_data_folder_error(path.parent) from exc
        rows = [str(exc)]
    if rows != ["ok"]:
        detail = "; ".join(rows[:5])
        log.error("database %s failed its check: %s", path, detail)
        raise CorruptDatabaseError(
            _("The database {path} is damaged ({detail}). It has not been changed.").format(
                path=path, detail=plain_reason(detail)
            ),
            path,
            detail,
        )


def _cannot_open(error: sqlite3.DatabaseError) -> bool:
    return getattr(error, "sqlite_errorname", "") == "SQLITE_CANTOPEN" or \
        "unable to open" in str(error)


def plain_reason(detail: str) -> str:
    """SQLite's English reason (``detail``) in the officer's words; the raw text is logged.

    The check either fails to read the file at all (SQLite's error) or lists what it found
    inside ("Page 5: btreeInitPage() returns error code 11"): the latter is said as one fact.
    """
    text = detail.lower()
    if "malformed" in text or "corrupt" in text:
        return _("its internal structure is broken")
    if "not a database" in text or "encrypted" in text:
        return _("its contents are not a readable database; it may have been overwritten or "
                 "encrypted")
    if "unable to open" in text:
        return _("the file cannot be opened")
    if "disk i/o error" in text:
        return _("the disk could not read it")
    return _("the check found errors inside the file")


class IntegrityCheck:
    """``check_file`` running on its own thread; ``wait()`` gives its outcome (or raises it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            check_file(self.path)
        except BaseException as error:  # handed to whoever waits for the outcome
            self._error = error

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error
