"""Erasing one person from the log (AVG request): the one sanctioned change to the record.

The log is kept like a record, so entries are not deleted: the person's name (as counterpart,
and wherever it appears in a topic, summary, outcome or the entry's history) is replaced by a
marker, a URL that leads to them is dropped (their entries' URLs, and any link carrying the
name), and the entry's history notes that this happened, without the name. In their own entries
a first name or surname alone ("Petra belt terug") is scrubbed too: there it can only be them.
Their own entries are those with them as counterpart, and the replies to their own feed items
(which the feeds area names). History rows can only be rewritten while the erasure gate is open,
inside the erasure's own transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import ERASED_MARKER, ErasedName, names_person, scrub_record

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection

#: The fields an officer writes in; dates and kinds hold no personal data.
_FREE_TEXT = ("topic", "summary", "outcome")
#: In the person's own entries also these lose name parts: the platform of a reply started
#: from a feed item is the feed's title, its counterpart the item's author.
_OWN_TEXT = (*_FREE_TEXT, "platform", "counterpart")
#: Who made the change, in the entry's history.
ERASURE_ACTOR = "AVG-verzoek"


class LogbookErasure:
    """``ErasureProvider`` for the interaction log."""

    kind = "log_entries"

    def __init__(self, db_getter: Callable[[], Connection],
                 own_items: Callable[[ErasedName], set[int]] | None = None) -> None:
        self._db = db_getter
        #: The person's own feed items (the feeds area knows them): a reply to one is theirs.
        self._own_items = own_items

    def erase_counterpart(self, name: str) -> int:
        """Replace ``name`` everywhere in the log; returns the number of entries affected.

        Runs inside the caller's transaction (``PrivacyService``), so it is all or nothing.
        """
        db = self._db()
        person = ErasedName(name)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        affected = 0
        own: set[int] = set()
        their_items = self._own_items(person) if self._own_items is not None else set()
        rows = db.execute("SELECT id, counterpart, url, topic, summary, outcome, platform, "
                          "item_id FROM interactions")
        for (entry_id, counterpart, url, topic, summary, outcome, platform,
             item_id) in rows.fetchall():
            changes: dict[str, str] = {}
            # "petra de  boer", "@PetraDeBoer", "Mevrouw De Boer", and as a feed item's author
            # ("petra@example.nl (Petra de Boer)", a reply started from it): the same person.
            # A reply to one of their feed items is theirs too, whoever it names.
            named = names_person(person, counterpart)
            is_theirs = named or (item_id is not None and item_id in their_items)
            if is_theirs:
                own.add(entry_id)
            if named:
                changes["counterpart"] = ERASED_MARKER
            elif is_theirs and (scrubbed := _scrub(counterpart, person, True)) != counterpart:
                changes["counterpart"] = scrubbed
            if url and (is_theirs or person.in_link(url)):
                changes["url"] = ""
            for field, value in (("topic", topic), ("summary", summary), ("outcome", outcome)):
                scrubbed = _scrub(value, person, is_theirs)
                if scrubbed != value:
                    changes[field] = scrubbed
            # A reply started from a feed item has the feed's title as platform, which may be
            # the person's ("Mia (@mia@mastodon.nl)").
            if (scrubbed := _scrub(platform, person, is_theirs)) != (platform or ""):
                changes["platform"] = scrubbed
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
    return scrub_record(person, text, theirs)


def _scrub_json(raw: str, person: ErasedName, theirs: bool) -> str:
    """The history values with the name scrubbed; ``raw`` itself when nothing changed."""
    values = json.loads(raw or "{}")
    changed = False
    for key, value in values.items():
        if not isinstance(value, str):
            continue
        if key == "url":
            scrubbed = "" if theirs or person.in_link(value) else value
        elif key == "counterpart" and names_person(person, value):
            scrubbed = ERASED_MARKER
        else:
            scrubbed = _scrub(value, person, theirs and key in _OWN_TEXT)
        if scrubbed != value:
            values[key] = scrubbed
            changed = True
    return json.dumps(values, ensure_ascii=False) if changed else raw
