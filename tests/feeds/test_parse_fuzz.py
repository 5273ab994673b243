"""Any bytes a server sends: parsing yields a feed or ``NotAFeedError``, nothing else.

The corpus test serves every real-world case; this one throws mutated and random bytes at the
parser, including pieces of the hostile constructs (script, entities, CDATA, broken encodings).
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from ambtenaar20.core.feeds.parsing import NotAFeedError, parse_feed

PIECES = st.sampled_from([
    b'<?xml version="1.0" encoding="utf-8"?>', b'<?xml version="1.0" encoding="koi8-r"?>',
    b'<rss version="2.0">', b"</rss>", b"<channel>", b"</channel>", b"<item>", b"</item>",
    b"<title>T</title>", b"<link>https://e.nl/1</link>", b"<guid>g</guid>",
    b"<description>&lt;script&gt;x()&lt;/script&gt;</description>", b"<pubDate>Mon, 06 Sep",
    b'<feed xmlns="http://www.w3.org/2005/Atom">', b"</feed>", b"<entry>", b"</entry>",
    b'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">', b"</div></content>",
    b'<!DOCTYPE x [<!ENTITY e "eee">]>', b"&e;", b"<![CDATA[", b"]]>", b"\xff\xfe", b"\x00",
    b"\xc3\xa9", b"<img src='http://tracker/p.gif' onerror='x()'>", b"base64", b"mode="])

MAX_BYTES = 4000


@settings(max_examples=200, deadline=None)
@given(body=st.one_of(st.binary(max_size=MAX_BYTES),
                      st.lists(PIECES, max_size=30).map(b"".join)))
def test_any_bytes_parse_to_a_feed_or_not_a_feed(body):
    try:
        feed = parse_feed(body, datetime(2026, 11, 27, tzinfo=UTC))
    except NotAFeedError:
        return
    # Sanitising happens when items are stored (tested on the corpus); here: well-formed items.
    assert all(isinstance(item.title, str) and isinstance(item.html, str)
               and item.dedupe_key for item in feed.items)
