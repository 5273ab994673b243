"""Feeds: subscribing, listing, removing, and the entry to refreshing them.

Refreshing itself lives in ``core.feeds.refresh`` with the HTTP client and the parsers; it is
loaded on the first refresh, so that the window's first screen and commands such as
``feeds import`` or ``feeds list`` never load them. Looking at an address before it is
followed (``discover``) lives in ``core.feeds.discovery``, loaded the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback, no_progress
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.config import FeedSettings
from ambtenaar20.core.feeds.sql import one
from ambtenaar20.core.i18n import _
from ambtenaar20.core.secret_store import SecretStore

if TYPE_CHECKING:
    from ambtenaar20.core.feeds.discovery import Discovery
    from ambtenaar20.core.feeds.fetcher import FetchOptions
    from ambtenaar20.core.feeds.refresh import RefreshReport
    from ambtenaar20.core.feeds.waiting import Waiting


def now_utc() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_DIGIT_RUNS = re.compile(r"(\d+)")


def secret_key(url: str) -> str:
    return f"feed:{url}"


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

    def options(self) -> FetchOptions:
        """How to fetch; ``UsageError`` naming ``feeds.proxy`` when that cannot be used."""
        from ambtenaar20.core.feeds import addresses, fetcher

        try:
            proxy = addresses.proxy_address(self.settings.proxy or "")
        except addresses.ProxyProblem as problem:
            raise UsageError(_("The proxy {value} in {setting} cannot be used: {reason}").format(
                value=addresses.without_password(self.settings.proxy), setting="feeds.proxy",
                reason=problem)) from None
        return fetcher.FetchOptions(connect_timeout=self.settings.connect_timeout,
                                    total_timeout=self.settings.total_timeout,
                                    proxy=proxy or None)

    def validate_url(self, url: str) -> str:
        """``url`` as it is followed, or ``UsageError``: an http(s) address that can be fetched,
        without a password in it, in canonical form (``addresses.canonical``); a ``feed:``
        address stands for the web address in it, and one without a scheme ("www.zwolle.nl/rss")
        for its https address (``addresses.assumed_https``; callers tell the officer)."""
        from ambtenaar20.core.feeds import addresses

        url = addresses.from_feed_scheme(url.strip())
        url = addresses.assumed_https(url) or url
        if addresses.has_http_scheme(url) and (reason := addresses.why_invalid(url)):
            raise UsageError(_("'{url}' is not a valid web address: {reason}").format(
                url=addresses.without_password(url), reason=reason))
        if not addresses.is_http_url(url):
            from ambtenaar20.core.feeds.fediverse import feed_address

            if (feed := feed_address(url)) is not None:
                raise UsageError(_("'{name}' is a Mastodon name, not a web address. Its feed "
                                   "is {feed}; follow that.").format(name=url, feed=feed))
            raise UsageError(_("'{url}' is not a web address starting with http:// or https://; "
                               "only such feeds can be followed.").format(url=url))
        without = _without_credentials(url)
        if without != url:
            # Stored as given, the password would sit in the database, the feed list, OPML
            # exports and backups. It belongs in the keyring; the message does not repeat it.
            raise UsageError(_("The address {url} has a user name or password in it. Give the "
                               "address without them and the user name separately (--user, or "
                               "the field in the window): the password then goes to the "
                               "keyring.").format(url=without))
        return addresses.canonical(url)

    def is_followed(self, url: str) -> bool:
        """Whether a feed is followed at ``url``, written however (see ``addresses``)."""
        return self._followed_as(url) is not None

    def _followed_as(self, url: str) -> int | None:
        """The number of the feed followed at ``url`` in any equal spelling, or None."""
        from ambtenaar20.core.feeds import addresses

        if (row := one(self.db.execute("SELECT id FROM feeds WHERE url = ?", [url]))):
            return row[0]
        if not addresses.is_http_url(url):
            return None
        wanted = addresses.canonical(url)
        for feed_id, known in self.db.execute("SELECT id, url FROM feeds"):
            if addresses.is_http_url(known) and addresses.canonical(known) == wanted:
                return feed_id
        return None

    def discover(self, url: str, username: str | None = None,
                 password: str | None = None) -> Discovery:
        """Look at ``url`` once, before it is followed (``feeds add``, *Feed toevoegen*).

        ``kind`` is ``feed``, ``page`` or ``unknown``: not checked now for a reason that may
        pass (no network, DNS, time-out, 403, 429, 5xx, a redirect loop...), named in
        ``problem``; such an address is still followed and fetched at the next refresh, so
        adding works offline. A web page that announces one feed gives that feed, checked as
        ``check_announced`` checks it (so it may carry a ``problem`` too); one that announces
        several gives the list, for the officer to pick from.

        Raises ``UsageError`` when the server answered that there is no feed to be had: 401,
        404, 410, a redirect away from http(s), a body over the size cap, a web page that
        announces no feed, or an answer the parsers cannot read as a feed; for the feed a page
        announces, the same. The reason is said in the words a refresh would use.

        An address without a scheme is looked at as https, then perhaps as http
        (``Discovery.taken_as_http``, see ``without_scheme``); refused when either is followed.
        """
        from dataclasses import replace

        from ambtenaar20.core.feeds import addresses, discovery, fetcher, without_scheme

        given, url = url, self.validate_url(url)
        # Typed without a scheme: https is looked at first, then perhaps http (see
        # ``without_scheme``), so neither may be followed already.
        both = without_scheme.forms(addresses.from_feed_scheme(given.strip()))
        for form in both or ():
            if (feed_id := self._followed_as(form)) is not None:
                raise UsageError(_("'{given}' has no http:// or https://, and is already "
                                   "followed as {url}.").format(
                    given=given.strip(), url=self.feed(feed_id)["url"]))
        options = self.options()
        auth = _basic_auth(username, password)
        with fetcher.make_client(options) as client:
            if both:
                found = without_scheme.look(client, *both, auth, options)
            else:
                found = discovery.look(client, url, auth, options)
            if found.kind == "page" and len(found.feeds) == 1:
                link, title = found.feeds[0]
                page = found.taken_as_http or url
                found = replace(discovery.check_announced(
                    client, page, self.validate_url(link), title, auth, options),
                    taken_as_http=found.taken_as_http)
        return found

    def check_announced(self, page: str, url: str, username: str | None = None,
                        password: str | None = None) -> Discovery:
        """Look at the feed ``url`` that the web page ``page`` announces, once it has been
        picked from several (see ``discover``): refused or unchecked for the same reasons as
        an address given directly, with a refusal that names the page and the feed."""
        from ambtenaar20.core.feeds import discovery, fetcher

        url = self.validate_url(url)
        options = self.options()
        with fetcher.make_client(options) as client:
            return discovery.check_announced(client, page, url, "",
                                             _basic_auth(username, password), options)

    def add_feed(self, url: str, title: str | None = None, username: str | None = None,
                 password: str | None = None, category: str = "") -> dict[str, Any]:
        url = self.validate_url(url)
        if self.is_followed(url):
            raise UsageError(_("The feed {url} is already being followed.").format(url=url))
        if password is not None:
            if not username:
                raise UsageError(_("A password needs a user name (--user)."))
            # First the keyring: if it refuses, nothing at all is stored.
            self.secrets.set(secret_key(url), password)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO feeds (url, title, category, username, added) VALUES (?, ?, ?, ?, ?)",
                [url, (title or "").strip(), category, username or None, stamp(now_utc())])
        return self.feed(cursor.lastrowid)

    def feed(self, feed_id: int) -> dict[str, Any]:
        row = one(self.db.execute("SELECT * FROM feeds WHERE id = ?", [feed_id]))
        if row is None:
            raise UsageError(_("There is no feed with number {id}.").format(id=feed_id))
        columns = [d[0] for d in self.db.execute("SELECT * FROM feeds LIMIT 0").description]
        return _worded(dict(zip(columns, row, strict=True)))

    def find_feed(self, url_or_id: str) -> dict[str, Any]:
        text = str(url_or_id).strip()
        feed_id = self._followed_as(text)
        if feed_id is None and text.isdigit():
            row = one(self.db.execute("SELECT id FROM feeds WHERE id = ?", [int(text)]))
            feed_id = row[0] if row else None
        if feed_id is None:
            raise UsageError(_("No feed '{feed}' is being followed.").format(feed=text))
        return self.feed(feed_id)

    def list_feeds(self) -> list[dict[str, Any]]:
        cursor = self.db.execute(
            """SELECT f.id, f.url, f.title, f.category, f.username, f.last_status, f.last_error,
                      f.last_checked, f.last_success, f.failures, f.next_poll, f.gone,
                      (SELECT count(*) FROM items i WHERE i.feed_id = f.id) AS item_count,
                      (SELECT count(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0)
                          AS unread
               FROM feeds f""")
        columns = [d[0] for d in cursor.description]
        feeds = [_worded(dict(zip(columns, row, strict=True))) for row in cursor.fetchall()]
        return sorted(feeds, key=lambda feed: (feed["category"] or "",
                                               natural_key(feed["title"] or feed["url"])))

    def rename_feed(self, url_or_id: str, title: str) -> dict[str, Any]:
        """Give the feed its own title ("" gives it back the feed's); the feed as it is now."""
        feed = self.find_feed(url_or_id)
        with self.db.atomic():
            if title.strip():
                self.db.execute("UPDATE feeds SET title = ? WHERE id = ?",
                                [title.strip(), feed["id"]])
            else:
                # The feed's own title comes with its next full answer: without forgetting the
                # validators, a server answering "304 Not Modified" left the title empty.
                self.db.execute("UPDATE feeds SET title = '', etag = NULL, last_modified = NULL "
                                "WHERE id = ?", [feed["id"]])
        return self.feed(feed["id"])

    def remove_feed(self, url_or_id: str) -> dict[str, Any]:
        """Remove a feed with all its items (the caller has asked for confirmation)."""
        feed = self.find_feed(url_or_id)
        with self.db.atomic():
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
        """Follow every feed of an OPML file; known and skipped addresses are reported.

        ``added`` as stored (``validate_url``'s form), ``existing`` and ``invalid`` (not a
        valid http(s) address) as written in the file, ``with_password`` without the password:
        those are to be added with ``feeds add --user``, which puts the password in the keyring.
        """
        from ambtenaar20.core.feeds import addresses
        from ambtenaar20.core.feeds.opml import read_opml

        report: dict[str, list[str]] = {"added": [], "existing": [], "invalid": [],
                                        "with_password": []}
        known = {addresses.canonical(row[0]) for row in self.db.execute("SELECT url FROM feeds")
                 if addresses.is_http_url(row[0])}
        added = stamp(now_utc())
        with self.db.atomic():
            for entry in read_opml(Path(path)):
                url = addresses.from_feed_scheme(entry.url)
                without = _without_credentials(url) if addresses.is_http_url(url) else url
                if not addresses.is_http_url(url):
                    report["invalid"].append(addresses.without_password(entry.url))
                elif without != url:
                    # A password in the address would be stored in plain text (see validate_url).
                    report["with_password"].append(without)
                elif (canonical := addresses.canonical(url)) in known:
                    report["existing"].append(entry.url)
                else:
                    self.db.execute("INSERT INTO feeds (url, title, category, added) "
                                    "VALUES (?, ?, ?, ?)",
                                    [canonical, entry.title, entry.category, added])
                    known.add(canonical)
                    report["added"].append(canonical)
        return report

    def export_opml(self, path: Path) -> int:
        from ambtenaar20.core.feeds.opml import write_opml

        feeds = self.list_feeds()
        write_opml(Path(path), feeds)
        return len(feeds)

    # -- refreshing ------------------------------------------------------------------------

    def due_feeds(self, moment: datetime | None = None, *,
                  asked: bool = False) -> list[dict[str, Any]]:
        """Feeds to fetch now: not gone, and not waiting out a back-off or Retry-After."""
        return self.refresh_queue(moment, asked=asked)[0]

    def refresh_queue(self, moment: datetime | None = None, *, asked: bool = False
                      ) -> tuple[list[dict[str, Any]], list[Waiting]]:
        """The feeds to fetch now, and those that wait after an error (none gone); ``asked``:
        the officer asked for this refresh, which does not wait out a back-off (``waiting``).
        The rows as stored (their errors are not worded)."""
        from ambtenaar20.core.feeds.waiting import split_due

        # One query, not one per feed: this runs before the first fetch can start.
        cursor = self.db.execute("SELECT * FROM feeds WHERE gone = 0 ORDER BY id")
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        return split_due(rows, moment or now_utc(), asked)

    def refresh(self, cancel: CancelToken | None = None,
                progress: ProgressCallback = no_progress,
                feed_ids: list[int] | None = None, *, asked: bool = False) -> RefreshReport:
        """Fetch every due feed (or those of ``feed_ids``) and store what is new; see
        ``core.feeds.refresh``, which is loaded here so that the other commands never load the
        HTTP client and the parsers. ``asked``: the officer asked for it (the Refresh button,
        the ``refresh`` command), not a timer: a feed's back-off after an error is not waited
        out, a server's request to wait is (see ``core.feeds.waiting``)."""
        from ambtenaar20.core.feeds import fetcher

        # First, so that the certificates load while the refresh code and httpx are imported.
        tls = fetcher.TlsContext()
        from ambtenaar20.core.feeds.refresh import FeedRefresh

        return FeedRefresh(self, tls).run(cancel or CancelToken(), progress, feed_ids,
                                          asked=asked)

    def has_items_older_than(self, days: int) -> bool:
        """Whether any item is old enough for ``apply_retention`` to consider (``days`` > 0)."""
        limit = _retention_limit(days)
        return one(self.db.execute("SELECT 1 FROM items WHERE published < ? AND fetched < ? "
                                   "LIMIT 1", [limit, limit])) is not None

    def apply_retention(self, days: int, keep_ids: Iterable[int] = ()) -> int:
        """Delete items older than ``days`` (0: keep all); how many.

        Starred and answered items are kept, and so are ``keep_ids``: items that drafts or log
        entries refer to (the app collects those from the other areas).
        """
        if days <= 0:
            return 0
        limit = _retention_limit(days)
        condition = ("published < ? AND starred = 0 AND responded = 0 AND fetched < ? "
                     "AND id NOT IN (SELECT value FROM json_each(?))")
        parameters = [limit, limit, json.dumps(sorted(set(keep_ids)))]
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO items_fts(items_fts, rowid, title, text) "
                "SELECT 'delete', item_id, title, text FROM item_bodies WHERE item_id IN "
                f"(SELECT id FROM items WHERE {condition})", parameters)
            cursor = self.db.execute(f"DELETE FROM items WHERE {condition}", parameters)
        return cursor.rowcount


def _retention_limit(days: int) -> str:
    """The stamp before which items count as older than ``days``."""
    return stamp(now_utc() - timedelta(days=days))


def _basic_auth(username: str | None, password: str | None) -> tuple[str, str] | None:
    """Credentials for a feed behind a login, when both halves were given."""
    return (username, password) if username and password else None


def _without_credentials(url: str) -> str:
    """``url`` with any ``user:password@`` part taken out of the host."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


def natural_key(name: str) -> list[tuple[int, int | str]]:
    """Sorts "Feed 2" before "Feed 10", as people count, case-insensitively."""
    return [(0, int(part)) if part.isdigit() else (1, part.casefold())
            for part in _DIGIT_RUNS.split(name) if part]


def _worded(feed: dict[str, Any]) -> dict[str, Any]:
    """``feed`` with its last error in the interface language (it is stored by its reason)."""
    if feed.get("last_error"):
        from ambtenaar20.core.feeds.feed_errors import describe

        feed["last_error"] = describe(feed["last_error"])
    return feed
