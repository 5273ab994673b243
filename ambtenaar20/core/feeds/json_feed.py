"""Reading JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into plain entries.

Neither XML parser reads JSON Feed as the spec has it: feedparser not at all, and the fast
parser only items with a title and a URL, while an item needs neither (a microblog post has
only ``content_text``). This reads every item and hands ``parsing`` plain entries; cleaning
and keys are done there, the same for every format.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

#: A JSON document: optional byte order mark and white space, then an object.
_JSON_START = re.compile(rb"[\s]*(?:\xef\xbb\xbf)?[\s]*\{")


class NotJsonFeedError(ValueError):
    """The body is JSON, but no JSON Feed."""


@dataclass
class JsonEntry:
    """One item, as ``parsing`` builds items from it. ``identity`` is the item's ``id``."""

    identity: str
    title: str
    link: str
    author: str
    html: str
    published: datetime | None


def looks_like_json(body: bytes) -> bool:
    """Whether ``body`` is a JSON object (no XML feed starts with ``{``)."""
    return _JSON_START.match(body) is not None


def read(body: bytes) -> tuple[str, list[JsonEntry]]:
    """The feed's title and its entries; raises ``NotJsonFeedError`` for other JSON."""
    try:
        document = json.loads(body)  # bytes: UTF-8, -16 or -32, with or without a BOM
    except (ValueError, RecursionError) as error:  # RecursionError: nested too deeply
        raise NotJsonFeedError(str(error)) from None
    if not isinstance(document, dict):
        raise NotJsonFeedError("not a JSON object")
    version = document.get("version")
    items = document.get("items", [])
    if not isinstance(items, list) or not (
            (isinstance(version, str) and "jsonfeed.org" in version) or "items" in document):
        raise NotJsonFeedError("no JSON Feed")
    feed_author = _author(document)
    entries = [_entry(item, feed_author) for item in items if isinstance(item, dict)]
    return _text(document.get("title")), entries


def _entry(item: dict[str, Any], feed_author: str) -> JsonEntry:
    identity = _text(item.get("id"))
    link = _text(item.get("url"))
    if identity == "":  # as the fast parser read JSON Feed: "id", else "url"
        identity = link
    content_html = _text(item.get("content_html"))
    if not content_html:
        # Text, not markup: "<commissie>" is shown as written, line breaks are kept.
        plain = _text(item.get("content_text")) or _text(item.get("summary"))
        content_html = html.escape(plain, quote=False).replace("\n", "<br>")
    published = _date(item.get("date_published")) or _date(item.get("date_modified"))
    return JsonEntry(identity, _text(item.get("title")),
                     link or _text(item.get("external_url")),
                     _author(item) or feed_author, content_html, published)


def _author(holder: dict[str, Any]) -> str:
    """The first author's name: 1.1 has ``authors``, 1.0 ``author``."""
    authors = holder.get("authors")
    candidates = authors if isinstance(authors, list) else [holder.get("author")]
    for author in candidates:
        if isinstance(author, dict) and (name := _text(author.get("name"))):
            return name
    return ""


def _text(value: Any) -> str:
    """A string field; a number (an ``id`` of 12345) as its digits; anything else empty."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # "\ud800": a lone surrogate, which SQLite cannot store
            return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _date(value: Any) -> datetime | None:
    """An RFC 3339 date as the spec asks, or the RFC 822 form some generators write."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        stamp = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        try:
            stamp = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    try:
        return stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    except (OverflowError, ValueError):  # year 1 or 9999 moved across a day boundary
        return None
