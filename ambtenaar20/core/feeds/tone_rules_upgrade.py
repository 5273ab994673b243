"""Scoring every stored item again once, when the tone rules themselves have changed.

An item's tone is computed once and stored. When a version of the app scores differently (names
that carry no tone, words without tone), items stored before it would keep their old tone for
ever, and the trend its skew: "Green roofs: costs and benefits" stayed negative. So
``app_meta`` records under which ``TONE_RULES_VERSION`` the stored tones were computed. When
that is older (or missing, on a database that has items), every computed tone is marked as not
yet scored, and the ordinary pass over unscored items scores them again, newest first, so the
rows on screen come first. A tone the officer set by hand (``sentiment_override``) is kept.

Both steps work in short transactions, so the window and a refresh keep writing meanwhile. The
marking is recorded once done, and the version only once every marked item is scored: cut off
(a closed window, a kill), the next pass goes on with the items still unscored. The window runs
this in the background after its first paint; the command line scores the items it prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ambtenaar20.core.analysis.sentiment import TONE_RULES_VERSION
from ambtenaar20.core.cancellation import CancelToken
from ambtenaar20.core.feeds.sql import one

#: ``app_meta`` keys: the rules every stored tone follows, and the rules the tones were marked
#: to be scored again for (until the pass is done).
VERSION_KEY = "tone_rules_version"
MARKED_KEY = "tone_rules_marked"
#: Items marked per transaction: the write lock is held for a few milliseconds only.
MARK_BATCH = 2000
#: Items scored between two progress reports (in transactions of ``analyse_pending``'s size).
SCORE_BATCH = 1000


def stored_version(db: Any) -> int | None:
    return _meta_int(db, VERSION_KEY)


def is_outdated(db: Any) -> bool:
    """Whether stored tones may follow older rules; a quick look, fit for any thread."""
    version = stored_version(db)
    if version is None:
        return one(db.execute("SELECT 1 FROM items LIMIT 1")) is not None
    return version < TONE_RULES_VERSION


def mark_outdated(db: Any) -> int:
    """Mark every computed tone of older rules as not yet scored; returns how many were marked.

    Nothing when the tones follow the current rules, or when they were marked already (a pass
    cut off halfway: marking again would undo what it had scored). A database without items
    simply gets the current version.
    """
    if not is_outdated(db):
        if stored_version(db) is None:
            _set_meta(db, VERSION_KEY, TONE_RULES_VERSION)
        return 0
    if (_meta_int(db, MARKED_KEY) or 0) >= TONE_RULES_VERSION:
        return 0
    marked = 0
    last = one(db.execute("SELECT max(id) FROM items"))[0] or 0
    for start in range(0, last, MARK_BATCH):
        with db.atomic():
            marked += db.execute(
                "UPDATE items SET sentiment = NULL WHERE id > ? AND id <= ? "
                "AND sentiment IS NOT NULL", [start, start + MARK_BATCH]).rowcount
    _set_meta(db, MARKED_KEY, TONE_RULES_VERSION)
    return marked


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
    ids = [row[0] for row in db.execute(
        "SELECT id FROM items WHERE sentiment IS NULL ORDER BY published DESC, id DESC")]
    scored = 0
    for start in range(0, len(ids), SCORE_BATCH):
        scored += items.analyse_pending(ids[start:start + SCORE_BATCH], cancel=cancel)
        if progress is not None:
            progress(min(start + SCORE_BATCH, len(ids)), len(ids), "")
    if cancel is not None:
        cancel.raise_if_cancelled()
    # Items that came meanwhile are scored under these rules too (by whichever pass gets there).
    _set_meta(db, VERSION_KEY, TONE_RULES_VERSION)
    with db.atomic():
        db.execute("DELETE FROM app_meta WHERE key = ?", [MARKED_KEY])
    return scored


def _meta_int(db: Any, key: str) -> int | None:
    row = one(db.execute("SELECT value FROM app_meta WHERE key = ?", [key]))
    try:
        return int(row[0]) if row is not None else None
    except ValueError:
        return None  # not written by this app: treated as missing


def _set_meta(db: Any, key: str, value: int) -> None:
    with db.atomic():
        db.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                   "SET value = excluded.value", [key, str(value)])
