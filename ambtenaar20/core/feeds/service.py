"""Feeds: subscribing, removing, and refreshing them all without one bad feed stopping the rest.

A refresh fetches and parses on a bounded thread pool and writes from the calling thread only
(one writer, one short transaction per feed holding its items, their full-text rows and their
topic matches). Sentiment is not computed here: it would triple the time the officer waits;
``ItemService.analyse_pending`` fills it in afterwards (the window does that in the background,
the CLI for the items it prints).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback, no_progress
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.config import FeedSettings
from ambtenaar20.core.feeds.parsing import (
    NotAFeedError,
    ParsedFeed,
    discover_feed_links,
    looks_like_html,
    parse_feed,
)
from ambtenaar20.core.feeds.sql import one, write_transaction
from ambtenaar20.core.feeds.topics import match_new_items
from ambtenaar20.core.i18n import _
from ambtenaar20.core.secret_store import SecretStore

if TYPE_CHECKING:
    from ambtenaar20.core.feeds import fetcher

log = logging.getLogger(__name__)


def _fetching():
    """The fetcher module, imported when first needed.

    It loads httpx (about 50 ms); listing feeds, as the window does at every start, never needs it.
    """
    from ambtenaar20.core.feeds import fetcher

    return fetcher

#: Longest wait between attempts for a feed that keeps failing.
MAX_BACKOFF = timedelta(hours=6)


def now_utc() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def secret_key(url: str) -> str:
    return f"feed:{url}"


@dataclass
class FeedOutcome:
    url: str
    title: str
    status: str
    new_items: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "title": self.title, "status": self.status,
                "new_items": self.new_items, "error": self.error}


@dataclass
class RefreshReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    matched: dict[str, int] = field(default_factory=dict)
    #: Topic name -> ids of the new items it matched (for notifications).
    matched_ids: dict[str, list[int]] = field(default_factory=dict)

    @property
    def new_items(self) -> int:
        return sum(outcome.new_items for outcome in self.feeds)

    def as_dict(self) -> dict[str, Any]:
        return {"feeds": [outcome.as_dict() for outcome in self.feeds],
                "new_items": self.new_items, "matched": dict(self.matched)}


@dataclass
class _Fetched:
    result: fetcher.FetchResult
    parsed: ParsedFeed | None = None
    error: str | None = None


class FeedService:
    def __init__(self, store: Any, settings: FeedSettings, secrets: SecretStore,
                 after_refresh: Callable[[], object] | None = None) -> None:
        self.store = store
        self.settings = settings
        self.secrets = secrets
        #: Run after every refresh: the app applies the retention period here.
        self.after_refresh = after_refresh

    @property
    def db(self):
        return self.store.db

    # -- subscriptions ---------------------------------------------------------------------

    def options(self) -> fetcher.FetchOptions:
        return _fetching().FetchOptions(connect_timeout=self.settings.connect_timeout,
                                    total_timeout=self.settings.total_timeout,
                                    proxy=self.settings.proxy or None)

    def validate_url(self, url: str) -> str:
        url = url.strip()
        if not _fetching().is_http_url(url):
            raise UsageError(_("'{url}' is not a web address starting with http:// or https://; "
                               "only such feeds can be followed.").format(url=url))
        return url

    def discover(self, url: str, username: str | None = None,
                 password: str | None = None) -> tuple[str, list[tuple[str, str]]]:
        """Look at ``url`` once: ``(kind, feeds)`` with kind ``feed``, ``page`` or ``unknown``.

        For a web page, ``feeds`` lists the feeds it announces, for the officer to pick from.
        """
        url = self.validate_url(url)
        options = self.options()
        auth = (username, password) if username and password else None
        with _fetching().make_client(options) as client:
            result = _fetching().fetch(client, url, auth=auth, options=options)
        if result.status != "ok":
            return "unknown", []
        if looks_like_html(result.body, result.content_type):
            return "page", discover_feed_links(result.body, result.final_url or url)
        return "feed", [(url, "")]

    def add_feed(self, url: str, title: str | None = None, username: str | None = None,
                 password: str | None = None, category: str = "") -> dict[str, Any]:
        url = self.validate_url(url)
        if one(self.db.execute("SELECT 1 FROM feeds WHERE url = ?", [url])):
            raise UsageError(_("The feed {url} is already being followed.").format(url=url))
        if password is not None:
            if not username:
                raise UsageError(_("A password needs a user name (--user)."))
            # First the keyring: if it refuses, nothing at all is stored.
            self.secrets.set(secret_key(url), password)
        with write_transaction(self.db):
            cursor = self.db.execute(
                "INSERT INTO feeds (url, title, category, username, added) VALUES (?, ?, ?, ?, ?)",
                [url, (title or "").strip(), category, username or None, stamp(now_utc())])
        return self.feed(cursor.lastrowid)

    def feed(self, feed_id: int) -> dict[str, Any]:
        row = one(self.db.execute("SELECT * FROM feeds WHERE id = ?", [feed_id]))
        if row is None:
            raise UsageError(_("There is no feed with number {id}.").format(id=feed_id))
        columns = [d[0] for d in self.db.execute("SELECT * FROM feeds LIMIT 0").description]
        return dict(zip(columns, row, strict=True))

    def find_feed(self, url_or_id: str) -> dict[str, Any]:
        text = str(url_or_id).strip()
        row = one(self.db.execute("SELECT id FROM feeds WHERE url = ?", [text]))
        if row is None and text.isdigit():
            row = one(self.db.execute("SELECT id FROM feeds WHERE id = ?", [int(text)]))
        if row is None:
            raise UsageError(_("No feed '{feed}' is being followed.").format(feed=text))
        return self.feed(row[0])

    def list_feeds(self) -> list[dict[str, Any]]:
        cursor = self.db.execute(
            """SELECT f.id, f.url, f.title, f.category, f.username, f.last_status, f.last_error,
                      f.last_checked, f.last_success, f.failures, f.next_poll, f.gone,
                      (SELECT count(*) FROM items i WHERE i.feed_id = f.id) AS item_count,
                      (SELECT count(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0)
                          AS unread
               FROM feeds f ORDER BY f.category, lower(coalesce(nullif(f.title, ''), f.url))""")
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def rename_feed(self, url_or_id: str, title: str) -> None:
        feed = self.find_feed(url_or_id)
        with write_transaction(self.db):
            self.db.execute("UPDATE feeds SET title = ? WHERE id = ?", [title.strip(), feed["id"]])

    def remove_feed(self, url_or_id: str) -> dict[str, Any]:
        """Remove a feed with all its items (the caller has asked for confirmation)."""
        feed = self.find_feed(url_or_id)
        with write_transaction(self.db):
            # The index is external-content: its rows must be deleted with the old values.
            self.db.execute(
                "INSERT INTO items_fts(items_fts, rowid, title, text) "
                "SELECT 'delete', b.item_id, b.title, b.text FROM item_bodies b "
                "JOIN items i ON i.id = b.item_id WHERE i.feed_id = ?", [feed["id"]])
            self.db.execute("DELETE FROM items WHERE feed_id = ?", [feed["id"]])
            self.db.execute("DELETE FROM feeds WHERE id = ?", [feed["id"]])
        if feed["username"]:
            self.secrets.delete(secret_key(feed["url"]))
        return feed

    def import_opml(self, path: Path) -> dict[str, list[str]]:
        """Follow every feed of an OPML file; known and invalid addresses are reported."""
        from ambtenaar20.core.feeds.opml import read_opml

        report: dict[str, list[str]] = {"added": [], "existing": [], "invalid": []}
        known = {row[0] for row in self.db.execute("SELECT url FROM feeds")}
        added = stamp(now_utc())
        with write_transaction(self.db):
            for entry in read_opml(Path(path)):
                if not _fetching().is_http_url(entry.url):
                    report["invalid"].append(entry.url)
                elif entry.url in known:
                    report["existing"].append(entry.url)
                else:
                    self.db.execute("INSERT INTO feeds (url, title, category, added) "
                                    "VALUES (?, ?, ?, ?)",
                                    [entry.url, entry.title, entry.category, added])
                    known.add(entry.url)
                    report["added"].append(entry.url)
        return report

    def export_opml(self, path: Path) -> int:
        from ambtenaar20.core.feeds.opml import write_opml

        feeds = self.list_feeds()
        write_opml(Path(path), feeds)
        return len(feeds)

    # -- refreshing ------------------------------------------------------------------------

    def due_feeds(self, moment: datetime | None = None) -> list[dict[str, Any]]:
        """Feeds to fetch now: not gone, and not waiting out a back-off or Retry-After."""
        moment_text = stamp(moment or now_utc())
        ids = [row[0] for row in self.db.execute(
            "SELECT id FROM feeds WHERE gone = 0 AND (next_poll IS NULL OR next_poll <= ?) "
            "ORDER BY id", [moment_text])]
        return [self.feed(feed_id) for feed_id in ids]

    def refresh(self, cancel: CancelToken | None = None,
                progress: ProgressCallback = no_progress,
                feed_ids: list[int] | None = None) -> RefreshReport:
        cancel = cancel or CancelToken()
        feeds = self.due_feeds()
        if feed_ids is not None:
            feeds = [feed for feed in feeds if feed["id"] in set(feed_ids)]
        report = RefreshReport()
        topics = [(row[0], row[1], row[2]) for row in
                  self.db.execute("SELECT id, name, query FROM topics ORDER BY name")]
        report.matched = {name: 0 for _id, name, _q in topics}
        total = len(feeds)
        progress(0, total, "")
        if not feeds:
            return report
        options = self.options()
        client = _fetching().make_client(options)
        pool = ThreadPoolExecutor(max_workers=max(1, min(self.settings.parallel, total)),
                                  thread_name_prefix="feed-fetch")
        try:
            futures: dict[Future[_Fetched], dict[str, Any]] = {
                pool.submit(self._fetch_one, client, feed, options): feed for feed in feeds}
            for done, future in enumerate(as_completed(futures), start=1):
                cancel.raise_if_cancelled()
                feed = futures[future]
                outcome = self._store(feed, future.result(), topics, report)
                report.feeds.append(outcome)
                progress(done, total, outcome.title or outcome.url)
        finally:
            # On cancel the pool is abandoned, not waited for: the caller gets control back now.
            pool.shutdown(wait=not cancel.cancelled, cancel_futures=True)
            if not cancel.cancelled:
                client.close()
        if self.after_refresh is not None:
            self.after_refresh()
        order = {feed["id"]: index for index, feed in enumerate(feeds)}
        by_url = {feed["url"]: feed["id"] for feed in feeds}
        report.feeds.sort(key=lambda outcome: order[by_url[outcome.url]])
        return report

    def _fetch_one(self, client, feed: dict[str, Any], options) -> _Fetched:
        auth = None
        if feed["username"]:
            password = self.secrets.get(secret_key(feed["url"]))
            if password is not None:
                auth = (feed["username"], password)
        result = _fetching().fetch(client, feed["url"], etag=feed["etag"],
                               last_modified=feed["last_modified"], auth=auth, options=options)
        if result.status != "ok":
            return _Fetched(result)
        try:
            return _Fetched(result, parse_feed(result.body, now_utc(), result.content_type))
        except NotAFeedError:
            if looks_like_html(result.body, result.content_type):
                return _Fetched(result, error=_("The address shows a web page, not a feed."))
            return _Fetched(result, error=_("The answer is not a feed that can be read."))
        except Exception as error:  # a parser bug must not stop the other feeds
            log.exception("parsing %s failed", feed["url"])
            return _Fetched(result, error=_("The feed could not be read: {reason}").format(
                reason=error))

    def _store(self, feed: dict[str, Any], fetched: _Fetched, topics: list[tuple[int, str, str]],
               report: RefreshReport) -> FeedOutcome:
        result = fetched.result
        moment = now_utc()
        title = feed["title"] or (fetched.parsed.title if fetched.parsed else "") or ""
        error = result.error or fetched.error
        db = self.db
        with write_transaction(db):
            if error:
                failures = feed["failures"] + 1
                wait = _backoff(failures, result.retry_after)
                db.execute(
                    "UPDATE feeds SET last_status = 'error', last_error = ?, last_checked = ?, "
                    "failures = ?, next_poll = ?, gone = ? WHERE id = ?",
                    [error, stamp(moment), failures, stamp(moment + wait) if wait else None,
                     1 if result.gone else feed["gone"], feed["id"]])
                return FeedOutcome(feed["url"], title, "error", 0, error)
            new_count = 0
            if fetched.parsed is not None:
                new_count = self._insert_items(feed["id"], fetched.parsed, moment, topics, report)
            etag = result.etag or (feed["etag"] if result.status == "not_modified" else None)
            modified = result.last_modified or (
                feed["last_modified"] if result.status == "not_modified" else None)
            db.execute(
                "UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_status = ?, "
                "last_error = NULL, last_checked = ?, last_success = ?, failures = 0, "
                "next_poll = NULL WHERE id = ?",
                [title, etag, modified, result.status, stamp(moment), stamp(moment), feed["id"]])
        return FeedOutcome(feed["url"], title, result.status, new_count)

    def _insert_items(self, feed_id: int, parsed: ParsedFeed, moment: datetime,
                      topics: list[tuple[int, str, str]], report: RefreshReport) -> int:
        db = self.db
        known = {row[0] for row in db.execute(
            "SELECT dedupe_key FROM items WHERE feed_id = ?", [feed_id])}
        fresh: dict[str, Any] = {}
        for item in parsed.items:
            if item.dedupe_key not in known and item.dedupe_key not in fresh:
                fresh[item.dedupe_key] = item
        if not fresh:
            return 0
        before = one(db.execute("SELECT coalesce(max(id), 0) FROM items"))[0]
        fetched = stamp(moment)
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
        db.execute("INSERT INTO items_fts(rowid, title, text) "
                   "SELECT item_id, title, text FROM item_bodies WHERE item_id > ?", [before])
        for topic_id, name, query in topics:
            ids = match_new_items(db, topic_id, query, before)
            report.matched[name] = report.matched.get(name, 0) + len(ids)
            report.matched_ids.setdefault(name, []).extend(ids)
        return len(fresh)

    def apply_retention(self, days: int, keep_ids: Iterable[int] = ()) -> int:
        """Delete items older than ``days`` (0: keep all); how many.

        Starred and answered items are kept, and so are ``keep_ids``: items that drafts or log
        entries refer to (the app collects those from the other areas).
        """
        if days <= 0:
            return 0
        limit = stamp(now_utc() - timedelta(days=days))
        condition = ("published < ? AND starred = 0 AND responded = 0 AND fetched < ? "
                     "AND id NOT IN (SELECT value FROM json_each(?))")
        parameters = [limit, limit, json.dumps(sorted(set(keep_ids)))]
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO items_fts(items_fts, rowid, title, text) "
                "SELECT 'delete', item_id, title, text FROM item_bodies WHERE item_id IN "
                f"(SELECT id FROM items WHERE {condition})", parameters)
            cursor = self.db.execute(f"DELETE FROM items WHERE {condition}", parameters)
        return cursor.rowcount


def _backoff(failures: int, retry_after: float | None) -> timedelta | None:
    """How long to leave a failing feed alone. The first failure waits for nothing."""
    if retry_after is not None:
        return timedelta(seconds=min(retry_after, MAX_BACKOFF.total_seconds()))
    if failures < 2:
        return None
    return min(timedelta(minutes=2 ** (failures - 2)), MAX_BACKOFF)
