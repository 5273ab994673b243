"""Erasing one person from the log (AVG request): the one sanctioned change to the record.

The log is kept like a record, so entries are not deleted: the person's name (as counterpart,
and wherever it appears in a topic, summary, outcome or the entry's history) is replaced by a
marker, a URL that leads to them is dropped (their entries' URLs, and any link carrying the
name), and the entry's history notes that this happened, without the name. In their own entries
a first name or surname alone ("Petra belt terug") is scrubbed too: there it can only be them.
History rows can only be rewritten while the erasure gate is open, inside the erasure's own
transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import ERASED_MARKER, ErasedName

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection

#: The fields an officer writes in; dates, kinds and platforms hold no personal data.
_FREE_TEXT = ("topic", "summary", "outcome")
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
        person = ErasedName(name)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        affected = 0
        own: set[int] = set()
        rows = db.execute("SELECT id, counterpart, url, topic, summary, outcome FROM interactions")
        for entry_id, counterpart, url, topic, summary, outcome in rows.fetchall():
            changes: dict[str, str] = {}
            # "petra de  boer", "@PetraDeBoer", "Mevrouw De Boer": the same person.
            is_theirs = person.is_person(counterpart)
            if is_theirs:
                own.add(entry_id)
                changes["counterpart"] = ERASED_MARKER
            if url and (is_theirs or person.in_link(url)):
                changes["url"] = ""
            for field, value in (("topic", topic), ("summary", summary), ("outcome", outcome)):
                scrubbed = _scrub(value, person, is_theirs)
                if scrubbed != value:
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
        self._scrub_history(db, person, own)
        return affected

    def _scrub_history(self, db: Connection, person: ErasedName, own: set[int]) -> None:
        db.execute("INSERT INTO log_erasure_gate (id) VALUES (1)")
        try:
            rows = db.execute(
                "SELECT id, interaction_id, old_values, new_values FROM interaction_history")
            for history_id, entry_id, old_values, new_values in rows.fetchall():
                theirs = entry_id in own
                old_scrubbed = _scrub_json(old_values, person, theirs)
                new_scrubbed = _scrub_json(new_values, person, theirs)
                if old_scrubbed != old_values or new_scrubbed != new_values:
                    db.execute("UPDATE interaction_history SET old_values = ?, new_values = ?"
                               " WHERE id = ?", [old_scrubbed, new_scrubbed, history_id])
        finally:
            db.execute("DELETE FROM log_erasure_gate")


def _scrub(text: str, person: ErasedName, theirs: bool) -> str:
    """``text`` without the name; in ``theirs`` (their own entry) also without name parts
    and personal data: their phone number or e-mail address names them as well as the name."""
    text = person.scrub(text or "")
    if not theirs or not text:
        return text
    from ambtenaar20.core.analysis.pii import mask_personal_data

    # Addresses first: "petra@boer.nl" goes whole, not as "[verwijderd]@[verwijderd].nl".
    return person.scrub(mask_personal_data(text), own=True)


def _scrub_json(raw: str, person: ErasedName, theirs: bool) -> str:
    """The history values with the name scrubbed; ``raw`` itself when nothing changed."""
    values = json.loads(raw or "{}")
    changed = False
    for key, value in values.items():
        if not isinstance(value, str):
            continue
        if key == "url":
            scrubbed = "" if theirs or person.in_link(value) else value
        elif key == "counterpart" and person.is_person(value):
            scrubbed = ERASED_MARKER
        else:
            scrubbed = _scrub(value, person, theirs and key in _FREE_TEXT)
        if scrubbed != value:
            values[key] = scrubbed
            changed = True
    return json.dumps(values, ensure_ascii=False) if changed else raw
