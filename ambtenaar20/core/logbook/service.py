"""The log service: add, edit, delete and restore entries, list and total them.

Every change writes a history line (who, when, old and new values) in the same transaction as the
change itself. Deleting only marks an entry; ``undo_delete`` brings back what this session
deleted, and the deleted row with its history stays in the database for the record. How a
free-text search finds entries is ``search.py``.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.clock import now_local, utc_key
from ambtenaar20.core.logbook.model import (
    EDITABLE_FIELDS,
    HistoryLine,
    Interaction,
    LogFilter,
    Summary,
)
from ambtenaar20.core.logbook.platforms import platform_key, platform_value
from ambtenaar20.core.logbook.search import search_clause
from ambtenaar20.core.logbook.summary import summarize
from ambtenaar20.core.logbook.validation import clean_fields
from ambtenaar20.core.person_names import ERASED_MARKER, fold

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection

_COLUMNS = (
    "id, occurred_at, platform, kind, direction, topic, counterpart, url, summary, minutes, "
    "outcome, follow_up, draft_id, item_id, open_findings, source, created_at, updated_at, "
    "deleted_at"
)


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name on some service accounts
        return "?"


class LogbookService:
    def __init__(
        self,
        database: Callable[[], Connection],
        *,
        tz: tzinfo | None = None,
        actor: Callable[[], str] = default_actor,
    ) -> None:
        self._database = database
        self.tz = tz
        self._actor = actor
        #: Ids deleted in this session, newest last: what "undo" can bring back.
        self._deleted_this_session: list[int] = []

    @property
    def db(self) -> Connection:
        return self._database()

    # -- writing -------------------------------------------------------------------------------
    def add(self, *, source: str = "manual", draft_id: int | None = None,
            item_id: int | None = None, open_findings: int | None = None,
            **fields: Any) -> Interaction:
        """Add an entry; ``platform`` and ``kind`` are required, ``occurred_at`` defaults to now."""
        fields.setdefault("occurred_at", now_local(self.tz))
        fields.setdefault("direction", "out")
        for required in ("platform", "kind"):
            fields.setdefault(required, "")
        values = clean_fields(fields, self.tz)
        stamp = _now_utc()
        row = {name: _to_db(name, values.get(name)) for name in EDITABLE_FIELDS}
        for name in ("topic", "counterpart", "url", "summary", "outcome"):
            row[name] = row[name] or ""
        row["minutes"] = row["minutes"] or 0
        row.update(occurred_utc=utc_key(values["occurred_at"]), draft_id=draft_id,
                   item_id=item_id, open_findings=open_findings, source=source,
                   created_at=stamp, updated_at=stamp, deleted_at=None)
        db = self.db
        with db.atomic():
            cursor = db.execute(
                f"INSERT INTO interactions ({', '.join(row)}) "
                f"VALUES ({', '.join('?' for _ in row)})", list(row.values()))
            entry_id = cursor.lastrowid
            new = {name: row[name] for name in EDITABLE_FIELDS}
            self._history(db, entry_id, "created", {}, new, stamp)
        return self.get(entry_id)

    def edit(self, entry_id: int, **changes: Any) -> Interaction:
        """Change fields of a live entry; unchanged values write no history."""
        current = self.get(entry_id)
        if current.deleted:
            raise UsageError(_("entry {id} is deleted; restore it before editing").format(
                id=entry_id))
        values = clean_fields(changes, self.tz)
        old_row = _row_of(current)
        new_row = {name: _to_db(name, value) for name, value in values.items()}
        changed = {name: value for name, value in new_row.items() if old_row[name] != value}
        if not changed:
            return current
        stamp = _now_utc()
        assignments = dict(changed, updated_at=stamp)
        if "occurred_at" in changed:
            assignments["occurred_utc"] = utc_key(values["occurred_at"])
        db = self.db
        with db.atomic():
            db.execute(
                f"UPDATE interactions SET {', '.join(f'{name} = ?' for name in assignments)} "
                "WHERE id = ?", [*assignments.values(), entry_id])
            self._history(db, entry_id, "edited", {name: old_row[name] for name in changed},
                          changed, stamp)
        return self.get(entry_id)

    def delete(self, entry_id: int) -> Interaction:
        """Mark an entry deleted (kept for the record); it can be restored."""
        current = self.get(entry_id)
        if current.deleted:
            return current
        stamp = _now_utc()
        db = self.db
        with db.atomic():
            db.execute("UPDATE interactions SET deleted_at = ?, updated_at = ? WHERE id = ?",
                       [stamp, stamp, entry_id])
            self._history(db, entry_id, "deleted", {"deleted_at": None},
                          {"deleted_at": stamp}, stamp)
        self._deleted_this_session.append(entry_id)
        return self.get(entry_id)

    def restore(self, entry_id: int) -> Interaction:
        current = self.get(entry_id)
        if not current.deleted:
            return current
        stamp = _now_utc()
        db = self.db
        with db.atomic():
            db.execute("UPDATE interactions SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                       [stamp, entry_id])
            self._history(db, entry_id, "restored", {"deleted_at": current.deleted_at},
                          {"deleted_at": None}, stamp)
        if entry_id in self._deleted_this_session:
            self._deleted_this_session.remove(entry_id)
        return self.get(entry_id)

    def can_undo_delete(self) -> bool:
        return bool(self._deleted_this_session)

    def undo_delete(self) -> Interaction | None:
        """Restore the entry deleted last in this session (``None`` if there is none)."""
        if not self._deleted_this_session:
            return None
        return self.restore(self._deleted_this_session[-1])

    # -- the drafting and feeds areas call these -----------------------------------------------
    def record_published(self, draft_id: int, url: str, platform: str, topic: str = "",
                         open_findings: int | Sequence[Any] | None = None, *,
                         summary: str = "", minutes: int = 0,
                         at: datetime | None = None, item_id: int | None = None,
                         counterpart: str = "", item_link: str = "") -> Interaction:
        """A draft was marked "gepubliceerd": log a post (out) linked to it, once per draft.

        ``item_id`` is the feed item the draft replies to, if any; the entry links to both.
        ``summary``, ``counterpart`` and ``item_link`` (the URL when the post has none of its
        own) describe that item for a new entry; an entry "Reageren" started keeps its own.
        """
        # Either source: a reply's entry started by "Reageren" and completed by the first
        # publication is this draft's entry too (a second call added another beside it).
        existing = (self._live_link("draft_id", draft_id, "draft")
                    or self._live_link("draft_id", draft_id, "item"))
        if existing is not None:
            return existing
        findings = len(open_findings) if isinstance(open_findings, Sequence) else open_findings
        if item_id is not None:
            # The reply to this item was logged when it was started ("Reageren"); the
            # publication completes that entry instead of adding a second one.
            started = self._live_link("item_id", item_id, "item")
            if started is not None and started.draft_id is None:
                return self._complete_item_entry(started, draft_id, url, platform, findings)
        return self.add(source="draft", draft_id=draft_id, item_id=item_id,
                        open_findings=findings,
                        occurred_at=at or now_local(self.tz), platform=platform,
                        kind="reactie" if item_id is not None else "bericht",
                        direction="out", topic=topic, url=url or item_link,
                        counterpart=counterpart, summary=summary, minutes=minutes)

    def record_item_response(self, item_id: int, platform: str, *, topic: str = "",
                             counterpart: str = "", url: str = "", summary: str = "",
                             minutes: int = 0, kind: str = "reactie",
                             at: datetime | None = None) -> Interaction:
        """A feed item was marked as responded: log a reply (out) linked to it, once per item."""
        existing = self._live_link("item_id", item_id, "item")
        if existing is not None:
            return existing
        return self.add(source="item", item_id=item_id, occurred_at=at or now_local(self.tz),
                        platform=platform, kind=kind, direction="out", topic=topic,
                        counterpart=counterpart, url=url, summary=summary, minutes=minutes)

    def started_reply(self, item_id: int) -> Interaction | None:
        """The live entry "Reageren" made for this item, if no publication completed it yet."""
        entry = self._live_link("item_id", item_id, "item")
        return entry if entry is not None and entry.draft_id is None else None

    def linked_item_ids(self) -> set[int]:
        """Feed items that log entries refer to (retention keeps them, deleted entries too)."""
        return {row[0] for row in self.db.execute(
            "SELECT item_id FROM interactions WHERE item_id IS NOT NULL")}

    def _complete_item_entry(self, entry: Interaction, draft_id: int, url: str, platform: str,
                             findings: int | None) -> Interaction:
        db = self.db
        with db.atomic():
            db.execute("UPDATE interactions SET draft_id = ?, open_findings = ? WHERE id = ?",
                       [draft_id, findings, entry.id])
            self._history(db, entry.id, "edited", {"draft_id": None}, {"draft_id": draft_id},
                          _now_utc())
            # Published without an address of its own (by phone): the item's link stays.
            return self.edit(entry.id, url=url or entry.url, platform=platform or entry.platform)

    def _live_link(self, column: str, value: int, source: str) -> Interaction | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM interactions WHERE {column} = ? AND source = ? "
            "AND deleted_at IS NULL ORDER BY id LIMIT 1", [value, source]).fetchone()
        return self._entry(row) if row else None

    # -- reading -------------------------------------------------------------------------------
    def get(self, entry_id: int) -> Interaction:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM interactions WHERE id = ?",
                              [entry_id]).fetchone()
        if row is None:
            # A whole sentence, not a field key: the number names no field of a form.
            raise UsageError(_("There is no log entry {id}.").format(id=entry_id))
        return self._entry(row)

    def list(self, log_filter: LogFilter | None = None, *, limit: int | None = None,
             offset: int = 0, newest_first: bool = False) -> list[Interaction]:
        where, params = self._where(log_filter or LogFilter())
        order = "DESC" if newest_first else "ASC"
        sql = (f"SELECT {_COLUMNS} FROM interactions WHERE {where} "
               f"ORDER BY occurred_utc {order}, id {order}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [self._entry(row) for row in self.db.execute(sql, params).fetchall()]

    def count(self, log_filter: LogFilter | None = None) -> int:
        log_filter = log_filter or LogFilter()
        where, params = self._where(log_filter)
        # A search over the whole log reads every row: straight through the table, not row by
        # row through an index (0.04 s instead of 0.4 s for 100,000 entries).
        table = ("interactions NOT INDEXED" if log_filter.search.strip()
                 and log_filter.period is None else "interactions")
        return self.db.execute(f"SELECT count(*) FROM {table} WHERE {where}",
                               params).fetchone()[0]

    def summary(self, log_filter: LogFilter | None = None) -> Summary:
        log_filter = log_filter or LogFilter()
        return summarize(self.list(log_filter), log_filter.period, self.tz)

    def follow_ups(self, today: date | None = None) -> list[Interaction]:
        """Live entries whose follow-up date is today or past, oldest first."""
        today = today or now_local(self.tz).date()
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM interactions WHERE deleted_at IS NULL "
            "AND follow_up IS NOT NULL AND follow_up <= ? ORDER BY follow_up, id",
            [today.isoformat()]).fetchall()
        return [self._entry(row) for row in rows]

    def history(self, entry_id: int) -> list[HistoryLine]:
        rows = self.db.execute(
            "SELECT id, interaction_id, changed_at, changed_by, action, old_values, new_values "
            "FROM interaction_history WHERE interaction_id = ? ORDER BY id", [entry_id])
        return [HistoryLine(*row[:5], json.loads(row[5]), json.loads(row[6])) for row in rows]

    def counterparts(self) -> list[str]:
        """Every counterpart in the log, deleted entries included: who an export must hide.

        Not the marker of an erasure ("[verwijderd]"): that is nobody."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT counterpart FROM interactions WHERE counterpart != '' "
            "AND counterpart != ?", [ERASED_MARKER])]

    def distinct_values(self, column: str) -> list[str]:
        """Topics or platforms in use, for filter lists.

        A platform is listed once however it was stored ("Mastodon", "mastodon"): by its name
        when the app knows it, else by its first spelling; the filter finds every spelling."""
        if column not in ("topic", "platform"):
            raise ValueError(column)
        rows = self.db.execute(
            f"SELECT DISTINCT {column} FROM interactions WHERE deleted_at IS NULL "
            f"AND {column} != '' ORDER BY {column} COLLATE NOCASE, {column}")
        values = [row[0] for row in rows]
        if column == "topic":
            return values
        shown: dict[str, str] = {}
        for value in values:
            shown.setdefault(platform_key(value), platform_value(value))
        return sorted(shown.values(), key=str.casefold)

    def unknown_topics(self, wanted: Sequence[str]) -> list[str]:
        """Those of ``wanted`` that no live entry has as its topic, as a topic filter compares
        (case and accents aside): a typo that would make an export empty without a word."""
        known = {_topic_key(topic) for topic in self.distinct_values("topic")}
        return [topic for topic in wanted if _topic_key(topic) not in known]

    # -- helpers -------------------------------------------------------------------------------
    def _where(self, log_filter: LogFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if not log_filter.include_deleted:
            clauses.append("deleted_at IS NULL")
        if log_filter.period is not None:
            start, end = log_filter.period.utc_bounds(self.tz)
            clauses.append("occurred_utc >= ? AND occurred_utc < ?")
            params += [start, end]
        # Unknown topics and platforms stay as given: they find nothing, through the same index.
        topics = (self._stored_values("topic", log_filter.topics, log_filter.include_deleted)
                  or list(log_filter.topics))
        platforms = (self._stored_values("platform", log_filter.platforms,
                                         log_filter.include_deleted)
                     or list(log_filter.platforms))
        for column, values in (("topic", topics), ("platform", platforms),
                               ("kind", log_filter.kinds)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params += list(values)
        search = log_filter.search.strip()
        if search:
            clause, values = search_clause(self.db.conn, search)
            clauses.append(clause)
            params += values
        return " AND ".join(clauses) or "1", params

    def _stored_values(self, column: str, wanted: Sequence[str],
                       include_deleted: bool) -> list[str]:
        """The topics or platforms as stored that ``wanted`` names, whatever their case.

        Topics are typed by hand ("Afval", "afval"; accents do not matter either), and so were
        platforms before known ones got one name ("mastodon"), so a filter finds every
        spelling; the stored values then use the column's index as an exact ``IN`` does. They
        are read one distinct value at a time through that index (a few ms for 100,000
        entries).
        """
        if not wanted:
            return []
        key = _topic_key if column == "topic" else platform_key
        keys = {key(value) for value in wanted}
        live = "" if include_deleted else " AND deleted_at IS NULL"
        rows = self.db.execute(
            f"WITH RECURSIVE t(v) AS (SELECT min({column}) FROM interactions WHERE 1{live} "
            f"UNION ALL SELECT (SELECT min({column}) FROM interactions WHERE {column} > t.v"
            f"{live}) FROM t WHERE t.v IS NOT NULL) SELECT v FROM t WHERE v IS NOT NULL")
        return [row[0] for row in rows if key(row[0]) in keys]

    def revision(self) -> int:
        """A number that grows with every change to the log, made here or by another process:
        each change writes a history line. A view that compares it knows whether it still
        shows the log as it is (a reply published in Schrijven, a ``log add`` beside it)."""
        return self.db.execute("SELECT max(id) FROM interaction_history").fetchone()[0] or 0

    def _history(self, db: Connection, entry_id: int, action: str, old: dict, new: dict,
                 stamp: str) -> None:
        db.execute(
            "INSERT INTO interaction_history (interaction_id, changed_at, changed_by, action, "
            "old_values, new_values) VALUES (?, ?, ?, ?, ?, ?)",
            [entry_id, stamp, self._actor() or "?", action,
             json.dumps(old, ensure_ascii=False), json.dumps(new, ensure_ascii=False)])

    def _entry(self, row: Sequence[Any]) -> Interaction:
        values = dict(zip([c.strip() for c in _COLUMNS.split(",")], row, strict=True))
        values["occurred_at"] = datetime.fromisoformat(values["occurred_at"])
        values["follow_up"] = date.fromisoformat(values["follow_up"]) if values["follow_up"] \
            else None
        return Interaction(**values)


def _to_db(name: str, value: Any) -> Any:
    if name == "occurred_at" and isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if name == "follow_up":
        return value.isoformat() if isinstance(value, date) else None
    return value


def _row_of(entry: Interaction) -> dict[str, Any]:
    return {name: _to_db(name, getattr(entry, name)) for name in EDITABLE_FIELDS}


def _topic_key(topic: str) -> str:
    """One topic however it was typed: "Afval", "afval ", "Financiën", "financien"."""
    return " ".join(fold(topic).split())


def _now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
