"""Erasing one person from the log (AVG request): the one sanctioned change to the record.

The log is kept like a record, so entries are not deleted: the person's name (as counterpart,
and wherever it appears in a summary, outcome or the entry's history) is replaced by a marker,
the URL of an entry with them as counterpart is dropped, and the entry's history notes that
this happened, without the name. History rows can only be rewritten while the erasure gate is
open, inside the erasure's own transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import ERASED_MARKER, name_pattern, replace_name

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection

#: Who made the change, in the entry's history.
ERASURE_ACTOR = "AVG-verzoek"


class LogbookErasure:
    """``ErasureProvider`` for the interaction log."""

    kind = "log_entries"

    def __init__(self, db_getter: Callable[[], Connection]) -> None:
        self._db = db_getter

    def erase_counterpart(self, name: str) -> int:
        """Replace ``name`` everywhere in the log; returns the number of entries affected.

        Runs inside the caller's transaction (``PrivacyService``), so it is all or nothing.
        """
        db = self._db()
        pattern = name_pattern(name)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        affected = 0
        rows = db.execute("SELECT id, counterpart, url, summary, outcome FROM interactions")
        for entry_id, counterpart, url, summary, outcome in rows.fetchall():
            changes: dict[str, str] = {}
            if pattern.fullmatch(counterpart.strip()):
                changes["counterpart"] = ERASED_MARKER
                if url:
                    changes["url"] = ""
            for field, value in (("summary", summary), ("outcome", outcome)):
                scrubbed, changed = replace_name(value, pattern)
                if changed:
                    changes[field] = scrubbed
            if not changes:
                continue
            affected += 1
            assignments = ", ".join(f"{field} = ?" for field in changes)
            db.execute(f"UPDATE interactions SET {assignments} WHERE id = ?",
                       [*changes.values(), entry_id])
            db.execute(
                "INSERT INTO interaction_history (interaction_id, changed_at, changed_by, action,"
                " old_values, new_values) VALUES (?, ?, ?, 'edited', ?, ?)",
                [entry_id, now, ERASURE_ACTOR,
                 json.dumps(dict.fromkeys(changes, ERASED_MARKER)),
                 json.dumps(changes, ensure_ascii=False)])
        self._scrub_history(db, pattern)
        return affected

    def _scrub_history(self, db: Connection, pattern) -> None:
        db.execute("INSERT INTO log_erasure_gate (id) VALUES (1)")
        try:
            rows = db.execute("SELECT id, old_values, new_values FROM interaction_history")
            for history_id, old_values, new_values in rows.fetchall():
                old_scrubbed, old_changed = _scrub_json(old_values, pattern)
                new_scrubbed, new_changed = _scrub_json(new_values, pattern)
                if old_changed or new_changed:
                    db.execute("UPDATE interaction_history SET old_values = ?, new_values = ?"
                               " WHERE id = ?", [old_scrubbed, new_scrubbed, history_id])
        finally:
            db.execute("DELETE FROM log_erasure_gate")


def _scrub_json(raw: str, pattern) -> tuple[str, bool]:
    values = json.loads(raw or "{}")
    changed = False
    for key, value in values.items():
        if isinstance(value, str):
            scrubbed, hit = replace_name(value, pattern)
            if hit:
                values[key] = scrubbed
                changed = True
    return json.dumps(values, ensure_ascii=False), changed
