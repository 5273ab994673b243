"""Opening the database safely: check it, back it up, migrate it, hand out connections.

The file is never overwritten or deleted here. A damaged or foreign file raises
``CorruptDatabaseError`` and stays exactly as it was; ``set_aside`` and ``restore_backup`` are the
explicit recovery steps the officer chooses.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ambtenaar20.core.store import backups, process_lock
from ambtenaar20.core.store.connection import Connection
from ambtenaar20.core.store.generation import SCHEMA_GENERATION
from ambtenaar20.core.store.integrity import SQLITE_HEADER, IntegrityCheck, check_file

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path) -> Connection:
    """A new connection with the pragmas every connection needs.

    ``check_same_thread`` is off so the owner may close it from another thread; each thread
    still gets its own connection (see ``Store.db``).
    """
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")
    return Connection(conn)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for other connections doing the same.

    When two connections switch a new file at the same moment (the window and a command, or
    two commands, on a fresh folder), each holds the lock the other needs, and SQLite answers
    "database is locked" at once instead of waiting, to avoid a deadlock. Trying again after a
    moment succeeds as soon as the other has finished (seen in 13 of 200 rounds of four
    threads opening one new file; none with this).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


@dataclass
class OpenReport:
    """What happened while opening: useful for the log and the diagnostics view."""

    created: bool = False
    applied: list[str] | None = None
    backup: Path | None = None


class Store:
    """The app's database. ``db`` is a connection private to the calling thread."""

    def __init__(self, path: Path, backups_dir: Path) -> None:
        self.path = path
        self.backups_dir = backups_dir
        self._local = threading.local()
        self._all: list[Connection] = []
        self._lock = threading.Lock()

    @property
    def db(self) -> Connection:
        existing = getattr(self._local, "db", None)
        if existing is None:
            existing = connect(self.path)
            self._local.db = existing
            with self._lock:
                self._all.append(existing)
        return existing

    def close(self) -> None:
        """Close every connection handed out (call once, when the app shuts down)."""
        with self._lock:
            for database in self._all:
                try:
                    database.conn.close()
                except sqlite3.Error:  # pragma: no cover - closing is best effort
                    log.exception("closing a connection failed")
            self._all.clear()
        self._local = threading.local()

    def integrity_check(self) -> list[str]:
        return [row[0] for row in self.db.execute("PRAGMA integrity_check").fetchall()]


def open_store(path: Path, backups_dir: Path,
               started_check: IntegrityCheck | None = None) -> tuple[Store, OpenReport]:
    """Check, back up (when the schema changes) and migrate the database at ``path``.

    ``started_check`` is the check of this file begun earlier (the window starts it before Qt
    loads); without one, the file is checked here.
    """
    if started_check is not None and started_check.path == path:
        started_check.wait()
    else:
        check_file(path)
    report = OpenReport(created=not path.exists() or path.stat().st_size == 0, applied=[])
    store = Store(path, backups_dir)
    try:
        if _schema_generation(store.db) != SCHEMA_GENERATION:
            # One process at a time checks, backs up and migrates (see ``process_lock``).
            with process_lock.exclusive(path.with_name(path.name + ".lock")):
                from ambtenaar20.core.store.migrate import migrate

                migrate(store.db, report, backups_dir)
                store.db.execute(f"PRAGMA user_version = {SCHEMA_GENERATION}")
    except BaseException:
        store.close()
        raise
    return store, report


def opens_without_writing(path: Path) -> bool:
    """True when opening ``path`` as the store changes nothing in it.

    That is a file in WAL mode with this version's schema: no file to create, no migration, no
    switch to WAL. Read from the file header (https://www.sqlite.org/fileformat.html: bytes
    18 and 19 are 2 in WAL mode, bytes 60-63 hold the ``user_version`` that records the schema
    generation), without SQLite, so asking touches nothing either.
    """
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError:
        return False
    return (len(header) == 100 and header.startswith(SQLITE_HEADER)
            and header[18] == header[19] == 2
            and int.from_bytes(header[60:64], "big") == SCHEMA_GENERATION)


def _schema_generation(db: Connection) -> int:
    """How many of the app's migrations the file has had, as recorded after the last update.

    Equal to ``SCHEMA_GENERATION``: nothing to do, and the migration machinery (sqlite-utils)
    need not even be loaded. Anything else (a new file, an older or a newer version's file)
    goes through ``migrate``, which refuses a newer schema.
    """
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) with a timestamp; returns the new name."""
    stamp = backups.timestamp()
    target = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    path.replace(target)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            companion.replace(target.with_name(target.name + extra))
    return target


def restore_backup(path: Path, backup: Path) -> None:
    """Put a copy of ``backup`` in place of the (already set aside) database at ``path``."""
    if path.exists():
        raise FileExistsError(path)
    check_file(backup)
    partial = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, partial)
    partial.replace(path)


def refuse_newer_schema(conn: sqlite3.Connection) -> None:
    """Raise ``DatabaseTooNewError`` when ``conn`` has migrations this app does not know.

    The same rule as opening the store, for databases that are not opened as the store (a
    backup being checked before it is restored).
    """
    from ambtenaar20.core.store.migrate import refuse_newer_schema as refuse

    refuse(Connection(conn))
