"""Refreshing feeds: fetch and parse on a thread pool, write from the calling thread.

Only the calling thread writes (one writer). It writes whatever feeds are ready as one short
transaction (a batch of at most 10 feeds or 2,000 items) holding their items, their full-text
rows and their topic matches; see ``ingest``.

Parsing a feed and writing a batch's rows take turns (``_TURN``), one at a time in the
process. Both need the interpreter, and sqlite3 lets go of the interpreter lock around every
row it inserts: beside a parser, each of those thousands of rows was a hand-over of the lock,
which cost CPU and left the writer far behind the parsers. Taking turns, each runs without
interruption, while what needs no interpreter runs beside them: a batch's search index (one
long SQLite statement, built while the next feed is parsed), network waits, checkpoints
(``BackgroundCheckpoints``) and the sanitiser's Rust code. A plain lock measured better than
one that lets the writer go first, whose smaller batches cost more than the backlog they
avoid (figures in ``benchmarks/README.md``).

Each feed is fetched and parsed on its own: whatever goes wrong in one (a malformed stored
address, a bug) becomes that feed's error in plain words, and the others are fetched. A feed
that has moved for good (a permanent redirect to a feed that answers) is stored under its new
address; a login moves with it only within its origin (see ``_moved``).

Sentiment is not computed here: it would triple the time the officer waits;
``ItemService.analyse_pending`` fills it in afterwards (the window does that in the
background, the CLI for the items it prints).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.feeds import addresses, fetcher, ingest
from ambtenaar20.core.feeds.feed_errors import FeedError, stored_form
from ambtenaar20.core.feeds.parsing import (
    NotAFeedError,
    ParsedFeed,
    not_a_feed_reason,
    parse_failure_reason,
    parse_feed,
)
from ambtenaar20.core.feeds.service import now_utc, secret_key, stamp
from ambtenaar20.core.store.checkpoints import BackgroundCheckpoints

if TYPE_CHECKING:
    from ambtenaar20.core.feeds.service import FeedService
    from ambtenaar20.core.feeds.waiting import Waiting

log = logging.getLogger(__name__)

#: Longest wait between attempts for a feed that keeps failing.
MAX_BACKOFF = timedelta(hours=6)

#: Parsing a feed and writing a batch's rows take turns (see the module docstring).
_TURN = threading.Lock()


@dataclass
class FeedOutcome:
    url: str
    title: str
    status: str
    new_items: int = 0
    error: str | None = None
    #: The feed's number, for the order of the report (its address may have changed).
    feed_id: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "title": self.title, "status": self.status,
                "new_items": self.new_items, "error": self.error}


@dataclass
class RefreshReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    matched: dict[str, int] = field(default_factory=dict)
    #: Topic name -> ids of the new items it matched (for notifications).
    matched_ids: dict[str, list[int]] = field(default_factory=dict)
    #: The feeds left alone because they wait after an error (said in words, not in JSON).
    waiting: list[Waiting] = field(default_factory=list)

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
    error: FeedError | None = None


class FeedRefresh:
    """One refresh of a ``FeedService``'s feeds, with the TLS context prepared for it."""

    def __init__(self, service: FeedService, tls: fetcher.TlsContext | None = None) -> None:
        self.service = service
        self.tls = tls

    @property
    def db(self):
        return self.service.db

    def run(self, cancel: CancelToken, progress: ProgressCallback,
            feed_ids: list[int] | None, *, asked: bool = False) -> RefreshReport:
        feeds, waiting = self.service.refresh_queue(asked=asked)
        if feed_ids is not None:
            wanted = set(feed_ids)
            feeds = [feed for feed in feeds if feed["id"] in wanted]
            waiting = [entry for entry in waiting if entry.feed_id in wanted]
        report = RefreshReport(waiting=waiting)
        topics = [(row[0], row[1], row[2]) for row in
                  self.db.execute("SELECT id, name, query FROM topics ORDER BY name")]
        report.matched = {name: 0 for _id, name, _q in topics}
        total = len(feeds)
        progress(0, total, "")
        if not feeds:
            return report
        options = self.service.options()
        # A certificate or proxy setting that cannot be used stops the refresh (UsageError):
        # no feed could be fetched.
        client = fetcher.make_client(options, self.tls)
        pool = ThreadPoolExecutor(max_workers=max(1, min(self.service.settings.parallel, total)),
                                  thread_name_prefix="feed-fetch")
        order = {feed["id"]: index for index, feed in enumerate(feeds)}
        try:
            futures: dict[Future[_Fetched], dict[str, Any]] = {
                pool.submit(self._fetch_one, client, feed, options): feed for feed in feeds}
            pending = set(futures)
            with BackgroundCheckpoints(self.db, self.service.store.path) as checkpoints:
                while pending:
                    cancel.raise_if_cancelled()
                    # Whatever is ready is written together: while the writer works, the pool
                    # readies the next batch, so batches grow when parsing runs ahead.
                    ready, pending = wait(pending, return_when=FIRST_COMPLETED)
                    done = sorted(((futures[f], _outcome_of(f, futures[f])) for f in ready),
                                  key=lambda pair: order[pair[0]["id"]])
                    sizes = [len(fetched.parsed.items) if fetched.parsed else 0
                             for _feed, fetched in done]
                    for batch in ingest.batches(done, sizes):
                        cancel.raise_if_cancelled()
                        outcomes = self._store_batch(batch, topics, report)
                        checkpoints.committed()
                        for outcome in outcomes:
                            report.feeds.append(outcome)
                            progress(len(report.feeds), total, outcome.title or outcome.url)
        finally:
            # On cancel the pool is abandoned, not waited for: the caller gets control back now.
            pool.shutdown(wait=not cancel.cancelled, cancel_futures=True)
            if not cancel.cancelled:
                client.close()
        if self.service.after_refresh is not None:
            self.service.after_refresh()
        report.feeds.sort(key=lambda outcome: order[outcome.feed_id])
        return report

    def _fetch_one(self, client, feed: dict[str, Any], options) -> _Fetched:
        try:
            return self._fetch_and_parse(client, feed, options)
        except Exception:  # one feed's bug or data must not stop the others
            log.exception("fetching a feed failed unexpectedly")
            return _unexpected(feed)

    def _fetch_and_parse(self, client, feed: dict[str, Any], options) -> _Fetched:
        auth = None
        if feed["username"]:
            password = self.service.secrets.get(secret_key(feed["url"]))
            if password is not None:
                auth = (feed["username"], password)
        result = fetcher.fetch(client, feed["url"], etag=feed["etag"],
                               last_modified=feed["last_modified"], auth=auth, options=options)
        if result.status != "ok":
            return _Fetched(result)
        try:
            with _TURN:
                parsed = parse_feed(result.body, now_utc(), result.content_type,
                                    result.final_url or feed["url"])
            return _Fetched(result, parsed)
        except NotAFeedError:
            return _Fetched(result, error=not_a_feed_reason(result.body, result.content_type))
        except Exception as error:  # a parser bug must not stop the other feeds
            log.exception("parsing %s failed", feed["url"])
            return _Fetched(result, error=parse_failure_reason(error))

    def _store_batch(self, batch: list[tuple[dict[str, Any], _Fetched]],
                     topics: list[tuple[int, str, str]],
                     report: RefreshReport) -> list[FeedOutcome]:
        """Write several feeds in one transaction, then index and match their new items.

        One transaction, so a kill leaves every feed of the batch whole or absent; see
        ``ingest`` for why the index is built per batch and not per feed. The rows are written
        in turn with parsing; the index is built beside it (see the module docstring).
        """
        # The turn before the write lock: the transaction, which the window's own writes
        # (marking an item read) wait for, is not held open while a parser finishes.
        with ExitStack() as turn:
            turn.enter_context(_TURN)
            with self.db.atomic():
                before = ingest.last_item_id(self.db)
                outcomes = [self._store(feed, fetched) for feed, fetched in batch]
                turn.close()  # the rows are written: the index builds beside the next parse
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
            wait_for = backoff(failures, result.retry_after)
            db.execute(
                "UPDATE feeds SET last_status = 'error', last_error = ?, last_checked = ?, "
                "failures = ?, next_poll = ?, gone = ? WHERE id = ?",
                [stored_form(error), stamp(moment), failures,
                 stamp(moment + wait_for) if wait_for else None,
                 1 if result.gone else feed["gone"], feed["id"]])
            return FeedOutcome(feed["url"], title, "error", 0, error, feed["id"])
        url = self._moved(feed, result)
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
        return FeedOutcome(url, title, result.status, new_count, None, feed["id"])

    def _moved(self, feed: dict[str, Any], result: fetcher.FetchResult) -> str:
        """The feed's address after a fetch that succeeded: the one it moved to for good, if
        it did (inside the batch's transaction).

        Kept as it is when another feed is followed there already, when the new address holds
        a user name or password (stored, it would sit in the database), and for a feed with a login
        that moved to another origin: its password was given for this origin only, and the
        fetch follows the redirect without it. Within the origin the password moves along in
        the keyring; when the keyring refuses, the address stays.
        """
        old, new = feed["url"], result.permanent_url
        if not new or addresses.without_password(new) != new:  # a password is no column value
            return old
        new = addresses.canonical(new)
        if new == old or self.service.is_followed(new):
            return old
        if feed["username"]:
            if not addresses.same_origin(old, new):
                return old
            try:
                password = self.service.secrets.get(secret_key(old))
                if password is not None:
                    self.service.secrets.set(secret_key(new), password)
            except Exception:  # the keyring: no move now, the redirect is followed anyway
                log.warning("the password of a moved feed could not be moved", exc_info=True)
                return old
        self.db.execute("UPDATE feeds SET url = ? WHERE id = ?", [new, feed["id"]])
        if feed["username"]:
            try:
                self.service.secrets.delete(secret_key(old))
            except Exception:  # left behind, harmless: nothing reads it any more
                log.warning("an old password entry could not be removed", exc_info=True)
        return new


def _outcome_of(future: Future[_Fetched], feed: dict[str, Any]) -> _Fetched:
    """The future's result; an exception in it is that feed's error, not the refresh's."""
    try:
        return future.result()
    except Exception:
        log.exception("fetching a feed failed unexpectedly")
        return _unexpected(feed)


def _unexpected(feed: dict[str, Any]) -> _Fetched:
    return _Fetched(fetcher.FetchResult(feed["url"], "error", error=FeedError("unexpected")))


def backoff(failures: int, retry_after: float | None) -> timedelta | None:
    """How long to leave a failing feed alone. The first failure waits for nothing."""
    if retry_after is not None:
        return timedelta(seconds=min(retry_after, MAX_BACKOFF.total_seconds()))
    if failures < 2:
        return None
    return min(timedelta(minutes=2 ** (failures - 2)), MAX_BACKOFF)
