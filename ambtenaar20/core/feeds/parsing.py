"""Turning fetched bytes into clean items: fast parser first, feedparser where it fails.

fastfeedparser is ~90x faster than feedparser, which is what keeps a refresh of many feeds
quick; it is used only when it yields entries, and feedparser (the reference, which copes with
ill-formed and odd feeds) takes over otherwise. JSON Feed is read by ``json_feed``. Neither
parser's HTML is trusted: every HTML field goes through ``sanitize_html`` here, whichever
parser produced it. Relative links are resolved against the feed's ``xml:base`` or the address
it was fetched from; a date later than the fetch is taken as the time of the fetch (a date in
2100 would keep an item on top, and from the retention, for ever).

Item keys (``dedupe_key``) decide what is new. They are "guid, else link", else a hash of title
and date (of the text too when there is no title), as before, so items stored by an earlier
version are recognised. Items of one fetch that share a key (notices that all link to one
page, a guid used twice) are told apart by a digest of title, date and (untitled) text; see
``_distinguish`` and ``ingest.insert_items``.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from ambtenaar20.core.feeds import json_feed
from ambtenaar20.core.feeds.feed_errors import FeedError
from ambtenaar20.core.feeds.sanitize import (
    C0_REFERENCE,
    absolute_link,
    absolute_links,
    html_to_text,
    may_hold_controls,
    plain_text,
    sanitize_html,
)

log = logging.getLogger(__name__)


class NotAFeedError(Exception):
    """The bytes are not a feed (for example an HTML page or an error page)."""


@dataclass
class ParsedItem:
    dedupe_key: str
    title: str
    link: str
    author: str
    published: str
    html: str
    text: str
    #: ``(key, title, published, text)``: the key an earlier version (or a fetch where it was
    #: alone) stored it under, and what the stored item must show to be this one (``None``:
    #: anything); see ``ingest.insert_items``.
    legacy: tuple[str, str, str | None, str | None] | None = None
    #: ``(title, date, text)`` as the parser read them: what tells the item apart from others
    #: with its key (see ``aliases``).
    basis: tuple[str, datetime | None, str] | None = field(default=None, repr=False)
    _aliases: tuple[str, ...] | None = field(default=None, repr=False)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other keys this same item is stored under if it is known: its key among others
        that shared its plain key (see ``_distinguish``). Worked out when asked: most items
        are known by their key, and a refresh has thousands."""
        if self._aliases is None:
            self._aliases = () if self.basis is None else (
                f"{self.dedupe_key}#{_told_apart(*self.basis)[:16]}",)
        return self._aliases

    @aliases.setter
    def aliases(self, value: tuple[str, ...]) -> None:
        self._aliases = tuple(value)


@dataclass
class ParsedFeed:
    title: str
    items: list[ParsedItem] = field(default_factory=list)


def parse_feed(body: bytes, fetched: datetime, content_type: str = "",
               base_url: str = "") -> ParsedFeed:
    """Parse ``body``; raises ``NotAFeedError`` when it is no feed at all.

    ``base_url`` is the address the body was fetched from (after redirects): relative links
    are resolved against it, or against the ``xml:base`` the feed sets.
    """
    if fetched.tzinfo is None:
        fetched = fetched.astimezone(UTC)
    if not _is_web_address(base_url):
        base_url = ""
    if json_feed.looks_like_json(body):
        return _json(body, fetched, base_url)
    fast = _try_fast(body, fetched, base_url)
    if fast is not None:
        return fast
    feedparser = _feedparser()

    # Headers are passed so feedparser can use the declared encoding. The address only with
    # an xml:base: feedparser would resolve links with it before the key is taken from them,
    # and items stored under their relative link would come back as new (``_item`` resolves
    # them); but without it, an item's xml:base holds for every item after it.
    headers = {"content-type": content_type} if content_type else {}
    if base_url and b"xml:base" in body:
        headers["content-location"] = base_url
    parsed = feedparser.parse(body, response_headers=headers or None, sanitize_html=False,
                              resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    feed_info = parsed.get("feed") or {}
    if not entries and not feed_info.get("title") and parsed.get("bozo"):
        raise NotAFeedError(str(parsed.get("bozo_exception", "")))
    if not entries and not feed_info and not parsed.get("version"):
        raise NotAFeedError("no feed elements")
    title = plain_text(str(feed_info.get("title", "") or ""))
    return ParsedFeed(title, _distinguish([_item(entry, fetched, _entry_base(entry, base_url),
                                                 slow=True) for entry in entries]))


#: Zones feedparser's RFC 822 reader does not know (it reads them as UTC) and the fast parser
#: does; lower case, in hours, as its table (``timezone_names``) holds them. Dutch sites write
#: CET/CEST.
_FEEDPARSER_ZONES = {"cet": 1, "cest": 2, "met": 1, "mest": 2, "wet": 0, "west": 1, "eet": 2,
                     "eest": 3}
#: And the other way round: zones feedparser knows and the fast parser reads as UTC, in
#: seconds, as its table holds them. It has no public way to add one: a test of both parsers
#: (``test_central_european_zones_mean_the_same_to_both_parsers``) notices if this stops working.
_FAST_ZONES = {"MET": 3600, "MEST": 7200}
_feedparser_ready = False
_fastfeedparser_ready = False


def _feedparser() -> Any:
    """feedparser, imported on first use, its zone table completed (``_FEEDPARSER_ZONES``)."""
    global _feedparser_ready
    import feedparser

    if not _feedparser_ready:
        from feedparser.datetimes import rfc822

        for name, hours in _FEEDPARSER_ZONES.items():
            rfc822.timezone_names.setdefault(name, hours)
        _feedparser_ready = True
    return feedparser


def _fastfeedparser() -> Any:
    """fastfeedparser, imported on first use, its zone table completed (``_FAST_ZONES``)."""
    global _fastfeedparser_ready
    import fastfeedparser

    if not _fastfeedparser_ready:
        table = getattr(getattr(fastfeedparser, "main", None), "_custom_tzinfos", None)
        if isinstance(table, dict):
            for name, seconds in _FAST_ZONES.items():
                table.setdefault(name, seconds)
        _fastfeedparser_ready = True
    return fastfeedparser


def _is_web_address(url: str) -> bool:
    return url[:8].lower().startswith(("http://", "https://"))


def _entry_base(entry: Any, base_url: str) -> str:
    """The address an entry's relative links resolve against: its ``xml:base``, as feedparser
    reports it with the content, made absolute with the feed's address."""
    for detail in (*(entry.get("content") or [])[:1], entry.get("summary_detail")):
        xml_base = detail.get("base") if isinstance(detail, dict) else None
        if xml_base:
            joined = urljoin(base_url, str(xml_base))
            return joined if _is_web_address(joined) else base_url
    return base_url


def _json(body: bytes, fetched: datetime, base_url: str) -> ParsedFeed:
    try:
        title, entries = json_feed.read(body)
    except json_feed.NotJsonFeedError as error:
        raise NotAFeedError(str(error)) from None
    items = [_make_item(plain_text(entry.title), entry.link, entry.identity.strip(),
                        plain_text(entry.author), entry.html, entry.published, fetched,
                        base_url) for entry in entries]
    return ParsedFeed(plain_text(title), _distinguish(items))


_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""")
#: Constructs the fast parser gets wrong (measured on the feedparser corpus): inline XHTML or
#: base64/escaped content modes, where it loses titles or returns them encoded.
_FAST_PATH_HAZARDS = (b"xhtml", b"mode=", b"base64")
#: What XML 1.0 forbids and the fast parser's repair of the document then mangles (it drops
#: the markup of escaped HTML): C0 controls but tab, line feed and carriage return, as bytes
#: or as references ("&#27;"). Escaped once more ("&amp;#27;") it is text, and allowed.
_XML_FORBIDDEN_BYTES = tuple(bytes([code]) for code in (*range(0x09), 0x0b, 0x0c,
                                                          *range(0x0e, 0x20)))
_XML_FORBIDDEN_REFERENCE = re.compile(rb"&#" + C0_REFERENCE)
_XML_BASE = re.compile(rb"""xml:base\s*=\s*["']([^"']*)["']""")
_FIRST_ENTRY = re.compile(rb"<(?:[A-Za-z0-9_.-]+:)?(?:item|entry)[\s>/]")


def _fast_path_suits(body: bytes) -> bool:
    """Plain UTF-8 feeds only: anything else is feedparser's (it detects encodings)."""
    declared = _DECLARED_ENCODING.match(body[:200])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii"):
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(hazard in body for hazard in _FAST_PATH_HAZARDS)


def _document_base(body: bytes, base_url: str) -> str | None:
    """What relative links resolve against on the fast path: the feed's address, or the
    ``xml:base`` set before the first item (on ``<feed>``, ``<rss>``, ``<channel>``, as
    WordPress does). ``None`` when an item sets its own: the fast parser does not see it."""
    if b"xml:base" not in body:
        return base_url
    first = _FIRST_ENTRY.search(body)
    limit = first.start() if first else len(body)
    base = base_url
    for found in _XML_BASE.finditer(body):
        if found.start() > limit:
            return None
        value = found.group(1).decode("utf-8", errors="replace").replace("&amp;", "&")
        joined = urljoin(base, value.strip())
        base = joined if _is_web_address(joined) else base
    return base


def _try_fast(body: bytes, fetched: datetime, base_url: str = "") -> ParsedFeed | None:
    if not _fast_path_suits(body):
        return None
    base = _document_base(body, base_url)
    if base is None:
        return None
    # One look at the bytes instead of one per text field of every item (the hot path).
    controls = may_hold_controls(body)
    if controls and (any(forbidden in body for forbidden in _XML_FORBIDDEN_BYTES)
                     or _XML_FORBIDDEN_REFERENCE.search(body) is not None):
        return None  # ill-formed XML: feedparser copes with it
    try:
        parsed = _fastfeedparser().parse(body, include_media=False, include_enclosures=False)
        entries = parsed.get("entries") or []
        # An entry without title or link may be one the fast parser misread: let feedparser
        # have the whole feed rather than store a half-read item.
        if not entries or not all(entry.get("title") and entry.get("link")
                                  for entry in entries):
            return None
        title = plain_text(str((parsed.get("feed") or {}).get("title", "") or ""),
                           controls=controls)
        return ParsedFeed(title, _distinguish([
            _item(entry, fetched, base, slow=False, controls=controls) for entry in entries]))
    except Exception:  # the fast path is an optimisation: anything odd goes to feedparser
        log.debug("fast parser gave up; using feedparser", exc_info=True)
        return None


def _item(entry: Any, fetched: datetime, base: str, *, slow: bool,
          controls: bool = True) -> ParsedItem:
    title = plain_text(str(entry.get("title", "") or ""), controls=controls)
    link = str(entry.get("link", "") or "").strip()
    author = plain_text(str(entry.get("author", "") or ""), controls=controls)
    # The key must come out the same whichever parser read the feed (a feed can move between
    # them from one refresh to the next): feedparser copies a permalink guid into ``link``, the
    # fast parser copies ``link`` into ``id``, so "guid, else link" is one value for both.
    identity = str(entry.get("id", "") or "").strip() or link
    return _make_item(title, link, identity, author, _content(entry, slow),
                      _published(entry, slow), fetched, base, controls)


def _make_item(title: str, link: str, identity: str, author: str, raw_html: str,
               parsed_date: datetime | None, fetched: datetime, base: str,
               controls: bool = True) -> ParsedItem:
    """An item from what a parser read; ``title`` and ``author`` are already plain text.

    ``identity`` (guid, else link, as the parser gave it: not resolved, so the key of an item
    with a relative link stays what it was) makes the key; else title and date do, and the
    text too when there is no title (a feed of untitled, undated items would otherwise give
    every item the same key). See ``_distinguish`` for items that share a key.
    """
    clean = absolute_links(sanitize_html(raw_html, controls=controls), base)
    text = html_to_text(clean)
    dated = parsed_date is not None
    published = published_at(parsed_date, fetched)
    # What a stored item must show to be this one: the date only when the feed gave one.
    shows = (title, published if dated else None, None if title else text)
    basis = (title, parsed_date, text)
    if identity:
        key = "id:" + identity
        legacy = (key, *shows)
    elif title:
        key = "hash:" + _told_apart(*basis)
        legacy = (key, *shows)
    else:  # earlier versions hashed the (empty) title and the date only
        key = "hash:" + _told_apart(*basis)
        date_part = parsed_date.isoformat() if parsed_date is not None else ""
        legacy = ("hash:" + hashlib.sha256(f"\x00{date_part}".encode()).hexdigest(), *shows)
    return ParsedItem(key, title, absolute_link(link, base), author, published, clean, text,
                      legacy=legacy, basis=basis)


def published_at(parsed_date: datetime | None, fetched: datetime) -> str:
    """The date an item is stored with ("2026-03-02T07:00:00Z"): the feed's, or the fetch's
    when the feed gives none or one after the fetch (see the module docstring)."""
    moment = fetched if parsed_date is None or parsed_date > fetched else parsed_date
    # isoformat: a third of strftime's cost, for every item of every refresh (measured).
    return moment.astimezone(UTC).isoformat(timespec="seconds")[:19] + "Z"


def _told_apart(title: str, parsed_date: datetime | None, text: str) -> str:
    """The digest of what tells an item apart: title and date, or text and date untitled.
    With a title it is the key earlier versions gave an item without guid and link."""
    date_part = parsed_date.isoformat() if parsed_date is not None else ""
    basis = f"{title}\x00{date_part}" if title else f"\x00{date_part}\x00{text}"
    return hashlib.sha256(basis.encode()).hexdigest()


def _distinguish(items: list[ParsedItem]) -> list[ParsedItem]:
    """Give items of one fetch that share a key a key of their own (their alias).

    Only those: every other item keeps the key it always had, so nothing stored comes back as
    new. One that shared its key keeps a ``legacy`` check, as an earlier version (or an
    earlier fetch, where it was alone) may have stored it under the shared key.
    """
    counts = Counter(item.dedupe_key for item in items)
    if len(counts) == len(items):
        return items
    for item in items:
        if counts[item.dedupe_key] > 1:
            item.dedupe_key, item.aliases = item.aliases[0], ()
    return items


def _content(entry: Any, slow: bool) -> str:
    contents = entry.get("content") or []
    best = ""
    for part in contents:
        value = part.get("value", "") if isinstance(part, dict) else str(part or "")
        if len(value) > len(best):
            best = value
    summary = str((entry.get("summary") if slow else entry.get("description")) or "")
    if not slow and not summary:
        summary = str(entry.get("summary", "") or "")
    return best if len(best) >= len(summary) else summary


def _published(entry: Any, slow: bool) -> datetime | None:
    if slow:
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            value = entry.get(key)
            if value:
                try:
                    return datetime.fromtimestamp(calendar.timegm(value), UTC)
                except (OverflowError, ValueError, TypeError):
                    continue
        return None
    for key in ("published", "updated"):
        value = entry.get(key)
        if value:
            try:
                stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            except ValueError:
                continue
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return None


#: ``type`` values of ``<link rel="alternate">`` that announce a feed (parameters such as
#: ``; charset=UTF-8`` aside). Not ``application/json``: WordPress announces its REST API so.
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/x.atom+xml", "application/x-atom+xml", "text/xml",
})


def discover_feed_links(body: bytes, base_url: str) -> list[tuple[str, str]]:
    """``(url, title)`` of the feeds an HTML page announces with ``<link rel="alternate">``.

    Relative addresses resolve against the page's ``<base href>`` when it has one (Plone
    writes one), else against ``base_url``. An address announced twice (say once per
    language) is one feed, with its first title.
    """
    from html.parser import HTMLParser

    found: list[tuple[str, str]] = []
    bases: list[str] = []

    class _Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in ("link", "base"):
                return
            values = {name.lower(): (value or "") for name, value in attrs}
            href = values.get("href", "").strip()
            if tag == "base":
                if href:
                    bases.append(href)
                return
            rels = values.get("rel", "").lower().split()
            kind = values.get("type", "").split(";")[0].strip().lower()
            if "alternate" in rels and kind in FEED_TYPES and href:
                found.append((href, values.get("title", "").strip()))

    reader = _Links()
    try:
        reader.feed(body[:2_000_000].decode("utf-8", errors="replace"))
    except Exception:  # a broken page simply has no feed links
        log.debug("feed discovery failed", exc_info=True)
    base = base_url
    if bases:  # the first <base href> counts, for every address on the page
        joined = urljoin(base_url, bases[0])
        base = joined if _is_web_address(joined) else base_url
    feeds: dict[str, str] = {}
    for href, title in found:
        feeds.setdefault(urljoin(base, href), title)
    return list(feeds.items())


def not_a_feed_reason(body: bytes, content_type: str) -> FeedError:
    """Why ``body`` (on which ``parse_feed`` raised ``NotAFeedError``) is no feed, in plain
    words: the same for a refresh and for ``feeds add``."""
    if looks_like_html(body, content_type):
        return FeedError("web_page")
    return FeedError("not_a_feed")


def parse_failure_reason(error: Exception) -> FeedError:
    """The words for a parser that failed on a feed (a parser bug, not a bad feed)."""
    return FeedError("unreadable", reason=str(error))


def looks_like_html(body: bytes, content_type: str) -> bool:
    head = body[:1024].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))
