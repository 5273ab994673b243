"""Count a post the way each platform counts it, against limits that are data.

``len()`` is wrong for every platform: X weighs characters (URLs 23, emoji 2), Mastodon counts
graphemes with every http(s) link as 23 and ``@user@server`` as ``@user``, Bluesky counts graphemes,
Threads counts an emoji as its UTF-8 bytes. The limits live in ``packs/platforms.toml``.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from ambtenaar20.core.analysis.links import URL

_SCHEME = regex.compile(r"https?://", regex.IGNORECASE)
_MASTODON_MENTION = regex.compile(r"(?<![\w@])(@[\w.]+)@[\w-]+(?:\.[\w-]+)+")
_GRAPHEME = regex.compile(r"\X")
_PICTOGRAPHIC = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}")


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    limit: int
    counting: str
    url_length: int = 0
    #: Only links with http(s):// get ``url_length`` (Mastodon); else bare domains too (X).
    url_needs_scheme: bool = False
    mention_without_domain: bool = False
    source: str = ""


@cache
def platforms() -> dict[str, Platform]:
    """Every known platform, from the shipped ``platforms.toml``."""
    raw = tomllib.loads((resources.files("ambtenaar20") / "packs" / "platforms.toml")
                        .read_text(encoding="utf-8"))
    return {key: Platform(id=key, **value) for key, value in raw.items()}


ALIASES = {"twitter": "x", "fb": "facebook", "bsky": "bluesky", "ig": "instagram"}


def platform(name: str) -> Platform | None:
    key = name.strip().lower()
    return platforms().get(ALIASES.get(key, key))


def post_text(text: str) -> str:
    """The part of ``text`` that is posted: an editor's final line break is not part of it."""
    return text.rstrip()


def count(text: str, target: Platform) -> int:
    """Length of ``text`` as ``target`` counts it."""
    return measure(text, target, None)[0]


def fit(text: str, target: Platform, limit: int) -> int:
    """How many characters of ``text`` fit within ``limit`` as ``target`` counts."""
    fits = measure(text, target, limit)[1]
    return len(text) if fits is None else fits


def measure(text: str, target: Platform, limit: int | None) -> tuple[int, int | None]:
    """The count, and (when over ``limit``) how many characters fit: one pass for both.

    X counts NFC-normalised text; when normalising changes the text, the count is of the
    normalised form and the cut-off point an offset in the text as given.
    """
    if target.counting == "weighted":
        normalised = unicodedata.normalize("NFC", text)
        if normalised != text:
            total = _measure(normalised, target, None)[0]
            if limit is None or total <= limit:
                return total, None  # all of it fits, even if the raw form would count more
            return total, _measure(text, target, limit)[1]
    return _measure(text, target, limit)


def _measure(text: str, target: Platform, limit: int | None) -> tuple[int, int | None]:
    total = 0
    fits: int | None = None
    for start, end, weight in _segments(text, target):
        if weight is None and "\r" not in text[start:end] and text[start:end].isascii():
            # Plain ASCII: every character is one grapheme of weight 1; no loop needed.
            if fits is None and limit is not None and total + (end - start) > limit:
                fits = start + max(limit - total, 0)
            total += end - start
            continue
        if weight is None:
            pieces = [(m.start(), _grapheme_weight(m.group(), target.counting))
                      for m in _GRAPHEME.finditer(text, start, end)]
        else:
            pieces = [(start, weight)]
        for piece_start, piece_weight in pieces:
            if fits is None and limit is not None and total + piece_weight > limit:
                fits = piece_start
            total += piece_weight
    return total, fits


def _segments(text: str, target: Platform) -> list[tuple[int, int, int | None]]:
    """(start, end, weight) pieces: links and mention domains with a fixed weight, and the
    plain text between them (weight None: counted grapheme by grapheme)."""
    special: list[tuple[int, int, int]] = []
    if target.url_length:
        special += [(m.start(), m.end(), target.url_length) for m in URL.finditer(text)
                    if not target.url_needs_scheme or _SCHEME.match(m.group())]
    if target.mention_without_domain:
        special += [(m.end(1), m.end(), 0) for m in _MASTODON_MENTION.finditer(text)
                    if not any(s <= m.start() < e for s, e, _w in special)]
    special.sort()
    segments: list[tuple[int, int, int | None]] = []
    position = 0
    for start, end, weight in special:
        if start < position:
            continue
        if start > position:
            segments.append((position, start, None))
        segments.append((start, end, weight))
        position = end
    if position < len(text):
        segments.append((position, len(text), None))
    return segments


def _grapheme_weight(grapheme: str, counting: str) -> int:
    if counting == "graphemes":
        return 1
    if counting == "characters":
        return len(grapheme)
    # Keycaps ("1\ufe0f\u20e3") and a sign followed by the emoji selector ("\u00a9\ufe0f")
    # are emoji too, though their first character is plain text.
    pictographic = ((grapheme[0] > "\u00ff" and _PICTOGRAPHIC.search(grapheme))
                    or "\u20e3" in grapheme or "\ufe0f" in grapheme[1:])
    if counting == "threads":
        return len(grapheme.encode("utf-8")) if pictographic else len(grapheme)
    if pictographic:
        return 2  # X: an emoji, however many code points, weighs 2
    total = 0
    for char in grapheme:
        point = ord(char)
        light = (point <= 0x10FF or 0x2000 <= point <= 0x200D or 0x2010 <= point <= 0x201F
                 or 0x2032 <= point <= 0x2037)
        total += 1 if light else 2
    return total
