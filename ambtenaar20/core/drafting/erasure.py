"""Erasing one person from the drafts (AVG request): their name is replaced in every draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import name_pattern, replace_name

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
        pattern = name_pattern(name)
        touched: set[int] = set()
        for draft_id, text in db.execute("SELECT id, text FROM drafts").fetchall():
            scrubbed, changed = replace_name(text or "", pattern)
            if changed:
                db.execute("UPDATE drafts SET text = ? WHERE id = ?", [scrubbed, draft_id])
                touched.add(draft_id)
        dismissals = db.execute("SELECT id, draft_id, reason, match_text FROM draft_dismissals")
        for dismissal_id, draft_id, reason, match_text in dismissals.fetchall():
            new_reason, in_reason = replace_name(reason or "", pattern)
            new_match, in_match = replace_name(match_text or "", pattern)
            if in_reason or in_match:
                db.execute("UPDATE draft_dismissals SET reason = ?, match_text = ? WHERE id = ?",
                           [new_reason, new_match, dismissal_id])
                touched.add(draft_id)
        return len(touched)
