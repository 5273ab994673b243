"""Erasing one person from the drafts (AVG request): their name is replaced in every draft.

A draft that replies to one of the person's own feed items is their record, as their log
entries are: there their name parts and personal data (phone, e-mail...) go too, in the draft
and in the reasons given for dismissed findings. Which items are theirs the feeds area knows
(``own_items``, asked before the feeds area changes them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import ErasedName, scrub_record

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection


class DraftsErasure:
    """``ErasureProvider`` for drafts and the reasons given for dismissed findings."""

    kind = "drafts"

    def __init__(self, db_getter: Callable[[], Connection],
                 own_items: Callable[[ErasedName], set[int]] | None = None) -> None:
        self._db = db_getter
        self._own_items = own_items

    def erase_counterpart(self, name: str) -> int:
        """Replace ``name`` in draft texts and dismissal reasons; returns the drafts affected."""
        db = self._db()
        person = ErasedName(name)
        their_items = self._own_items(person) if self._own_items is not None else set()
        touched: set[int] = set()
        theirs: set[int] = set()
        rows = db.execute(
            "SELECT id, text, topic, published_url, feed_item_id FROM drafts").fetchall()
        for draft_id, text, topic, published_url, feed_item_id in rows:
            own = feed_item_id is not None and feed_item_id in their_items
            if own:
                theirs.add(draft_id)
            new_text = scrub_record(person, text or "", own)
            new_topic = scrub_record(person, topic or "", own)
            # A link to the post names its author ("x.com/JanJansen/status/77"): it goes.
            in_url = person.in_link(published_url or "")
            if new_text != (text or "") or new_topic != (topic or "") or in_url:
                db.execute("UPDATE drafts SET text = ?, topic = ?, published_url = ? WHERE id = ?",
                           [new_text, new_topic, "" if in_url else published_url, draft_id])
                touched.add(draft_id)
        dismissals = db.execute("SELECT id, draft_id, reason, match_text FROM draft_dismissals")
        for dismissal_id, draft_id, reason, match_text in dismissals.fetchall():
            own = draft_id in theirs
            new_reason = scrub_record(person, reason or "", own)
            new_match = scrub_record(person, match_text or "", own)
            if (new_reason, new_match) != (reason or "", match_text or ""):
                db.execute("UPDATE draft_dismissals SET reason = ?, match_text = ? WHERE id = ?",
                           [new_reason, new_match, dismissal_id])
                touched.add(draft_id)
        return len(touched)
