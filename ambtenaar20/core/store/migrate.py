"""Bringing a database file up to this version's schema: refuse newer, back up, migrate.

Loaded only when the file's recorded schema generation differs from this version's (a new
file, or the first start after an update): the migration sets import sqlite-utils, which a
normal start does not need.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core.errors import DatabaseTooNewError, MigrationError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.store import backups, schema

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection
    from ambtenaar20.core.store.database import OpenReport

log = logging.getLogger(__name__)


def migrate(db: Connection, report: OpenReport, backups_dir: Path) -> None:
    sets = schema.migration_sets()
    api = db.table_api
    refuse_newer_schema(db, sets)
    pending = [(s, m.name) for s in sets for m in s.pending(api)]
    if pending and not report.created and db.table_names():
        report.backup = backups.backup_database(db.conn, backups_dir, "before-migration")
        log.info("backup before migration written to %s", report.backup)
    report.applied = [f"{s.name}:{name}" for s, name in pending]
    for migration_set in sets:
        try:
            migration_set.apply(api)
        except Exception as exc:
            raise MigrationError(
                _("Updating the database failed ({reason}). The database is as it was "
                  "before this step; a copy is in {backups}.").format(
                    reason=exc, backups=backups_dir
                )
            ) from exc


def refuse_newer_schema(db: Connection, sets: list | None = None) -> None:
    """Raise ``DatabaseTooNewError`` when ``db`` has migrations this app does not know."""
    if "_sqlite_migrations" not in db.table_names():
        return
    sets = schema.migration_sets() if sets is None else sets
    known = {(s.name, m.name) for s in sets for m in s._migrations}
    known_sets = {s.name for s in sets}
    for migration_set, name in db.execute(
            "SELECT migration_set, name FROM _sqlite_migrations").fetchall():
        if migration_set in known_sets and (migration_set, name) not in known:
            raise DatabaseTooNewError(
                _("The database was made by a newer version of Ambtenaar 2.0 "
                  "(it knows the update '{name}'). Install the newer version to open it.").format(
                    name=name
                )
            )
