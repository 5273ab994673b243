"""The trust area's tables: the record of privacy requests carried out (see ``core.privacy``).

Apart from the privacy service so that running retention after a refresh does not load the
migration machinery (sqlite-utils).
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

trust_migrations = Migrations("ambtenaar20.trust")


@trust_migrations(name="0001_privacy_requests")
def _create_privacy_requests(db: Database) -> None:
    db["privacy_requests"].create(
        {
            "id": int,
            # "erase_counterpart" (an AVG request); later kinds may follow.
            "kind": str,
            "carried_out_at": str,
            # JSON object: data kind -> number of records removed or pseudonymised.
            "affected": str,
            "total": int,
        },
        pk="id",
    )
