"""Refreshing over real loopback HTTP: conditional GET, auth, redirects, limits, failures."""

from __future__ import annotations

import html
import threading
import time

import pytest

from ambtenaar20.core.feeds import fetcher
from ambtenaar20.core.secret_store import NoKeyringError
from tests.feeds.feed_server import AUTH_PASSWORD, AUTH_USER, rss

ITEMS = [
    {"title": "Financiële steun voor de zorg", "link": "https://example.org/1", "guid": "a1",
     "description": html.escape('<p onclick="steal()">Goed nieuws<script>x()</script></p>'),
     "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Wegwerkzaamheden", "link": "https://example.org/2",
     "description": "Vervelend verkeer", "pubDate": "Tue, 07 Sep 2021 08:00:00 +0000"},
]


def by_url(report):
    return {outcome.url: outcome for outcome in report.feeds}


def test_refresh_stores_items_and_then_uses_conditional_get(context, feed_server):
    url = feed_server.add("/a.xml", rss("Gemeente", ITEMS))
    context.feeds.add_feed(url)
    context.topics.add_topic("Zorg", "financiele OR zorg")
    first = context.feeds.refresh()
    assert by_url(first)[url].status == "ok"
    assert first.new_items == 2
    assert first.matched == {"Zorg": 1}
    items = context.items.list_items()
    assert [item["title"] for item in items] == ["Wegwerkzaamheden",
                                                 "Financiële steun voor de zorg"]
    assert items[1]["published"] == "2021-09-06T16:45:00Z"
    assert items[1]["topics"] == ["Zorg"]
    assert "onclick" not in items[1]["html"] and "script" not in items[1]["html"]
    assert items[1]["text"] == "Goed nieuws"
    assert items[0]["sentiment"] in ("positive", "neutral", "negative")

    second = context.feeds.refresh()
    assert by_url(second)[url].status == "not_modified"
    assert second.new_items == 0
    last = feed_server.hits("/a.xml")[-1]
    assert last["if-none-match"].startswith('"')
    assert last["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert last["user-agent"].startswith("Ambtenaar20/")
    assert context.items.item_ids() == [item["id"] for item in items]


def test_new_items_are_added_once_and_deduplicated(context, feed_server):
    url = feed_server.add("/a.xml", rss("G", ITEMS))
    context.feeds.add_feed(url)
    context.feeds.refresh()
    more = [*ITEMS, {"title": "Zonder link of guid", "pubDate": "Wed, 08 Sep 2021 08:00:00 GMT"},
            {"title": "Zonder link of guid", "pubDate": "Wed, 08 Sep 2021 08:00:00 GMT"}]
    feed_server.add("/a.xml", rss("G", more))
    report = context.feeds.refresh()
    assert report.new_items == 1
    assert len(context.items.item_ids()) == 3


def test_one_bad_feed_never_stops_the_others(context, feed_server):
    good = feed_server.add("/good.xml", rss("Goed", ITEMS))
    missing = feed_server.url("/missing.xml")
    page = feed_server.add("/page.html", "<html><body>Hallo</body></html>",
                           content_type="text/html")
    broken = feed_server.add("/broken.xml", b"\x00\x01 not xml at all",
                             content_type="application/octet-stream")
    closed = "http://127.0.0.1:9/feed.xml"  # discard port: connection refused
    for url in (good, missing, page, broken, closed):
        context.feeds.add_feed(url)
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[good].status == "ok" and outcomes[good].new_items == 2
    assert "404" in outcomes[missing].error
    assert "web page" in outcomes[page].error
    assert outcomes[broken].status == "error"
    assert outcomes[closed].status == "error" and outcomes[closed].error
    listed = {feed["url"]: feed for feed in context.feeds.list_feeds()}
    assert listed[missing]["last_error"] == outcomes[missing].error
    assert listed[good]["last_success"] and listed[good]["item_count"] == 2


def test_gone_feed_is_no_longer_polled(context, feed_server):
    url = feed_server.add("/gone.xml", b"gone", status=410, content_type="text/plain")
    context.feeds.add_feed(url)
    assert by_url(context.feeds.refresh())[url].status == "error"
    assert context.feeds.refresh().feeds == []
    assert len(feed_server.hits("/gone.xml")) == 1


def test_retry_after_is_honoured(context, feed_server):
    url = feed_server.add("/busy.xml", b"busy", status=429, content_type="text/plain",
                          headers={"Retry-After": "3600"})
    context.feeds.add_feed(url)
    assert "429" in by_url(context.feeds.refresh())[url].error
    assert context.feeds.refresh().feeds == []  # waiting out the hour
    assert fetcher.parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_repeated_failures_back_off(context, feed_server):
    url = feed_server.url("/missing.xml")
    context.feeds.add_feed(url)
    context.feeds.refresh()
    assert context.feeds.list_feeds()[0]["next_poll"] is None  # one failure: no wait yet
    context.feeds.refresh()
    feed = context.feeds.list_feeds()[0]
    assert feed["failures"] == 2 and feed["next_poll"] > feed["last_checked"]


def test_redirects_are_followed_up_to_five_and_never_to_other_schemes(context, feed_server):
    target = feed_server.add("/real.xml", rss("Echt", ITEMS))
    for hop in range(5):
        following = feed_server.url(f"/hop{hop + 1}") if hop < 4 else target
        feed_server.add(f"/hop{hop}", b"", status=301, headers={"Location": following})
    for hop in range(7):
        feed_server.add(f"/loop{hop}", b"", status=302,
                        headers={"Location": feed_server.url(f"/loop{hop + 1}")})
    feed_server.add("/evil", b"", status=302, headers={"Location": "file:///etc/passwd"})
    five, loop, evil = (feed_server.url(p) for p in ("/hop0", "/loop0", "/evil"))
    for url in (five, loop, evil):
        context.feeds.add_feed(url)
    outcomes = by_url(context.feeds.refresh())
    # Moved for good (301s only): reported, and from now on followed, at the new address.
    assert outcomes[target].status == "ok" and outcomes[target].new_items == 2
    assert "5" in outcomes[loop].error
    assert "http" in outcomes[evil].error
    assert len(feed_server.hits("/loop6")) == 0


def test_slow_and_endless_bodies_are_cut_off(context, feed_server):
    context.settings.feeds.total_timeout = 1.5
    slow = feed_server.add("/slow.xml", mode="slow")
    endless = feed_server.add("/endless.xml", mode="endless")
    good = feed_server.add("/good.xml", rss("Goed", ITEMS))
    for url in (slow, endless, good):
        context.feeds.add_feed(url)
    outcomes = by_url(context.feeds.refresh())
    assert "time-out" in outcomes[slow].error
    assert "MB" in outcomes[endless].error or "time-out" in outcomes[endless].error
    assert outcomes[good].new_items == 2


def test_size_cap_stops_reading(feed_server):
    endless = feed_server.add("/endless.xml", mode="endless")
    options = fetcher.FetchOptions(total_timeout=20, max_bytes=2 * 1024 * 1024)
    with fetcher.make_client(options) as client:
        result = fetcher.fetch(client, endless, options=options)
    assert result.status == "error" and "MB" in result.error and result.body == b""



def test_basic_auth_uses_the_keyring_password(context, feed_server, memory_keyring):
    url = feed_server.add("/intranet.xml", rss("Intranet", ITEMS), auth=True)
    context.feeds.add_feed(url, username=AUTH_USER, password=AUTH_PASSWORD)
    assert memory_keyring.passwords == {("ambtenaar20", f"feed:{url}"): AUTH_PASSWORD}
    assert by_url(context.feeds.refresh())[url].new_items == 2
    context.feeds.remove_feed(url)
    assert memory_keyring.passwords == {}


def test_without_keyring_the_password_is_refused_and_nothing_is_stored(context, feed_server):
    url = feed_server.add("/intranet.xml", rss("Intranet", ITEMS), auth=True)
    with pytest.raises(NoKeyringError):
        context.feeds.add_feed(url, username=AUTH_USER, password=AUTH_PASSWORD)
    assert context.feeds.list_feeds() == []


def test_retention_keeps_starred_items(context, feed_server):
    url = feed_server.add("/a.xml", rss("G", ITEMS))
    context.feeds.add_feed(url)
    context.feeds.refresh()
    starred = context.items.item_ids()[0]
    context.items.set_flag([starred], "starred", True)
    context.store.db.execute("UPDATE items SET fetched = '2000-01-01T00:00:00Z'")
    context.settings.retention.feed_item_days = 30
    assert context.privacy.purge_expired() == {"feed_items": 1}
    assert context.items.item_ids() == [starred]
    assert context.items.item_ids(query="wegwerkzaamheden OR financiele") == [starred]


def test_refresh_and_flag_changes_from_another_thread_do_not_collide(context, feed_server):
    import threading

    first = feed_server.add("/a.xml", rss("A", ITEMS))
    context.feeds.add_feed(first)
    context.feeds.refresh()
    item_ids = context.items.item_ids()
    for index in range(20):
        url = feed_server.add(f"/f{index}.xml", rss(f"F{index}", [
            {"title": f"Bericht {index}", "guid": f"g{index}", "link": f"https://e.nl/{index}"}]))
        context.feeds.add_feed(url)
    errors: list[BaseException] = []
    stop = threading.Event()

    def mark_read_repeatedly():
        try:
            while not stop.is_set():
                context.items.topics_of(item_ids)  # a read first, as the window does
                context.items.set_flag(item_ids, "read", True)
                context.items.set_flag(item_ids, "read", False)
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    worker = threading.Thread(target=mark_read_repeatedly)
    worker.start()
    try:
        report = context.feeds.refresh()
    finally:
        stop.set()
        worker.join()
    assert errors == []
    assert report.new_items == 20


def test_tls_failure_is_reported_in_plain_language(context, feed_server):
    # https to the loopback server, which speaks plain HTTP: the TLS handshake fails.
    plain = feed_server.add("/plain.xml", rss("Gewoon", ITEMS))
    secure = plain.replace("http://", "https://")
    context.feeds.add_feed(secure)
    outcome = by_url(context.feeds.refresh())[secure]
    assert outcome.status == "error"
    assert outcome.error.startswith("The secure connection failed (TLS/certificate problem)")


def test_dns_failure_message_names_the_cause():
    # Resolving a name would send a query to the machine's resolver, so the mapping from the
    # resolver's error to the message is checked on the error httpx raises for it.
    import httpx

    error = httpx.ConnectError("[Errno -2] Name or service not known")
    assert fetcher._connect_message(error) == (
        "De servernaam is niet gevonden (DNS). Controleer het adres.")


def test_parsing_and_writing_rows_take_turns(context, feed_server, monkeypatch):
    from ambtenaar20.core.feeds import refresh

    active = {"parse": 0, "write": 0}
    overlaps: list[dict[str, int]] = []
    guard = threading.Lock()

    def spy(kind, original):
        def wrapper(*args, **kwargs):
            with guard:
                active[kind] += 1
                if sum(active.values()) > 1:
                    overlaps.append(dict(active))
            try:
                time.sleep(0.002)  # widens the window in which an overlap would show
                return original(*args, **kwargs)
            finally:
                with guard:
                    active[kind] -= 1
        return wrapper

    monkeypatch.setattr(refresh, "parse_feed", spy("parse", refresh.parse_feed))
    monkeypatch.setattr(refresh.FeedRefresh, "_store",
                        spy("write", refresh.FeedRefresh._store))
    # The writer takes its turn before the write lock, so the window's writes never wait for
    # a transaction that is itself waiting for a parser.
    open_while_waiting: list[bool] = []

    class TurnSpy:
        def __init__(self, lock):
            self.lock = lock

        def acquire(self):
            if threading.current_thread() is threading.main_thread():
                open_while_waiting.append(context.store.db.conn.in_transaction)
            self.lock.acquire()

        def release(self):
            self.lock.release()

        def __enter__(self):
            self.acquire()

        def __exit__(self, *_exc):
            self.release()

    monkeypatch.setattr(refresh, "_TURN", TurnSpy(refresh._TURN))
    for number in range(20):
        context.feeds.add_feed(feed_server.add(f"/t{number}.xml", rss(f"Feed {number}", [
            {"title": f"Bericht {number}-{index}", "guid": f"t{number}-{index}",
             "link": f"https://e.nl/{number}/{index}"} for index in range(30)])))
    report = context.feeds.refresh()
    assert [outcome.status for outcome in report.feeds] == ["ok"] * 20
    assert report.new_items == 600
    assert overlaps == []
    assert open_while_waiting and not any(open_while_waiting)


def test_the_log_does_not_list_the_feeds_fetched(context, feed_server, root_logger):
    import logging

    from ambtenaar20.core.logging_setup import configure_file_logging

    configure_file_logging(context.paths.log_file)
    url = feed_server.add("/private.xml?token=s3cret", rss("Privé", ITEMS))
    context.feeds.add_feed(url)
    missing = feed_server.url("/missing.xml")
    context.feeds.add_feed(missing)
    logging.getLogger("httpx").warning("a library warning still gets through")
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[url].status == "ok" and outcomes[missing].status == "error"
    for handler in root_logger.handlers:
        handler.flush()
    text = context.paths.log_file.read_text("utf-8")
    assert "s3cret" not in text and "private.xml" not in text
    assert "a library warning still gets through" in text
    assert "retention" not in text  # nothing was purged, so nothing to say


def test_a_refresh_applies_the_retention_period(context, feed_server):
    context.settings.retention.feed_item_days = 30
    url = feed_server.add("/old.xml", rss("Oud", ITEMS))  # published in 2021
    context.feeds.add_feed(url)
    context.feeds.refresh()
    # Just fetched, so not old yet; with nothing old enough the privacy service is not loaded.
    assert len(context.items.list_items()) == 2
    assert "privacy" not in vars(context)
    context.store.db.execute("UPDATE items SET fetched = '2021-09-08T00:00:00Z'")
    assert by_url(context.feeds.refresh())[url].status == "not_modified"
    assert context.items.list_items() == []


def test_unread_counts_follow_reading_and_come_from_the_unread_index(context, feed_server):
    url = feed_server.add("/a.xml", rss("A", [{"title": f"A{n}", "guid": f"a{n}",
                                               "link": f"https://a.example/{n}"}
                                              for n in range(4)]))
    context.feeds.add_feed(url)
    context.feeds.refresh()
    items = context.items
    ids = items.item_ids(limit=10, offset=0)
    items.set_flag(ids[:3], "read", True)
    [feed] = context.feeds.list_feeds()
    assert (feed["item_count"], feed["unread"]) == (4, 1)
    assert items.count_items(unread=True) == 1
    # The tree's counts are read at every start and after every change: from the index.
    plans = [" ".join(str(part) for part in row) for row in context.store.db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM items WHERE feed_id = 1 AND read = 0")]
    assert any("items_unread" in plan for plan in plans), plans
