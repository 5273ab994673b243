"""Erasing one person from the drafts (AVG request): their name is replaced in every draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import ErasedName

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection


class DraftsErasure:
    """``ErasureProvider`` for drafts and the reasons given for dismissed findings."""

    kind = "drafts"

    def __init__(self, db_getter: Callable[[], Connection]) -> None:
        self._db = db_getter

    def erase_counterpart(self, name: str) -> int:
        """Replace ``name`` in draft texts and dismissal reasons; returns the drafts affected."""
        db = self._db()
        person = ErasedName(name)
        touched: set[int] = set()
        rows = db.execute("SELECT id, text, topic, published_url FROM drafts").fetchall()
        for draft_id, text, topic, published_url in rows:
            new_text, new_topic = person.scrub(text or ""), person.scrub(topic or "")
            # A link to the post names its author ("x.com/JanJansen/status/77"): it goes.
            in_url = person.in_link(published_url or "")
            if new_text != (text or "") or new_topic != (topic or "") or in_url:
                db.execute("UPDATE drafts SET text = ?, topic = ?, published_url = ? WHERE id = ?",
                           [new_text, new_topic, "" if in_url else published_url, draft_id])
                touched.add(draft_id)
        dismissals = db.execute("SELECT id, draft_id, reason, match_text FROM draft_dismissals")
        for dismissal_id, draft_id, reason, match_text in dismissals.fetchall():
            new_reason, new_match = person.scrub(reason or ""), person.scrub(match_text or "")
            if (new_reason, new_match) != (reason or "", match_text or ""):
                db.execute("UPDATE draft_dismissals SET reason = ?, match_text = ? WHERE id = ?",
                           [new_reason, new_match, dismissal_id])
                touched.add(draft_id)
        return len(touched)
