"""Topics: a name plus a saved query, matched against every item once and stored.

Matches are computed when an item arrives (``match_new_items``, inside the item's transaction)
and when a topic is created or its query changes (``rematch``), so unread counts are a plain
indexed count and never a full-text search.

A topic is found by its name ignoring case, accents and extra spaces ("hittestress" finds
"Hittestress"), as queries are; two names that only differ in those ways are one name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.query import compile_query
from ambtenaar20.core.feeds.sql import one
from ambtenaar20.core.i18n import _
from ambtenaar20.core.text_folding import fold


def name_key(name: str) -> str:
    """What two topic names must share to be the same name."""
    return " ".join(fold(name).split())


def same_name(db: Any, name: str, *, besides: int | None = None) -> tuple[int, str] | None:
    """The (id, name) of a topic whose name equals ``name`` ignoring case and accents, other
    than topic ``besides``."""
    key = name_key(name)
    for topic_id, existing in db.execute("SELECT id, name FROM topics ORDER BY id"):
        if topic_id != besides and name_key(existing) == key:
            return topic_id, existing
    return None


def topic_id_by_name(db: Any, name: str) -> int:
    """The id of the topic called ``name``: its exact name first, else ignoring case and
    accents (an older data folder may hold both "Hittestress" and "hittestress")."""
    exact = one(db.execute("SELECT id FROM topics WHERE name = ?", [name]))
    if exact is not None:
        return exact[0]
    found = same_name(db, name)
    if found is None:
        raise UsageError(_("There is no topic named '{name}'.").format(name=name))
    return found[0]


def _refuse_duplicate(db: Any, name: str, besides: int | None = None) -> None:
    found = same_name(db, name, besides=besides)
    if found is not None:
        raise UsageError(_("A topic named '{name}' already exists.").format(name=found[1]))


def match_new_items(db: Any, topic_id: int, query: str, after_id: int) -> list[int]:
    """Store and return the ids above ``after_id`` that match the topic's query."""
    expression = compile_query(query)
    ids = [row[0] for row in db.execute(
        "SELECT rowid FROM items_fts WHERE items_fts MATCH ? AND rowid > ?",
        [expression, after_id])]
    db.conn.executemany("INSERT OR IGNORE INTO item_topics (topic_id, item_id) VALUES (?, ?)",
                        [(topic_id, item_id) for item_id in ids])
    return ids


def match_items(db: Any, topic_id: int, query: str, item_ids: Iterable[int]) -> list[int]:
    """Store and return which of ``item_ids`` match the topic's query (their text changed)."""
    expression = compile_query(query)
    ids = [row[0] for row in db.execute(
        "SELECT rowid FROM items_fts WHERE items_fts MATCH ? "
        "AND rowid IN (SELECT value FROM json_each(?))",
        [expression, json.dumps(sorted(set(item_ids)))])]
    db.conn.executemany("INSERT OR IGNORE INTO item_topics (topic_id, item_id) VALUES (?, ?)",
                        [(topic_id, item_id) for item_id in ids])
    return ids


class TopicService:
    def __init__(self, store: Any) -> None:
        self.store = store

    @property
    def db(self):
        return self.store.db

    def add_topic(self, name: str, query: str, notify: bool = False) -> dict[str, Any]:
        name = name.strip()
        if not name:
            raise UsageError(_("A topic needs a name."))
        compile_query(query)  # a syntax error is reported before anything is stored
        _refuse_duplicate(self.db, name)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO topics (name, query, notify, added) VALUES (?, ?, ?, ?)",
                [name, query, int(notify), datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")])
            match_new_items(self.db, cursor.lastrowid, query, 0)
        return self.topic(name)

    def update_topic(self, name: str, *, new_name: str | None = None, query: str | None = None,
                     notify: bool | None = None) -> dict[str, Any]:
        topic = self.topic(name)
        if query is not None:
            compile_query(query)
        with self.db.atomic():
            if new_name and new_name.strip() != topic["name"]:
                # Only a change of case or accents of its own name is not a duplicate.
                _refuse_duplicate(self.db, new_name.strip(), besides=topic["id"])
                self.db.execute("UPDATE topics SET name = ? WHERE id = ?",
                                [new_name.strip(), topic["id"]])
            if notify is not None:
                self.db.execute("UPDATE topics SET notify = ? WHERE id = ?",
                                [int(notify), topic["id"]])
            if query is not None and query != topic["query"]:
                self.db.execute("UPDATE topics SET query = ? WHERE id = ?", [query, topic["id"]])
                self.db.execute("DELETE FROM item_topics WHERE topic_id = ?", [topic["id"]])
                match_new_items(self.db, topic["id"], query, 0)
        return self.topic(new_name.strip() if new_name else topic["name"])

    def topic(self, name: str) -> dict[str, Any]:
        topic_id = topic_id_by_name(self.db, name)
        return next(topic for topic in self.list_topics() if topic["id"] == topic_id)

    def queries_of(self, names: Iterable[str]) -> list[str]:
        """The queries of the topics named (unknown names are left out), without the counts
        ``list_topics`` adds up."""
        keys = {name_key(name) for name in names}
        if not keys:
            return []
        return [query for (name, query) in self.db.execute(
            "SELECT name, query FROM topics ORDER BY lower(name)") if name_key(name) in keys]

    def list_topics(self) -> list[dict[str, Any]]:
        cursor = self.db.execute(
            """SELECT t.id, t.name, t.query, t.notify,
                      count(it.item_id) AS items,
                      coalesce(sum(CASE WHEN i.read = 0 THEN 1 ELSE 0 END), 0) AS unread
               FROM topics t
               LEFT JOIN item_topics it ON it.topic_id = t.id
               LEFT JOIN items i ON i.id = it.item_id
               GROUP BY t.id ORDER BY lower(t.name)""")
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        for row in rows:
            row["notify"] = bool(row["notify"])
        return rows

    def remove_topic(self, name: str) -> str:
        """Remove the topic and return its name as it was stored."""
        topic = self.topic(name)
        with self.db.atomic():
            self.db.execute("DELETE FROM topics WHERE id = ?", [topic["id"]])
        return topic["name"]
