"""Count a post the way each platform counts it, against limits that are data.

``len()`` is wrong for every platform: X weighs characters (URLs 23, emoji 2), Mastodon counts
graphemes with every link as 23 and ``@user@server`` as ``@user``, Bluesky counts graphemes,
Threads counts an emoji as its UTF-8 bytes. The limits live in ``packs/platforms.toml``.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

_TLDS = "nl|com|org|net|eu|be|de|ly|co|io|gov|info|app|social|gl|gd|cc|at|in|it|gy|al"
# Links with a scheme or www., and bare domains with a known ending ("bit.ly/abc").
URL = regex.compile(
    r"(?:(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
    rf"|(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
    r"(?![\w@-]))"
)
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


def count(text: str, target: Platform) -> int:
    """Length of ``text`` as ``target`` counts it."""
    return sum(weight for _end, weight in _units(text, target))


def fit(text: str, target: Platform, limit: int) -> int:
    """How many characters of ``text`` fit within ``limit`` as ``target`` counts."""
    total = 0
    fitting = 0
    for end, weight in _units(text, target):
        total += weight
        if total > limit:
            break
        fitting = end
    else:
        return len(text)
    return fitting


def _units(text: str, target: Platform) -> list[tuple[int, int]]:
    """The text as (end offset, weight) pieces: one per grapheme, link or mention domain.

    Offsets are into the original text, so ``fit`` can say where a platform would cut.
    """
    if target.counting == "weighted":
        text = unicodedata.normalize("NFC", text)
    special: list[tuple[int, int, int]] = []  # (start, end, weight) of links and domains
    if target.url_length:
        special += [(m.start(), m.end(), target.url_length) for m in URL.finditer(text)]
    if target.mention_without_domain:
        special += [(m.end(1), m.end(), 0) for m in _MASTODON_MENTION.finditer(text)
                    if not any(s <= m.start() < e for s, e, _w in special)]
    special.sort()
    units: list[tuple[int, int]] = []
    position = 0
    for start, end, weight in [*special, (len(text), len(text), 0)]:
        if start < position:
            continue
        for match in _GRAPHEME.finditer(text, position, start):
            units.append((match.end(), _grapheme_weight(match.group(), target.counting)))
        if end > start:
            units.append((end, weight))
        position = end
    return units


def _grapheme_weight(grapheme: str, counting: str) -> int:
    if counting == "graphemes":
        return 1
    if counting == "characters":
        return len(grapheme)
    pictographic = grapheme[0] > "\u00ff" and _PICTOGRAPHIC.search(grapheme)
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
