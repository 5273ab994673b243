"""Reading the items: lists per topic or feed, full-text search, flags, sentiment and trends.

List queries return ids first and rows on demand, so a view of 100,000 items never loads them
all. Sentiment is filled in here (``analyse_pending``), after a refresh rather than during it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from ambtenaar20.core.cancellation import CancelToken
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.query import compile_query
from ambtenaar20.core.feeds.sql import one
from ambtenaar20.core.feeds.tone_rules_upgrade import outdated_condition
from ambtenaar20.core.feeds.topics import topic_id_by_name
from ambtenaar20.core.i18n import _

LABELS = ("positive", "neutral", "negative")
_FULL = """SELECT i.id, i.feed_id, coalesce(nullif(f.title, ''), f.url) AS feed, f.url AS feed_url,
                  i.title, i.link, i.author, i.published, i.fetched, i.lang, i.polarity,
                  i.subjectivity, coalesce(i.sentiment_override, i.sentiment) AS sentiment,
                  i.sentiment AS sentiment_computed, i.sentiment_override, i.read, i.starred,
                  i.needs_response, i.responded, b.html, b.text
           FROM items i JOIN feeds f ON f.id = i.feed_id
           JOIN item_bodies b ON b.item_id = i.id"""


class ItemService:
    def __init__(self, store: Any, analyser: Any) -> None:
        self.store = store
        self.analyser = analyser

    @property
    def db(self):
        return self.store.db

    # -- selecting ---------------------------------------------------------------------------

    def _topic_id(self, name: str) -> int:
        return topic_id_by_name(self.db, name)

    def _selection(self, topic: str | None, feed_id: int | None, unread: bool, starred: bool,
                   query: str | None) -> tuple[str, list[Any]]:
        joins, where, params = [], [], []
        if topic is not None:
            joins.append("JOIN item_topics it ON it.item_id = i.id AND it.topic_id = ?")
            params.append(self._topic_id(topic))
        if query:
            joins.append("JOIN items_fts ON items_fts.rowid = i.id")
            where.append("items_fts MATCH ?")
            params.append(compile_query(query))
        if feed_id is not None:
            where.append("i.feed_id = ?")
            params.append(feed_id)
        if unread:
            where.append("i.read = 0")
        if starred:
            where.append("i.starred = 1")
        sql = "FROM items i " + " ".join(joins)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params

    def item_ids(self, *, topic: str | None = None, feed_id: int | None = None,
                 unread: bool = False, starred: bool = False, query: str | None = None,
                 limit: int = 0, offset: int = 0) -> list[int]:
        """Ids of the selected items, newest first; ``limit`` 0 means all."""
        where, params = self._selection(topic, feed_id, unread, starred, query)
        sql = f"SELECT i.id {where} ORDER BY i.published DESC, i.id DESC"
        if limit > 0:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [row[0] for row in self.db.execute(sql, params)]

    def count_items(self, *, topic: str | None = None, feed_id: int | None = None,
                    unread: bool = False, starred: bool = False,
                    query: str | None = None) -> int:
        where, params = self._selection(topic, feed_id, unread, starred, query)
        return one(self.db.execute(f"SELECT count(*) {where}", params))[0]

    def rows(self, ids: Sequence[int], *, full: bool = True) -> list[dict[str, Any]]:
        """Items for ``ids`` in that order; ``full`` False leaves out html and text."""
        if not ids:
            return []
        found: dict[int, dict[str, Any]] = {}
        sql = _FULL if full else _FULL.replace(", b.html, b.text", "").replace(
            "\n           JOIN item_bodies b ON b.item_id = i.id", "")
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            cursor = self.db.execute(f"{sql} WHERE i.id IN ({marks})", chunk)
            columns = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                record = dict(zip(columns, row, strict=True))
                for flag in ("read", "starred", "needs_response", "responded"):
                    record[flag] = bool(record[flag])
                found[record["id"]] = record
        return [found[item_id] for item_id in ids if item_id in found]

    def topics_of(self, ids: Sequence[int]) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {item_id: [] for item_id in ids}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for item_id, name in self.db.execute(
                    f"SELECT it.item_id, t.name FROM item_topics it JOIN topics t "
                    f"ON t.id = it.topic_id WHERE it.item_id IN ({marks}) ORDER BY t.name", chunk):
                result[item_id].append(name)
        return result

    def list_items(self, *, topic: str | None = None, feed_id: int | None = None,
                   unread: bool = False, starred: bool = False, query: str | None = None,
                   limit: int = 200) -> list[dict[str, Any]]:
        """Complete items (with topics and sentiment filled in), newest first."""
        ids = self.item_ids(topic=topic, feed_id=feed_id, unread=unread, starred=starred,
                            query=query, limit=limit)
        self.analyse_pending(ids)
        items = self.rows(ids)
        topics = self.topics_of(ids)
        for item in items:
            item["topics"] = topics.get(item["id"], [])
        return items

    def item(self, item_id: int) -> dict[str, Any]:
        rows = self.rows([item_id])
        if not rows:
            raise UsageError(_("There is no item with number {id}.").format(id=item_id))
        rows[0]["topics"] = self.topics_of([item_id])[item_id]
        return rows[0]

    # -- flags -------------------------------------------------------------------------------

    def set_flag(self, item_ids: Iterable[int], flag: str, value: bool) -> None:
        if flag not in ("read", "starred", "needs_response", "responded"):
            raise ValueError(flag)
        with self.db.atomic():
            self.db.conn.executemany(f"UPDATE items SET {flag} = ? WHERE id = ?",
                                     [(int(value), item_id) for item_id in item_ids])

    def set_sentiment_override(self, item_id: int, label: str | None) -> None:
        if label is not None and label not in LABELS:
            raise UsageError(_("A sentiment is positive, neutral or negative."))
        with self.db.atomic():
            self.db.execute("UPDATE items SET sentiment_override = ? WHERE id = ?",
                            [label, item_id])

    def record_response(self, item_id: int, draft_ref: str | None = None) -> None:
        """'Reageren': link a (future) draft to the item and mark it answered."""
        with self.db.atomic():
            self.db.execute("INSERT INTO item_responses (item_id, created, draft_ref) "
                            "VALUES (?, ?, ?)",
                            [item_id, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                             draft_ref])
            self.db.execute("UPDATE items SET responded = 1, needs_response = 0 WHERE id = ?",
                            [item_id])

    # -- sentiment and trends ----------------------------------------------------------------

    def pending_count(self) -> int:
        return one(self.db.execute("SELECT count(*) FROM items WHERE sentiment IS NULL"))[0]

    def analyse_pending(self, ids: Sequence[int] | None = None,
                        cancel: CancelToken | None = None, batch: int = 200) -> int:
        """Compute language and sentiment for items that have none yet; returns how many.

        Given ``ids`` (the items about to be shown), those whose tone still follows older
        rules are scored again too, so they show the tone the current rules give.
        """
        done = position = 0
        outdated, outdated_params = outdated_condition(self.db, "i")
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            if ids is None:
                rows = self.db.execute(
                    "SELECT i.id, b.title, b.text FROM items i JOIN item_bodies b "
                    "ON b.item_id = i.id WHERE i.sentiment IS NULL LIMIT ?", [batch]).fetchall()
            else:
                chunk = list(ids[position:position + batch])
                position += batch
                if not chunk:
                    break
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT i.id, b.title, b.text FROM items i JOIN item_bodies b "
                    f"ON b.item_id = i.id WHERE i.id IN ({marks}) "
                    f"AND (i.sentiment IS NULL OR {outdated})",
                    [*chunk, *outdated_params]).fetchall()
            if not rows and ids is None:
                break
            self._store_tones(rows)
            done += len(rows)
        return done

    def score_again(self, ids: Sequence[int],
                    record: Callable[[], None] | None = None) -> int:
        """Compute language and sentiment of ``ids`` anew, whatever they hold now, and store
        them in one transaction; ``record`` runs in that transaction too, so what a caller
        notes about the work (how far a pass got) is kept exactly when the tones are."""
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT i.id, b.title, b.text FROM items i JOIN item_bodies b "
            f"ON b.item_id = i.id WHERE i.id IN ({marks})", list(ids)).fetchall()
        self._store_tones(rows, record)
        return len(rows)

    def _store_tones(self, rows: Sequence[tuple[int, str, str]],
                     record: Callable[[], None] | None = None) -> None:
        if not rows and record is None:
            return
        # Scored before the transaction: the write lock is held for the writes only.
        results = []
        for item_id, title, text in rows:
            outcome = self.analyser.analyse(_analysed_text(title, text))
            results.append((outcome.lang, outcome.polarity, outcome.subjectivity,
                            outcome.label, item_id))
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE items SET lang = ?, polarity = ?, subjectivity = ?, sentiment = ? "
                "WHERE id = ?", results)
            if record is not None:
                record()

    def tone_words(self, item_id: int, limit: int = 3) -> list[str]:
        """The words that gave the item its computed tone, strongest first; none when neutral
        or not yet analysed."""
        row = one(self.db.execute(
            "SELECT i.lang, i.sentiment, b.title, b.text FROM items i JOIN item_bodies b "
            "ON b.item_id = i.id WHERE i.id = ?", [item_id]))
        if row is None or row[1] not in ("negative", "positive"):
            return []
        lang, label, title, text = row
        return self.analyser.driving_words(_analysed_text(title, text), lang, label, limit)

    def trend(self, topic: str, days: int = 30,
              zone: tzinfo | None = None) -> list[dict[str, Any]]:
        """Per day over the last ``days``: number of items, how many of them have each tone
        (``positive``, ``neutral``, ``negative``: the officer's correction where there is one;
        ``unscored`` not analysed yet) and average polarity (or None).

        Days are those of the computer's clock (``zone``, by default the local one), as the
        item list shows the times: an item published at 00:05 in Amsterdam belongs to that
        day, not to the day before in UTC."""
        topic_id = self._topic_id(topic)
        today = datetime.now(UTC).astimezone(zone).date()
        first = today - timedelta(days=days - 1)
        # A day early in UTC covers every offset from it; the days are sorted out below.
        since = (first - timedelta(days=1)).isoformat()
        totals: dict[date, list[Any]] = {}
        for published, polarity, tone in self.db.execute(
                """SELECT i.published, i.polarity, coalesce(i.sentiment_override, i.sentiment)
                   FROM items i JOIN item_topics it ON it.item_id = i.id AND it.topic_id = ?
                   WHERE i.published >= ?""", [topic_id, since]):
            day = _local_day(published, zone)
            if day is None or day < first:
                continue
            count, polarities, tones = totals.setdefault(day, [0, [], dict.fromkeys(LABELS, 0)])
            totals[day][0] = count + 1
            if polarity is not None:
                polarities.append(polarity)
            if tone in tones:
                tones[tone] += 1
        series = []
        for offset in range(days):
            day = first + timedelta(days=offset)
            count, polarities, tones = totals.get(day, (0, [], dict.fromkeys(LABELS, 0)))
            point = {"day": day.isoformat(), "items": count,
                     "polarity": round(sum(polarities) / len(polarities), 4)
                     if polarities else None}
            point.update(tones)
            point["unscored"] = count - sum(tones.values())
            series.append(point)
        return series


def _local_day(published: str, zone: tzinfo | None) -> date | None:
    """The day of a stored UTC time ("2026-11-25T23:05:00Z") on the computer's clock."""
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).date()


def _analysed_text(title: str | None, text: str | None) -> str:
    """What an item's tone is judged on: its title, then its text on a line of its own, so a
    greeting that opens the text ("Beste Anna,") is seen as one and not scored."""
    return "\n".join(part.strip() for part in (title or "", text or "") if part and part.strip())
