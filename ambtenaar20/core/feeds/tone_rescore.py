"""Scoring stored items again when the officer's words without tone change.

An item's tone is computed once, after the refresh that brought it, and stored: lists, the trend
("Verloop") and ``items list`` read the stored label and polarity. A word added to (or removed
from) "Woorden zonder toon" would otherwise count only for items still to come, and the same
item would show one tone in an old list and another in the reader's explanation. So the items
that hold such a word are scored again: found by a full-text search for the words' common start,
then checked word by word (``toneless_words.mentions``), then marked as not yet scored and
scored like new ones. Cut off halfway (a cancelled task, a closed window), the rest is scored
by the next pass over unscored items. A tone the officer set by hand ("door u aangepast",
``sentiment_override``) is kept: only the computed tone is replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ambtenaar20.core.analysis.toneless_words import clean_words, mentions, search_prefixes
from ambtenaar20.core.cancellation import CancelToken


@dataclass(frozen=True)
class Rescored:
    #: Items holding one of the words, scored again.
    items: int
    #: Of those that had a tone, how many got another computed label.
    changed: int


def rescore_items(items: Any, words: Iterable[str],
                  cancel: CancelToken | None = None) -> Rescored:
    """Score the stored items of ``items`` (an ``ItemService``) that mention ``words`` again."""
    wanted = clean_words(words)
    prefixes = [prefix for prefix in search_prefixes(wanted) if prefix]
    if not prefixes:
        return Rescored(0, 0)
    query = " OR ".join(f'"{prefix}"*' for prefix in prefixes)
    before: dict[int, str | None] = {
        item_id: label for item_id, title, text, label in items.db.execute(
            "SELECT b.item_id, b.title, b.text, i.sentiment FROM items_fts "
            "JOIN item_bodies b ON b.item_id = items_fts.rowid "
            "JOIN items i ON i.id = b.item_id WHERE items_fts MATCH ?", [query])
        if mentions(f"{title or ''}\n{text or ''}", wanted)}
    ids = sorted(before)
    if not ids:
        return Rescored(0, 0)
    with items.db.atomic():
        items.db.conn.executemany("UPDATE items SET sentiment = NULL WHERE id = ?",
                                  [(item_id,) for item_id in ids])
    items.analyse_pending(ids, cancel=cancel)
    after = {row[0]: row[1] for start in range(0, len(ids), 500)
             for row in _labels(items.db, ids[start:start + 500])}
    return Rescored(len(ids), sum(1 for item_id in ids if before[item_id] is not None
                                  and after.get(item_id) != before[item_id]))


def _labels(db: Any, ids: list[int]) -> list[tuple[int, str | None]]:
    marks = ",".join("?" * len(ids))
    return db.execute(f"SELECT id, sentiment FROM items WHERE id IN ({marks})", ids).fetchall()
