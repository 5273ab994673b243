"""Which items are new: distinct items sharing a link or guid are all kept, none comes back twice.

Real feed files from ``files/`` served over loopback, refreshed as the app does. The upgrade
cases store items under the keys the previous version gave them, then refresh: an item already
stored must never come back as new.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from ambtenaar20.core.feeds import ingest, parsing
from ambtenaar20.core.feeds.parsing import ParsedFeed, ParsedItem
from tests.feeds.feed_server import rss

FILES = Path(__file__).parent / "files"
SHARED_LINK = "https://www.gemeente.example/bekendmakingen"


def serve(feed_server, name: str, body: bytes | None = None) -> str:
    return feed_server.add("/" + name, FILES.joinpath(name).read_bytes() if body is None
                           else body)


def titles(context) -> list[str]:
    return sorted(item["title"] for item in context.items.list_items(limit=0))


def texts(context) -> list[str]:
    return sorted(item["text"] for item in context.items.list_items(limit=0))


def follow_and_refresh(context, url: str) -> int:
    context.feeds.add_feed(url)
    return context.feeds.refresh().new_items


def test_notices_sharing_one_link_are_all_kept_once(context, feed_server):
    url = serve(feed_server, "samelink.xml")
    assert follow_and_refresh(context, url) == 3
    assert titles(context) == ["Omgevingsvergunning Dorpsstraat 1", "Omgevingsvergunning Kerkweg 5",
                               "Verkeersbesluit Marktplein"]
    # The next fetch brings one more notice with the same link: only that one is new.
    body = FILES.joinpath("samelink.xml").read_bytes().replace(
        b"</channel>", b"<item><title>Kapvergunning Beukenlaan</title><link>" +
        SHARED_LINK.encode() + b"</link><pubDate>Thu, 05 Jun 2025 10:00:00 GMT</pubDate>"
        b"<description>Kap van twee beuken.</description></item></channel>")
    serve(feed_server, "samelink.xml", body)
    assert context.feeds.refresh().new_items == 1
    # Later only one notice is left in the feed: it is no longer shared, and still not new.
    single = rss("Bekendmakingen", [{"title": "Kapvergunning Beukenlaan", "link": SHARED_LINK,
                                     "pubDate": "Thu, 05 Jun 2025 10:00:00 GMT",
                                     "description": "Kap van twee beuken."}])
    serve(feed_server, "samelink.xml", single.encode())
    assert context.feeds.refresh().new_items == 0
    assert len(titles(context)) == 4


def test_items_with_only_a_description_are_all_kept(context, feed_server):
    url = serve(feed_server, "notitle.xml")
    assert follow_and_refresh(context, url) == 3
    assert texts(context) == ["Derde bericht over wonen.",
                              "Eerste bericht zonder titel, link, guid of datum over zorg.",
                              "Tweede bericht, ook zonder titel, over jeugd."]
    serve(feed_server, "notitle.xml", FILES.joinpath("notitle.xml").read_bytes() + b"\n")
    assert context.feeds.refresh().new_items == 0


def test_a_lone_untitled_item_is_new_when_its_text_is(context, feed_server):
    """A feed that shows one untitled, undated item at a time: each new text is a new item."""
    url = feed_server.add("/status.xml", rss("Status", [{"description": "Storing opgelost."}]))
    assert follow_and_refresh(context, url) == 1
    feed_server.add("/status.xml", rss("Status", [{"description": "Nieuwe storing."}]))
    assert context.feeds.refresh().new_items == 1


def test_two_items_sharing_a_guid_are_both_kept(context, feed_server):
    url = serve(feed_server, "dupguid.xml")
    assert follow_and_refresh(context, url) == 2
    assert titles(context) == ["Bericht A", "Bericht B"]
    links = sorted(item["link"] for item in context.items.list_items())
    assert links == ["http://example.org/a", "http://example.org/b"]


def _old_hash(title: str, date: str) -> str:
    """The key the previous version gave an item without guid and link."""
    return "hash:" + hashlib.sha256(f"{title}\x00{date}".encode()).hexdigest()


def _store_as_before(context, url: str, key: str, title: str, published: str,
                     text: str) -> None:
    """An item as the previous version stored it: under ``key``, the rest as parsed now."""
    feed_id = context.feeds.find_feed(url)["id"]
    item = ParsedItem(key, title, "", "", published, f"<p>{text}</p>", text)
    db = context.store.db
    with db.atomic():
        before = ingest.last_item_id(db)
        ingest.insert_items(db, feed_id, ParsedFeed("", [item]),
                            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        ingest.index_new_items(db, before, [], {}, {})


def test_an_item_stored_by_the_previous_version_does_not_come_back(context, feed_server):
    # The previous version kept the first of the notices sharing a link, under the link.
    url = serve(feed_server, "samelink.xml")
    context.feeds.add_feed(url)
    _store_as_before(context, url, "id:" + SHARED_LINK, "Omgevingsvergunning Dorpsstraat 1",
                     "2025-06-02T10:00:00Z", "Vergunning verleend voor Dorpsstraat 1.")
    assert context.feeds.refresh().new_items == 2
    serve(feed_server, "samelink.xml", FILES.joinpath("samelink.xml").read_bytes() + b"\n")
    assert context.feeds.refresh().new_items == 0
    assert len(titles(context)) == 3

    # And the first of the items with neither title, link nor date, under the hash of nothing.
    other = serve(feed_server, "notitle.xml")
    context.feeds.add_feed(other)
    _store_as_before(context, other, _old_hash("", ""), "", "2025-06-04T12:00:00Z",
                     "Eerste bericht zonder titel, link, guid of datum over zorg.")
    report = context.feeds.refresh()
    assert {outcome.url: outcome.new_items for outcome in report.feeds}[other] == 2


def test_keys_of_items_that_were_told_apart_before_do_not_change():
    """Feeds that were fine keep their keys: no item is new again after the upgrade."""
    items = [
        {"title": "Guid en link", "guid": "urn:1", "link": "https://e.nl/1",
         "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
        {"title": "Alleen link", "link": "https://e.nl/3", "pubDate": "Tue, 07 Sep 2021 08:00 GMT"},
        {"title": "Relatieve link", "link": "/nieuws/4", "pubDate": "Tue, 07 Sep 2021 09:00 GMT"},
        {"title": "Niets", "pubDate": "Wed, 08 Sep 2021 08:00:00 +0200"},
        {"title": "Niets", "pubDate": "Wed, 08 Sep 2021 09:00:00 +0200"},
    ]
    feed = parsing.parse_feed(rss("Gemeente", items).encode(), datetime.now(UTC),
                              base_url="https://www.gemeente.example/rss")
    assert [item.dedupe_key for item in feed.items] == [
        "id:urn:1", "id:https://e.nl/3", "id:/nieuws/4",
        _old_hash("Niets", "2021-09-08T06:00:00+00:00"),
        _old_hash("Niets", "2021-09-08T07:00:00+00:00")]
