"""The log's free-text search: which entries hold what the officer typed in the search box.

Kept apart from ``service.py``, which stores and reads entries: how a search compares text
(case, accents) and how it becomes SQL that stays fast on a large log are one question, asked
by every filtered list, count and export through ``LogbookService._where``.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata
from collections.abc import Callable

#: The fields a search looks in.
_SEARCHED = ("summary", "counterpart", "topic", "outcome", "platform", "url")
#: The SQL function that tells whether a field holds the search (see ``search_matcher``).
_MATCH_FUNCTION = "ambtenaar20_search"
#: Combining accents, as ``person_names`` reads them in a word ("e" + "\u0301" is "é").
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTER_AND_MARKS = re.compile(f"([^{_MARKS}])([{_MARKS}]*)", re.DOTALL)


def search_clause(conn: sqlite3.Connection, search: str) -> tuple[str, list[str]]:
    """The SQL condition (and its parameters) of entries that hold ``search`` in a field.

    Registers the matching function on ``conn`` for this search.
    """
    # A field of plain ASCII, most of them, is compared by LIKE, which ignores ASCII case;
    # only a field with other letters goes through ``search_matcher`` (in Python).
    conn.create_function(_MATCH_FUNCTION, 1, search_matcher(search), deterministic=True)
    tests = [f"(length(CAST({column} AS BLOB)) != length({column}) AND "
             f"{_MATCH_FUNCTION}({column}))" for column in _SEARCHED]
    params: list[str] = []
    if search.isascii():  # every LIKE first: a row they find needs no Python
        tests[:0] = [f"{column} LIKE ? ESCAPE '\\'" for column in _SEARCHED]
        params += ["%" + _escape_like(search) + "%"] * len(_SEARCHED)
    return "(" + " OR ".join(tests) + ")", params


def search_matcher(search: str) -> Callable[[str | None], bool]:
    """Whether a text holds ``search``, as the log search compares them.

    Case never matters. A letter typed without an accent also finds it with one ("celik"
    finds "Çelik", "cafe" "café"); an accent typed must be there ("ömer" finds "Ömer", not
    "zomertijd"). Both are compared decomposed, a letter followed by its accents.
    """
    parts = []
    for letter, marks in _LETTER_AND_MARKS.findall(_decomposed(search)):
        if marks:
            parts.append(re.escape(letter + marks) + f"(?![{_MARKS}])")
        else:
            parts.append(re.escape(letter) + f"[{_MARKS}]*")
    pattern = re.compile("".join(parts))

    # Topics, platforms and counterparts repeat from row to row: each is compared once.
    @functools.lru_cache(maxsize=4096)
    def matches(text: str | None) -> bool:
        return text is not None and pattern.search(_decomposed(text)) is not None

    return matches


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFKD", text.casefold())


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
