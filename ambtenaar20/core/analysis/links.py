"""Where a text has links: the one pattern the checks and the personal-data finder share.

Platforms count links their own way, jargon and spelling must not "correct" words inside a link,
and a number inside a link is an id rather than a citizen's number.
"""

from __future__ import annotations

import regex

_TLDS = "nl|com|org|net|eu|be|de|ly|co|io|gov|info|app|social|gl|gd|cc|at|in|it|gy|al"
#: The endings a bare domain is recognised by ("bit.ly", "jan.bsky.social").
TLDS = frozenset(_TLDS.split("|"))
#: Links with a scheme or www., and bare domains with a known ending ("bit.ly/abc").
URL = regex.compile(
    r"(?:(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
    rf"|(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
    r"(?![\w@-]))"
)
