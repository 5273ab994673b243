"""Erasing one person from the stored feed items (AVG request).

Items are copies of public posts, but a person may still ask that the officer's copy no longer
names them: their name is replaced as author and in titles and texts (search index included),
and a link that carries their name is dropped. The items themselves stay, so counts and trends
do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ambtenaar20.core.privacy import ERASED_MARKER, ErasedName

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection


class FeedItemsErasure:
    """``ErasureProvider`` for feed items."""

    kind = "feed_items"

    def __init__(self, db_getter: Callable[[], Connection]) -> None:
        self._db = db_getter

    def erase_counterpart(self, name: str) -> int:
        """Replace ``name`` in every stored item; returns the number of items changed."""
        db = self._db()
        person = ErasedName(name)
        rows = db.execute(
            "SELECT i.id, i.title, i.author, i.link, b.title, b.html, b.text "
            "FROM items i JOIN item_bodies b ON b.item_id = i.id").fetchall()
        changed_items = 0
        for item_id, title, author, link, body_title, body_html, body_text in rows:
            new_author = ERASED_MARKER if person.is_person(author) else person.scrub(author)
            new_title = person.scrub(title)
            new_link = "" if person.in_link(link) else link
            new_body_title = person.scrub(body_title)
            new_html = person.scrub(body_html)
            new_text = person.scrub(body_text)
            if (new_author, new_title, new_link, new_body_title, new_html, new_text) == (
                    author, title, link, body_title, body_html, body_text):
                continue
            changed_items += 1
            db.execute("UPDATE items SET title = ?, author = ?, link = ? WHERE id = ?",
                       [new_title, new_author, new_link, item_id])
            # The search index is external content: remove the old words, then add the new.
            db.execute("INSERT INTO items_fts(items_fts, rowid, title, text) "
                       "VALUES ('delete', ?, ?, ?)", [item_id, body_title, body_text])
            db.execute("UPDATE item_bodies SET title = ?, html = ?, text = ? WHERE item_id = ?",
                       [new_body_title, new_html, new_text, item_id])
            db.execute("INSERT INTO items_fts(rowid, title, text) VALUES (?, ?, ?)",
                       [item_id, new_body_title, new_text])
        return changed_items
