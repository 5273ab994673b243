"""The log's tables: interactions, their history, and guards that keep them a record.

Posts and replies made for government tasks are government information (Archiefwet, Woo), so a
row is never physically removed or its history rewritten: deleting sets ``deleted_at``; triggers
refuse ``DELETE`` on both tables and ``UPDATE`` on history rows - except inside an AVG
erasure, which opens ``log_erasure_gate`` for its own transaction (``logbook/erasure.py``).
Indexes are chosen for the Logboek view's filtered, newest-first list over 100,000 entries.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

log_migrations = Migrations("ambtenaar20.log")


@log_migrations(name="0001_interactions")
def _create_interactions(db: Database) -> None:
    # One statement at a time: executescript would commit the migration's transaction.
    for statement in _STATEMENTS:
        db.execute(statement)


_STATEMENTS = (
    """
CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,              -- local time with offset, ISO 8601
    occurred_utc TEXT NOT NULL,             -- YYYY-MM-DDTHH:MM:SSZ, for ranges
    platform TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reactie', 'bericht', 'vraag_beantwoord',
    'correctie', 'doorverwezen', 'privebericht', 'overig')),
    direction TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('in', 'out')),
    topic TEXT NOT NULL DEFAULT '',
    counterpart TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    outcome TEXT NOT NULL DEFAULT '',
    follow_up TEXT,                         -- YYYY-MM-DD or NULL
    draft_id INTEGER,                       -- drafting area; no foreign key on purpose
    item_id INTEGER,                        -- feeds area; no foreign key on purpose
    open_findings INTEGER,                  -- guideline findings open when published
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'draft', 'item')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
    )
    """,
    """
CREATE INDEX interactions_live_time ON interactions (occurred_utc)
    WHERE deleted_at IS NULL
    """,
    """
CREATE INDEX interactions_topic_time ON interactions (topic, occurred_utc)
    WHERE deleted_at IS NULL
    """,
    """
CREATE INDEX interactions_platform_time ON interactions (platform, occurred_utc)
    WHERE deleted_at IS NULL
    """,
    """
CREATE INDEX interactions_kind_time ON interactions (kind, occurred_utc)
    WHERE deleted_at IS NULL
    """,
    """
CREATE INDEX interactions_follow_up ON interactions (follow_up)
    WHERE deleted_at IS NULL AND follow_up IS NOT NULL
    """,
    """
CREATE INDEX interactions_draft ON interactions (draft_id) WHERE draft_id IS NOT NULL
    """,
    """
CREATE INDEX interactions_item ON interactions (item_id) WHERE item_id IS NOT NULL
    """,
    """
CREATE TABLE interaction_history (
    id INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL REFERENCES interactions(id),
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'deleted', 'restored')),
    old_values TEXT NOT NULL DEFAULT '{}',  -- JSON object, only the changed fields
    new_values TEXT NOT NULL DEFAULT '{}'
    )
    """,
    """
CREATE INDEX interaction_history_entry ON interaction_history (interaction_id, id)
    """,
    """
CREATE TRIGGER interactions_never_deleted BEFORE DELETE ON interactions
    BEGIN SELECT RAISE(ABORT, 'log entries are kept; mark them deleted instead'); END
    """,
    """
CREATE TRIGGER interaction_history_never_deleted BEFORE DELETE ON interaction_history
    BEGIN SELECT RAISE(ABORT, 'log history is kept'); END
    """,
    """
CREATE TRIGGER interaction_history_never_changed BEFORE UPDATE ON interaction_history
    BEGIN SELECT RAISE(ABORT, 'log history is kept'); END
    """,
)


@log_migrations(name="0002_erasure_gate")
def _allow_sanctioned_erasure(db: Database) -> None:
    # The gate table holds a row only inside an erasure's transaction; other connections never
    # see it, so for them history stays unchangeable.
    for statement in (
        "CREATE TABLE log_erasure_gate (id INTEGER PRIMARY KEY)",
        "DROP TRIGGER interaction_history_never_changed",
        """
        CREATE TRIGGER interaction_history_never_changed BEFORE UPDATE ON interaction_history
            WHEN NOT EXISTS (SELECT 1 FROM log_erasure_gate)
            BEGIN SELECT RAISE(ABORT, 'log history is kept'); END
        """,
    ):
        db.execute(statement)
