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
# twitter-text v3: these code point ranges weigh 1, everything else 2.
_X_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))


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
    if target.counting == "weighted":
        return _weighted(text, target.url_length)
    if target.mention_without_domain:
        text = _MASTODON_MENTION.sub(r"\1", text)
    if target.url_length:
        text = URL.sub(lambda m: "x" * target.url_length, text)
    if target.counting == "graphemes":
        return len(_GRAPHEME.findall(text))
    if target.counting == "threads":
        return sum(len(g.encode("utf-8")) if _PICTOGRAPHIC.search(g) else len(g)
                   for g in _GRAPHEME.findall(text))
    return len(text)


def fit(text: str, target: Platform, limit: int) -> int:
    """How many characters of ``text`` fit within ``limit`` as ``target`` counts."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if count(text[:middle], target) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def _weighted(text: str, url_length: int) -> int:
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for match in URL.finditer(text):
        total += _weigh(text[position:match.start()]) + url_length
        position = match.end()
    return total + _weigh(text[position:])


def _weigh(text: str) -> int:
    total = 0
    for grapheme in _GRAPHEME.findall(text):
        if _PICTOGRAPHIC.search(grapheme):
            total += 2  # an emoji, however many code points, weighs 2
            continue
        for char in grapheme:
            point = ord(char)
            total += 1 if any(low <= point <= high for low, high in _X_LIGHT) else 2
    return total
