"""Parsing: both parsers give the same dedupe keys; HTML pages are recognised and announced
feeds discovered."""

from __future__ import annotations

from datetime import UTC, datetime

from ambtenaar20.core.feeds import parsing
from tests.feeds.feed_server import rss

ITEMS = [
    {"title": "Guid en link", "guid": "urn:1", "link": "https://e.nl/1",
     "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Alleen guid", "guid": "https://e.nl/2", "pubDate": "Mon, 06 Sep 2021 16:45:00 GMT"},
    {"title": "Alleen link", "link": "https://e.nl/3", "pubDate": "Tue, 07 Sep 2021 08:00:00 GMT"},
    {"title": "Niets", "pubDate": "Wed, 08 Sep 2021 08:00:00 +0200"},
]


def test_dedupe_keys_do_not_depend_on_the_parser(monkeypatch):
    body = rss("Gemeente", ITEMS).encode()
    now = datetime.now(UTC)
    fast = parsing._try_fast(rss("G", ITEMS[:3]).encode(), now)
    assert fast is not None  # the fast path is really exercised
    both = parsing.parse_feed(body, now)  # an item without link: feedparser reads it all
    monkeypatch.setattr(parsing, "_try_fast", lambda *_args: None)
    slow = parsing.parse_feed(rss("G", ITEMS[:3]).encode(), now)
    assert [i.dedupe_key for i in fast.items] == [i.dedupe_key for i in slow.items]
    assert [i.dedupe_key for i in both.items][:3] == [i.dedupe_key for i in slow.items]
    assert [i.published for i in both.items] == ["2021-09-06T16:45:00Z", "2021-09-06T16:45:00Z",
                                                 "2021-09-07T08:00:00Z", "2021-09-08T06:00:00Z"]


def test_feed_links_are_discovered_in_a_page():
    page = (b'<html><head><link rel="alternate" type="application/atom+xml" title="Nieuws" '
            b'href="/atom.xml"><link rel="stylesheet" href="/s.css">'
            b'<link rel="alternate" type="application/rss+xml" href="https://x.nl/rss"></head>')
    assert parsing.looks_like_html(page, "text/html; charset=utf-8")
    assert parsing.discover_feed_links(page, "https://www.gemeente.nl/") == [
        ("https://www.gemeente.nl/atom.xml", "Nieuws"), ("https://x.nl/rss", "")]


def test_only_web_and_mail_links_are_kept_whichever_parser_reads_the_feed(monkeypatch):
    links = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
             "file:///etc/passwd", "https://e.nl/ok", "mailto:info@e.nl", "http://e.nl/ok"]
    items = [{"title": f"Bericht {number}", "guid": f"urn:{number}", "link": link,
              "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"} for number, link in enumerate(links)]
    body = rss("Gemeente", items).encode()
    now = datetime.now(UTC)
    expected = ["", "", "", "", "https://e.nl/ok", "mailto:info@e.nl", "http://e.nl/ok"]
    assert [item.link for item in parsing.parse_feed(body, now).items] == expected
    monkeypatch.setattr(parsing, "_try_fast", lambda *_args: None)
    assert [item.link for item in parsing.parse_feed(body, now).items] == expected
