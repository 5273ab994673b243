"""Opening the database safely: check it, back it up, migrate it, hand out connections.

The file is never overwritten or deleted here. A damaged or foreign file raises
``CorruptDatabaseError`` and stays exactly as it was; ``set_aside`` and ``restore_backup`` are the
explicit recovery steps the officer chooses.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ambtenaar20.core.errors import CorruptDatabaseError, DatabaseTooNewError, MigrationError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.store import backups, process_lock, schema

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class AppDatabase(Database):
    """sqlite-utils' ``Database`` whose outermost ``atomic()`` takes the write lock at once.

    A transaction that starts deferred and reads before it writes cannot wait for another
    process's writer: SQLite fails it at once with "database is locked" (its snapshot is stale),
    whatever the busy timeout. ``BEGIN IMMEDIATE`` waits for the write lock up front, within the
    busy timeout, so the window and the command line can write to the same folder together.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():  # nested: a savepoint
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


def connect(path: Path) -> Database:
    """A new connection with the pragmas every connection needs.

    ``check_same_thread`` is off so the owner may close it from another thread; each thread
    still gets its own connection (see ``Store.db``).
    """
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return AppDatabase(conn, execute_plugins=False)


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
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        detail = "; ".join(rows[:5])
        raise CorruptDatabaseError(
            _("The database {path} is damaged ({detail}). It has not been changed.").format(
                path=path, detail=detail
            ),
            path,
            detail,
        )


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
        self._all: list[Database] = []
        self._lock = threading.Lock()

    @property
    def db(self) -> Database:
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


def open_store(path: Path, backups_dir: Path) -> tuple[Store, OpenReport]:
    """Check, back up (when the schema changes) and migrate the database at ``path``."""
    check_file(path)
    report = OpenReport(created=not path.exists() or path.stat().st_size == 0)
    store = Store(path, backups_dir)
    try:
        # One process at a time checks, backs up and migrates (see ``process_lock``).
        with process_lock.exclusive(path.with_name(path.name + ".lock")):
            _migrate(store, report, backups_dir)
    except BaseException:
        store.close()
        raise
    return store, report


def _migrate(store: Store, report: OpenReport, backups_dir: Path) -> None:
    db = store.db
    sets = schema.migration_sets()
    _refuse_newer_schema(db, sets)
    pending = [(s, m.name) for s in sets for m in s.pending(db)]
    if pending and not report.created and _has_tables(db):
        report.backup = backups.backup_database(db.conn, backups_dir, "before-migration")
        log.info("backup before migration written to %s", report.backup)
    report.applied = [f"{s.name}:{name}" for s, name in pending]
    for migration_set in sets:
        try:
            migration_set.apply(db)
        except Exception as exc:
            raise MigrationError(
                _("Updating the database failed ({reason}). The database is as it was "
                  "before this step; a copy is in {backups}.").format(
                    reason=exc, backups=backups_dir
                )
            ) from exc


def _has_tables(db: Database) -> bool:
    return bool(db.table_names())


def _refuse_newer_schema(db: Database, sets: list) -> None:
    if "_sqlite_migrations" not in db.table_names():
        return
    known = {(s.name, m.name) for s in sets for m in s._migrations}
    known_sets = {s.name for s in sets}
    for row in db["_sqlite_migrations"].rows:
        key = (row["migration_set"], row["name"])
        if row["migration_set"] in known_sets and key not in known:
            raise DatabaseTooNewError(
                _("The database was made by a newer version of Ambtenaar 2.0 "
                  "(it knows the update '{name}'). Install the newer version to open it.").format(
                    name=row["name"]
                )
            )


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
    _refuse_newer_schema(Database(conn, execute_plugins=False), schema.migration_sets())
