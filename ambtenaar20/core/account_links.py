"""Where a link leads to an account, as Mastodon writes the addresses of one.

A Fediverse handle ("@mia@mastodon.nl") is one account on one server. That server shows it at
``/@mia``, ``/@mia/<post>``, ``/@mia.rss``, ``/web/@mia``, ``/users/mia`` and
``/users/mia/statuses/<post>``; any server shows it as ``/@mia@mastodon.nl``. "/@mia" on another
server ("mastodon.social/@mia/1234") is another account, so the matcher of names
(``core/person_names.py``) asks here which pieces of a link are written as an account and on
which server, and counts the bare "mia" of "@mia@mastodon.nl" only there.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

#: The formats Mastodon serves an account in besides its page ("/@mia.rss", "/users/mia.json").
_FORMATS = (".rss", ".atom", ".json")


class Piece(NamedTuple):
    """A path segment, query value or fragment of a link, as written."""

    text: str
    #: The account the piece is written as ("mia" of "/@mia.rss" or "/users/mia"), or "".
    account: str


def link_pieces(folded: str) -> tuple[str, list[Piece]]:
    """The host of a (folded, decoded) link, without "www.", and its non-empty pieces."""
    split = urlsplit(folded)
    segments = [segment for segment in split.path.split("/") if segment]
    pieces: list[Piece] = []
    for index, segment in enumerate(segments):
        account = ""
        if segment.startswith("@") or (index and segments[index - 1] == "users"):
            account = segment.lstrip("@")
            for suffix in _FORMATS:
                account = account.removesuffix(suffix)
        pieces.append(Piece(segment, account))
    query = [value for _key, value in parse_qsl(split.query, keep_blank_values=True)]
    pieces += [Piece(value, "") for value in (*query, split.fragment) if value]
    return (split.hostname or "").removeprefix("www."), pieces
