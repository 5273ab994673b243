"""Scoring every stored item again once, when the tone rules themselves have changed.

An item's tone is computed once and stored. When a version of the app scores differently (names
that carry no tone, words without tone), items stored before it would keep their old tone for
ever, and the trend its skew: "Green roofs: costs and benefits" stayed negative. So
``app_meta`` records under which ``TONE_RULES_VERSION`` the stored tones were computed. When
that is older (or missing, on a database that has items), the items stored until then are noted
as still to do, and a pass scores them again, newest first, so the rows on screen come first. A
tone the officer set by hand (``sentiment_override``) is kept.

Every item keeps its previous tone until its new one is stored: the list's Toon column, the
trend, ``items list`` and the export show a tone throughout (marking the items unscored instead
left the column empty for every item the pass had not reached). What is still to do is no mark
on the items, so it needs no migration: it is a range in ``app_meta``, the items up to the last
id stored when the rules changed that come after the place the pass got to in its order
(published, id; newest first). Each batch stores its tones and that place in one transaction:
cut off (a closed window, a kill), the next pass goes on after the last batch stored, scoring
none twice and losing none. Items fetched meanwhile lie above that last id: they are scored
under the new rules as any new item is. The version is recorded once the range is empty.

The window runs this in the background after its first paint; the command line scores the
items it prints (``ItemService.analyse_pending`` with ids takes the ones still to do along).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ambtenaar20.core.analysis.sentiment import TONE_RULES_VERSION
from ambtenaar20.core.cancellation import CancelToken
from ambtenaar20.core.feeds.sql import one

#: ``app_meta`` keys: the rules every stored tone follows; the rules the items still to do
#: were noted for; and which items those are (until the pass is done).
VERSION_KEY = "tone_rules_version"
MARKED_KEY = "tone_rules_marked"
TODO_KEY = "tone_rules_todo"
#: Items scored and stored per transaction: the write lock is held for a few milliseconds only,
#: and a pass cut off loses at most this much work.
SCORE_BATCH = 200


def stored_version(db: Any) -> int | None:
    return _meta_int(db, VERSION_KEY)


def is_outdated(db: Any) -> bool:
    """Whether stored tones may follow older rules; a quick look, fit for any thread."""
    version = stored_version(db)
    if version is None:
        return one(db.execute("SELECT 1 FROM items LIMIT 1")) is not None
    return version < TONE_RULES_VERSION


def mark_outdated(db: Any) -> int:
    """Note every stored item as still to be scored under the current rules; returns how many.

    Nothing when the tones follow the current rules, or when they were noted already (a pass
    cut off halfway: noting again would undo what it had scored). A database without items
    simply gets the current version. The items keep their tone meanwhile.
    """
    if not is_outdated(db):
        if stored_version(db) is None:
            with db.atomic():
                _write(db, VERSION_KEY, str(TONE_RULES_VERSION))
        return 0
    with db.atomic():  # checked inside: another process may be noting them right now
        if _todo(db) is not None:
            return 0
        todo = {"last_id": one(db.execute("SELECT max(id) FROM items"))[0] or 0, "after": None}
        _write(db, MARKED_KEY, str(TONE_RULES_VERSION))
        _write(db, TODO_KEY, json.dumps(todo))
    return _count(db, todo)


def outdated_condition(db: Any, table: str = "items") -> tuple[str, list[Any]]:
    """An SQL condition (on ``table``, a name or alias of ``items``) that holds for the items
    whose tone still follows older rules, and its parameters."""
    todo = _todo(db)
    return ("0", []) if todo is None else _where(todo, table)


def rescore_outdated(items: Any, cancel: CancelToken | None = None,
                     progress: Callable[[int, int, str], None] | None = None) -> int:
    """Score every item again whose tone follows older rules; returns how many were scored.

    ``items`` is the ``ItemService``. At once when the tones are current (every later start).
    """
    db = items.db
    if not is_outdated(db):
        mark_outdated(db)  # records the version on a database that has no items yet
        return 0
    mark_outdated(db)
    todo = _todo(db)
    total = _count(db, todo) if todo is not None else 0
    scored = 0
    while todo is not None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        where, params = _where(todo, "i")
        batch = db.execute(
            f"SELECT i.id, i.published FROM items i WHERE {where} "
            f"ORDER BY i.published DESC, i.id DESC LIMIT ?", [*params, SCORE_BATCH]).fetchall()
        if not batch:
            break
        place = {"last_id": todo["last_id"], "after": [batch[-1][1], batch[-1][0]]}
        scored += items.score_again([row[0] for row in batch],
                                    lambda place=place: _advance(db, place))
        if progress is not None:
            progress(min(scored, total), total, "")
        todo = _todo(db)  # as stored: another process's pass may have got further
    with db.atomic():
        _write(db, VERSION_KEY, str(TONE_RULES_VERSION))
        db.execute("DELETE FROM app_meta WHERE key IN (?, ?)", [MARKED_KEY, TODO_KEY])
    return scored


def _todo(db: Any) -> dict[str, Any] | None:
    """The items still to do, noted for the current rules: ``last_id`` and ``after`` (the
    [published, id] the pass got to, None before it starts); None when there are none."""
    if (_meta_int(db, MARKED_KEY) or 0) < TONE_RULES_VERSION:
        return None
    row = one(db.execute("SELECT value FROM app_meta WHERE key = ?", [TODO_KEY]))
    try:
        todo = json.loads(row[0]) if row is not None else None
        return {"last_id": int(todo["last_id"]), "after": todo["after"]}
    except (ValueError, TypeError, KeyError):
        return None  # not written by this app: nothing to go on


def _where(todo: dict[str, Any], table: str) -> tuple[str, list[Any]]:
    if todo["after"] is None:
        return f"{table}.id <= ?", [todo["last_id"]]
    published, item_id = todo["after"]
    return (f"{table}.id <= ? AND ({table}.published, {table}.id) < (?, ?)",
            [todo["last_id"], published, item_id])


def _count(db: Any, todo: dict[str, Any]) -> int:
    where, params = _where(todo, "items")
    return one(db.execute(f"SELECT count(*) FROM items WHERE {where}", params))[0]


def _advance(db: Any, place: dict[str, Any]) -> None:
    """Note the pass got to ``place`` (inside the batch's transaction); only forwards, so two
    passes at once never send each other back."""
    stored = _todo(db)
    if stored is not None and (stored["after"] is None or place["after"] < stored["after"]):
        _write(db, TODO_KEY, json.dumps(place))


def _meta_int(db: Any, key: str) -> int | None:
    row = one(db.execute("SELECT value FROM app_meta WHERE key = ?", [key]))
    try:
        return int(row[0]) if row is not None else None
    except ValueError:
        return None  # not written by this app: treated as missing


def _write(db: Any, key: str, value: str) -> None:
    db.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
               "SET value = excluded.value", [key, value])
