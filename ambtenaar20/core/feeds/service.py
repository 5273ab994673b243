"""Feeds: subscribing, removing, and refreshing them all without one bad feed stopping the rest.

A refresh fetches and parses on a bounded thread pool and writes from the calling thread only
(one writer). It writes whatever feeds are ready as one short transaction (a batch of at most
10 feeds or 2,000 items) holding their items, their full-text rows and their topic matches; see
``ingest``. Sentiment is not computed here: it would triple the time the officer waits;
``ItemService.analyse_pending`` fills it in afterwards (the window does that in the background,
the CLI for the items it prints).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback, no_progress
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds import fetcher, ingest
from ambtenaar20.core.feeds.config import FeedSettings
from ambtenaar20.core.feeds.parsing import (
    NotAFeedError,
    ParsedFeed,
    discover_feed_links,
    looks_like_html,
    parse_feed,
)
from ambtenaar20.core.feeds.sql import one, write_transaction
from ambtenaar20.core.i18n import _
from ambtenaar20.core.secret_store import SecretStore

log = logging.getLogger(__name__)


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
        self._parse_lock = threading.Lock()

    @property
    def db(self):
        return self.store.db

    # -- subscriptions ---------------------------------------------------------------------

    def options(self) -> fetcher.FetchOptions:
        return fetcher.FetchOptions(connect_timeout=self.settings.connect_timeout,
                                    total_timeout=self.settings.total_timeout,
                                    proxy=self.settings.proxy or None)

    def validate_url(self, url: str) -> str:
        url = url.strip()
        if not fetcher.is_http_url(url):
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
        with fetcher.make_client(options) as client:
            result = fetcher.fetch(client, url, auth=auth, options=options)
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
                if not fetcher.is_http_url(entry.url):
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
        # One query, not one per feed: this runs before the first fetch can start.
        cursor = self.db.execute(
            "SELECT * FROM feeds WHERE gone = 0 AND (next_poll IS NULL OR next_poll <= ?) "
            "ORDER BY id", [moment_text])
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

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
        client = fetcher.make_client(options)
        pool = ThreadPoolExecutor(max_workers=max(1, min(self.settings.parallel, total)),
                                  thread_name_prefix="feed-fetch")
        order = {feed["id"]: index for index, feed in enumerate(feeds)}
        try:
            futures: dict[Future[_Fetched], dict[str, Any]] = {
                pool.submit(self._fetch_one, client, feed, options): feed for feed in feeds}
            pending = set(futures)
            while pending:
                cancel.raise_if_cancelled()
                # Whatever is ready is written together: while the writer works, the pool
                # readies the next batch, so batches grow when parsing runs ahead of writing.
                ready, pending = wait(pending, return_when=FIRST_COMPLETED)
                done = sorted(((futures[f], f.result()) for f in ready),
                              key=lambda pair: order[pair[0]["id"]])
                sizes = [len(fetched.parsed.items) if fetched.parsed else 0
                         for _feed, fetched in done]
                for batch in ingest.batches(done, sizes):
                    cancel.raise_if_cancelled()
                    for outcome in self._store_batch(batch, topics, report):
                        report.feeds.append(outcome)
                        progress(len(report.feeds), total, outcome.title or outcome.url)
        finally:
            # On cancel the pool is abandoned, not waited for: the caller gets control back now.
            pool.shutdown(wait=not cancel.cancelled, cancel_futures=True)
            if not cancel.cancelled:
                client.close()
        if self.after_refresh is not None:
            self.after_refresh()
        by_url = {feed["url"]: feed["id"] for feed in feeds}
        report.feeds.sort(key=lambda outcome: order[by_url[outcome.url]])
        return report

    def _fetch_one(self, client, feed: dict[str, Any], options) -> _Fetched:
        auth = None
        if feed["username"]:
            password = self.secrets.get(secret_key(feed["url"]))
            if password is not None:
                auth = (feed["username"], password)
        result = fetcher.fetch(client, feed["url"], etag=feed["etag"],
                               last_modified=feed["last_modified"], auth=auth, options=options)
        if result.status != "ok":
            return _Fetched(result)
        try:
            with self._parse_lock:
                parsed = parse_feed(result.body, now_utc(), result.content_type)
            return _Fetched(result, parsed)
        except NotAFeedError:
            if looks_like_html(result.body, result.content_type):
                return _Fetched(result, error=_("The address shows a web page, not a feed."))
            return _Fetched(result, error=_("The answer is not a feed that can be read."))
        except Exception as error:  # a parser bug must not stop the other feeds
            log.exception("parsing %s failed", feed["url"])
            return _Fetched(result, error=_("The feed could not be read: {reason}").format(
                reason=error))

    def _store_batch(self, batch: list[tuple[dict[str, Any], _Fetched]],
                     topics: list[tuple[int, str, str]],
                     report: RefreshReport) -> list[FeedOutcome]:
        """Write several feeds in one transaction, then index and match their new items.

        One transaction, so a kill leaves every feed of the batch whole or absent; see
        ``ingest`` for why the index is built per batch and not per feed.
        """
        with write_transaction(self.db):
            before = ingest.last_item_id(self.db)
            outcomes = [self._store(feed, fetched) for feed, fetched in batch]
            if any(outcome.new_items for outcome in outcomes):
                ingest.index_new_items(self.db, before, topics, report.matched,
                                       report.matched_ids)
        return outcomes

    def _store(self, feed: dict[str, Any], fetched: _Fetched) -> FeedOutcome:
        """One feed's row and new items (inside the batch's transaction)."""
        result = fetched.result
        moment = now_utc()
        title = feed["title"] or (fetched.parsed.title if fetched.parsed else "") or ""
        error = result.error or fetched.error
        db = self.db
        if error:
            failures = feed["failures"] + 1
            wait_for = _backoff(failures, result.retry_after)
            db.execute(
                "UPDATE feeds SET last_status = 'error', last_error = ?, last_checked = ?, "
                "failures = ?, next_poll = ?, gone = ? WHERE id = ?",
                [error, stamp(moment), failures, stamp(moment + wait_for) if wait_for else None,
                 1 if result.gone else feed["gone"], feed["id"]])
            return FeedOutcome(feed["url"], title, "error", 0, error)
        new_count = 0
        if fetched.parsed is not None:
            new_count = ingest.insert_items(db, feed["id"], fetched.parsed, stamp(moment))
        etag = result.etag or (feed["etag"] if result.status == "not_modified" else None)
        modified = result.last_modified or (
            feed["last_modified"] if result.status == "not_modified" else None)
        db.execute(
            "UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_status = ?, "
            "last_error = NULL, last_checked = ?, last_success = ?, failures = 0, "
            "next_poll = NULL WHERE id = ?",
            [title, etag, modified, result.status, stamp(moment), stamp(moment), feed["id"]])
        return FeedOutcome(feed["url"], title, result.status, new_count)

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
