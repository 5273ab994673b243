"""Where a topic's or a search's words occur in an item's text, so the reader can mark them.

An officer reading a long article under "Klimaat" wants to see *why* it is there. The search
index decides what matches (``query.compile_query``); this module finds the same words again in
the text shown, by the index's own rules: words are runs of letters and digits, compared
without case and diacritics ("Überweg" matches "uberweg"), ``prefix*`` matches the start of a
word, and a phrase (or a term the index splits, such as "co2-uitstoot") its words in a row.
Excluded terms (``-vacature``) are not marked: they are not in a matching item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ambtenaar20.core.feeds.query import Node, Or, QuerySyntaxError, Term, parse
from ambtenaar20.core.name_spellings import WORD, fold


def included_terms(queries: Iterable[str], text: str | None = None) -> tuple[Term, ...]:
    """The terms of ``queries`` an item matches on, each once. With the item's ``text`` (its
    title and text, as indexed) only the parts of a query that match it: in ``woningmarkt OR
    (wonen -fiets)`` an item about "wonen met de fiets" is there for "woningmarkt" alone.
    Excluded terms never count. A query that cannot be parsed (stored by an older version,
    say) adds none."""
    terms: dict[Term, None] = {}
    words = None if text is None else _Words(text)  # read once for every term of every query
    for query in queries:
        try:
            node = parse(query)
        except QuerySyntaxError:
            continue
        found = _positive(node) if words is None else _matching(node, words)
        for term in found or ():
            terms.setdefault(term, None)
    return tuple(terms)


def _positive(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Or):
        return [term for option in node.options for term in _positive(option)]
    return [term for part in node.include for term in _positive(part)]


def _matching(node: Node, words: _Words) -> list[Term] | None:
    """The terms by which ``node`` matches the text of ``words``; None when it does not."""
    if isinstance(node, Term):
        return [node] if words.spans(node) else None
    if isinstance(node, Or):
        found = [_matching(option, words) for option in node.options]
        kept = [term for terms in found if terms is not None for term in terms]
        return kept if any(terms is not None for terms in found) else None
    parts = [_matching(part, words) for part in node.include]
    if any(terms is None for terms in parts):
        return None
    if any(_matching(part, words) is not None for part in node.exclude):
        return None
    return [term for terms in parts for term in terms or ()]


class _Words:
    """A text's words as the index compares them (``name_spellings``: letters and digits,
    without case and diacritics), with where each occurs."""

    def __init__(self, text: str) -> None:
        self.words = [(match.start(), match.end(), fold(match.group()))
                      for match in WORD.finditer(text)]
        self.where: dict[str, list[int]] = {}
        for number, (_start, _end, word) in enumerate(self.words):
            self.where.setdefault(word, []).append(number)

    def spans(self, term: Term) -> list[tuple[int, int]]:
        """The ``(start, end)`` offsets of every occurrence of ``term``."""
        wanted = [fold(word) for word in term.text.split()]
        if not wanted:
            return []
        words, last = self.words, len(wanted) - 1
        if term.prefix and last == 0:
            firsts = sorted(number for word, numbers in self.where.items()
                            if word.startswith(wanted[0]) for number in numbers)
        else:
            firsts = self.where.get(wanted[0], [])
        spans = []
        for first in firsts:
            if first + last >= len(words):
                break
            if all(words[first + k][2] == wanted[k] for k in range(1, last)) and (
                    last == 0 or (words[first + last][2].startswith(wanted[last])
                                  if term.prefix else words[first + last][2] == wanted[last])):
                spans.append((words[first][0], words[first + last][1]))
        return spans


def term_spans(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets in ``text`` of every occurrence of ``terms``, in order,
    overlapping ones joined."""
    if not terms or not text:
        return []
    words = _Words(text)
    return _joined(sorted(span for term in terms for span in words.spans(term)))


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
