"""The schema, as ordered ``sqlite_utils.Migrations`` sets: one set per area of the app.

Each feature area owns a migration set in its own module (so areas evolve independently) and is
listed in ``migration_sets``. A migration, once released, is never edited: add a new one.
"""

from __future__ import annotations

import datetime

from sqlite_utils import Database, Migrations

from ambtenaar20 import __version__

core_migrations = Migrations("ambtenaar20.core")


@core_migrations(name="0001_app_meta")
def _create_app_meta(db: Database) -> None:
    db["app_meta"].create({"key": str, "value": str}, pk="key")
    db["app_meta"].insert_all(
        [
            {"key": "created_at", "value": datetime.datetime.now(datetime.UTC).isoformat()},
            {"key": "created_by_version", "value": __version__},
        ]
    )


def migration_sets() -> list[Migrations]:
    """All migration sets, in the order they are applied."""
    # Imported here: the area modules import core modules that import this one.
    from ambtenaar20.core.drafting.schema import drafting_migrations
    from ambtenaar20.core.feeds.schema import feeds_migrations
    from ambtenaar20.core.logbook.schema import log_migrations
    from ambtenaar20.core.privacy_schema import trust_migrations

    return [core_migrations, feeds_migrations, log_migrations, drafting_migrations,
            trust_migrations]
