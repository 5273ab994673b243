"""Storing what a refresh fetched: items per feed, then the search index and topics per batch.

A refresh writes several feeds in one transaction (a *batch*). Inside it each feed's row and
items are written whole; the full-text index and the topic matches are then built once for all
new items of the batch, before the commit. So the index is always in sync with the items at
every commit, a kill at any moment leaves each feed stored whole or not at all (the batch is
one transaction), and FTS5 builds one index segment per batch instead of one per feed: per
feed, flushing and merging those small segments cost more than tokenising the text itself.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Any

from ambtenaar20.core.feeds.query import QuerySyntaxError
from ambtenaar20.core.feeds.sql import one
from ambtenaar20.core.feeds.topics import match_new_items

if TYPE_CHECKING:
    from ambtenaar20.core.feeds.parsing import ParsedFeed

#: How the key of an item an erasure changed begins (see ``erased_key``); every such key sorts
#: before ``ERASED_KEY_END``.
ERASED_KEY = "erased:"
ERASED_KEY_END = "erased;"

log = logging.getLogger(__name__)

#: A batch ends at this many feeds or items, whichever comes first: the window waits for the
#: write lock while a batch is written (marking an item read), so a batch must stay short
#: (~0.1 s), while batches of ~10 feeds already gave nearly all of the gain over one per feed.
BATCH_FEEDS = 10
BATCH_ITEMS = 2_000


def erased_key(key: str) -> str:
    """The key an item keeps after an AVG erasure when its own key names or leads to the person
    ("id:https://mastodon.nl/@mia/1"): a hash of it, so the next refresh still knows the item
    and does not store the person's post again, while the key no longer says whose it is."""
    if key.startswith((ERASED_KEY, "hash:")):
        return key
    return ERASED_KEY + hashlib.sha256(key.encode("utf-8")).hexdigest()


def last_item_id(db: Any) -> int:
    """The highest item id: every item written after this call in the same transaction is
    above it (ids are ``max + 1``, and the transaction holds the write lock)."""
    return one(db.execute("SELECT coalesce(max(id), 0) FROM items"))[0]


def insert_items(db: Any, feed_id: int, parsed: ParsedFeed, fetched: str) -> int:
    """Store the items of ``parsed`` not yet known for the feed (by dedupe key); how many.

    An item is known by its key or one of its ``aliases``, or by its ``legacy`` key when the
    item stored under that key shows the same title (date, text) as this one: an earlier
    version, or an earlier fetch where it was alone, stored it under a key it shared with
    other items (see ``parsing._distinguish``). That item is given this item's key then, so
    the next fetch knows it at once and the shared key is free for no other.

    Writes ``items`` and ``item_bodies`` only: ``index_new_items`` adds them to the search
    index and the topics before the batch commits.
    """
    known = {row[0] for row in db.execute(
        "SELECT dedupe_key FROM items WHERE feed_id = ?", [feed_id])}
    # An item an AVG erasure changed may be known by a hash of its key (see ``erased_key``).
    erased = one(db.execute(
        "SELECT 1 FROM items WHERE feed_id = ? AND dedupe_key >= ? AND dedupe_key < ? LIMIT 1",
        [feed_id, ERASED_KEY, ERASED_KEY_END])) is not None
    fresh: dict[str, Any] = {}
    for item in parsed.items:
        key = item.dedupe_key
        if key in known or key in fresh or (known and not known.isdisjoint(item.aliases)) or (
                erased and not known.isdisjoint(map(erased_key, (key, *item.aliases)))):
            continue
        legacy = item.legacy
        if legacy is not None and legacy[0] != key and legacy[0] in known \
                and _stored_as(db, feed_id, legacy):
            db.execute("UPDATE items SET dedupe_key = ? WHERE feed_id = ? AND dedupe_key = ?",
                       [key, feed_id, legacy[0]])
            known.discard(legacy[0])
            known.add(key)
            continue
        fresh[key] = item
    if not fresh:
        return 0
    before = last_item_id(db)
    db.conn.executemany(
        "INSERT INTO items (feed_id, dedupe_key, title, link, author, published, fetched) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(feed_id, item.dedupe_key, item.title, item.link, item.author, item.published,
          fetched) for item in fresh.values()])
    new_ids = db.execute("SELECT dedupe_key, id FROM items WHERE id > ?", [before])
    db.conn.executemany(
        "INSERT INTO item_bodies (item_id, title, html, text) VALUES (?, ?, ?, ?)",
        [(item_id, fresh[key].title, fresh[key].html, fresh[key].text)
         for key, item_id in new_ids.fetchall()])
    return len(fresh)


def _stored_as(db: Any, feed_id: int, legacy: tuple[str, str, str | None, str | None]) -> bool:
    """Whether the item stored under ``legacy``'s key shows its title, date and text."""
    key, title, published, text = legacy
    row = one(db.execute(
        "SELECT i.title, i.published, b.text FROM items i "
        "LEFT JOIN item_bodies b ON b.item_id = i.id WHERE i.feed_id = ? AND i.dedupe_key = ?",
        [feed_id, key]))
    return row is not None and row[0] == title and published in (None, row[1]) \
        and text in (None, row[2])


def index_new_items(db: Any, before: int, topics: list[tuple[int, str, str]],
                    matched: dict[str, int], matched_ids: dict[str, list[int]]) -> None:
    """Index every item above ``before`` and store its topic matches (inside the batch).

    One ``INSERT ... SELECT`` for the whole batch: FTS5 writes its pending terms as a new
    segment at every savepoint and commit, so fewer, larger statements mean fewer segments to
    write and merge. ``matched``/``matched_ids`` are the refresh report's counters.
    """
    db.execute("INSERT INTO items_fts(rowid, title, text) "
               "SELECT item_id, title, text FROM item_bodies WHERE item_id > ?", [before])
    for topic_id, name, query in topics:
        try:
            ids = match_new_items(db, topic_id, query, before)
        except QuerySyntaxError:  # stored by an earlier version, nested deeper than allowed now
            log.warning("topic %s: its query can no longer be read", topic_id)
            continue
        matched[name] = matched.get(name, 0) + len(ids)
        matched_ids.setdefault(name, []).extend(ids)


def batches(ready: list[Any], sizes: list[int]) -> list[list[Any]]:
    """Split ``ready`` (with item counts ``sizes``) into batches within the limits above."""
    result: list[list[Any]] = []
    current: list[Any] = []
    items = 0
    for entry, size in zip(ready, sizes, strict=True):
        if current and (len(current) >= BATCH_FEEDS or items + size > BATCH_ITEMS):
            result.append(current)
            current, items = [], 0
        current.append(entry)
        items += size
    if current:
        result.append(current)
    return result

