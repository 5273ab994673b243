"""Text pieces every rule family needs: words and sentences with their offsets, phrase patterns.

Rules work on character offsets into the original text, so nothing here changes the text; it
only finds where things are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ambtenaar20.core.analysis.pii import find_personal_data
from ambtenaar20.core.drafting.platforms import URL

# Letters with inner apostrophes or hyphens ("auto's", "e-mail"), no digits.
WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")
_SENTENCE_END = regex.compile(r"[.!?…]+(?=\s|$)|\n\s*\n")
EMAIL_OR_HANDLE = regex.compile(r"[\w.+-]*@[\w.-]+|#[\w]+")
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A bracketed text on one line: a template placeholder ("[link naar de bron]"), the erasure
#: marker "[verwijderd]", an editor's "[...]". Longer than any placeholder, so a stray "[" costs
#: nothing.
BRACKETED = regex.compile(r"\[([^\[\]\n]{1,200})\]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def words(text: str) -> list[Span]:
    """Words outside links, e-mail addresses, mentions and hashtags."""
    skip = [(m.start(), m.end()) for m in URL.finditer(text)]
    skip += [(m.start(), m.end()) for m in EMAIL_OR_HANDLE.finditer(text)]
    found = []
    for match in WORD.finditer(text):
        if any(start <= match.start() < end for start, end in skip):
            continue
        found.append(Span(match.start(), match.end(), match.group()))
    return found


def bracketed_spans(text: str) -> list[tuple[int, int]]:
    """Bracketed texts, brackets included, that are no prose of the post: what a template
    leaves to fill in is not the officer's wording, so tone and readability leave it out. The
    text of a Markdown link ("[de regeling](https://…)") is prose and is not among them."""
    return [match.span() for match in BRACKETED.finditer(text)
            if not text.startswith("(", match.end())]


def link_spans(text: str) -> list[tuple[int, int]]:
    """Where links and e-mail addresses are: a replacement inside one would break it, and
    rules leave the words of one alone."""
    spans = [(m.start(), m.end()) for m in URL.finditer(text)]
    spans += [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    # Also addresses written to dodge harvesters: "piet.jansen [at] hotmail [dot] com".
    return spans + [(m.start, m.end) for m in find_personal_data(text, kinds=["email"])]


def sentences(text: str) -> list[Span]:
    """Sentences (stripped), split after . ! ? … followed by space, and at blank lines."""
    found = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        _add_sentence(found, text, position, match.end())
        position = match.end()
    _add_sentence(found, text, position, len(text))
    return found


def _add_sentence(found: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        begin = start + piece.index(stripped[0])
        found.append(Span(begin, begin + len(stripped), stripped))


@lru_cache(maxsize=256)
def phrase_pattern(phrases: tuple[str, ...], case_sensitive: bool = False,
                   word_start: bool = False) -> regex.Pattern | None:
    """One pattern matching any of ``phrases`` as whole words; longest phrase wins.

    ``word_start`` also matches a phrase at the start of a longer word, for Dutch compounds
    ("stikstof" in "stikstofplan").
    """
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    parts = [r"\s+".join(regex.escape(word) for word in phrase.split()) for phrase in cleaned]
    flags = regex.V0 if case_sensitive else regex.IGNORECASE
    end = r"\w*" if word_start else r"(?![\w])"
    return regex.compile(r"(?<![\w@#])(?:" + "|".join(parts) + r")" + end, flags)


def find_phrases(text: str, phrases: Iterable[str], case_sensitive: bool = False,
                 word_start: bool = False) -> list[Span]:
    pattern = phrase_pattern(tuple(phrases), case_sensitive, word_start)
    if pattern is None:
        return []
    return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def fill(template: str, **values: object) -> str:
    """Put values into ``{name}`` places of a pack message; unknown places stay as written.

    Not ``str.format``: pack texts are data from outside and may contain other braces.
    """
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def match_case(original: str, replacement: str) -> str:
    """``replacement`` with a capital first letter when ``original`` starts with one."""
    if original[:1].isupper() and replacement:
        return replacement[:1].upper() + replacement[1:]
    return replacement
