"""Every way a text may name a person: the one matcher of erasure and pseudonymisation.

An AVG erasure (``core/privacy.py``) and a pseudonymised export (``core/export/pseudonymize.py``)
must recognise the same spellings of a name: a spelling one of them misses is a leak. They used
to build their own matchers (a regular expression per name, dictionaries per export) and
disagreed on "Petra-de-Boer", "@mia" for "@mia@mastodon.nl", "Jan Jansen" for "@JanJansen",
"mevrouw Li" and more. Both now use ``PersonNames``.

A text is read as words (letters and digits, accents and case folded); the words of one name may
be joined by white space, ".", "-", "_" or an apostrophe. Spellings come in three tiers:

- the **name**: the counterpart as typed, its words written apart or run together in any way
  ("Petra de Boer", "petra.deboer", "PetraDeBoer", "Jan Jansen" for "@JanJansen"), the local
  part of a Fediverse handle ("mia"), a handle, and the surname after a title ("Mevrouw De Boer",
  "mevrouw Li"). Specific enough to be recognised in any text;
- **parts** of a written name: the surname with or without particles ("De Boer", "Boer") and each
  name word of ``MIN_NAME_PART`` letters or more ("Petra"). A pseudonymised export hides them
  everywhere (a part several people share names nobody in particular: ``AMBIGUOUS``); an erasure,
  which knows one name and changes the record for good, only in the person's own records, since
  elsewhere "Petra" may be another Petra;
- **own** words: the words of a handle or of a name run together ("Klaas" of "@klaas_v", "Boer"
  of "@PetraDeBoer"). Handles are often an organisation's ("@GemeenteUtrecht"), so their words
  ("Utrecht") count only in the person's own records, in both paths.

Lookups go through dictionaries of folded words built once, so a scan costs time in proportion
to the text, not to text × people (``benchmarks/pseudonymize_speed.py``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

#: Name particles, no name on their own ("Petra de Boer": "de" is nobody).
NAME_PARTICLES = frozenset({"de", "den", "der", "van", "het", "ten", "ter", "te", "op", "in",
                            "la", "le", "von", "dos", "da", "el", "al", "d", "t"})
#: A name part of fewer letters ("Jan", "Li") names too many people to be recognised on its own.
MIN_NAME_PART = 4
#: A name found run into other letters of a link ("/pdeboer", "janjansen123") is this long.
MIN_RUN_IN = 6
#: The person of a spelling several people share.
AMBIGUOUS = -1
#: Titles before a surname: "Mevrouw De Boer" is Petra de Boer ("de heer" is two words).
TITLES = frozenset({"mevrouw", "mevr", "mw", "meneer", "mnr", "dhr", "heer"})
_TITLE_STARTS = TITLES | {"de"}

#: A word: letters and digits, with any combining accent (text typed in decomposed form).
_WORD = re.compile(r"[^\W_]+(?:[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
                   r"\ufe20-\ufe2f]+[^\W_]*)*")
#: What may stand between the words of one name ("Berg-Jansen", "jan.jansen", "klaas_v").
_NAME_GLUE = re.compile(r"[\s.\-_'’]{1,3}|\s+")
#: "@klaas_v", "@mia@mastodon.nl"; not the "@" inside a link or an e-mail address.
HANDLE = re.compile(r"(?<![\w@./:+-])@(\w[\w.]*\w|\w)(@[\w-]+(?:\.[\w-]+)+)?")
#: A Fediverse handle written without its first "@" looks like an e-mail address.
ADDRESS = re.compile(r"(?<![\w.+@-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Before a word, an "@" after these is part of an address ("info@mia.nl"), not a mention.
_NOT_MENTION = re.compile(r"[\w@./:+-]")
#: Names of more words are matched written apart or wholly run together, not every grouping.
_MAX_GROUPED = 6
_WRITTEN, _JOINED, _PART = 3, 2, 1


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded text: "Ömer" and "OMER" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.cache
def _combining() -> dict[int, None]:
    return {code: None for code in range(0x110000) if unicodedata.combining(chr(code))}


def fold_text(text: str) -> str:
    """``fold`` of a long text, uncached; it holds ``fold`` of each of its words."""
    return unicodedata.normalize("NFKD", text).translate(_combining()).casefold()


def person_key(counterpart: str) -> str:
    """One person however the counterpart was typed: "@JanJansen", " janjansen "."""
    return " ".join(fold(counterpart).split()).lstrip("@")


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return [fold(word) for word in _WORD.findall(text)]


def _camel(word: str) -> list[str]:
    """"JanJansen" -> "Jan", "Jansen": a handle's capitals often mark the name's words."""
    if word[1:] == word[1:].lower():
        return [word]  # most words: no capital inside
    pieces, start = [], 0
    for index in range(1, len(word)):
        if word[index - 1].islower() and word[index].isupper():
            pieces.append(word[start:index])
            start = index
    return [*pieces, word[start:]]


def _groupings(names: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The words with some run together: ("petra", "deboer"), ("petradeboer",) …"""
    if len(names) > _MAX_GROUPED or len(names) < 3:  # also the common short names, quickly
        yield from (names, ("".join(names),)) if len(names) > 1 else (names,)
        return
    for runs in range(2 ** (len(names) - 1)):
        grouped, current = [], names[0]
        for index, name in enumerate(names[1:]):
            if runs >> index & 1:
                current += name
            else:
                grouped.append(current)
                current = name
        yield (*grouped, current)


def _is_part(name: str) -> bool:
    return len(name) >= MIN_NAME_PART and name not in NAME_PARTICLES and not name.isdigit()


class Spellings(NamedTuple):
    """The spellings of one counterpart, by tier (see the module docstring)."""

    written: tuple[str, ...]
    names: set[tuple[str, ...]]
    surnames: set[tuple[str, ...]]
    parts: set[tuple[str, ...]]
    own: set[str]
    handles: set[str]


def spellings(counterpart: str) -> Spellings:
    """How a text may name the counterpart ("Petra de Boer", "@JanJansen", "@mia@mastodon.nl")."""
    key = person_key(counterpart)
    typed = " ".join(counterpart.split()).lstrip("@")
    fediverse = "@" in typed
    local = typed.split("@", 1)[0]
    # Per word of the name as typed, its pieces: "Anne-Marie" -> ("anne", "marie").
    typed_groups = [group for group in map(_WORD.findall, local.split()) if group]
    groups = [tuple(map(fold, group)) for group in typed_groups]
    written = tuple(name for group in groups for name in group)
    pieces = tuple(fold(piece) for group in typed_groups for word in group
                   for piece in _camel(word))
    handles = {key}
    if fediverse:
        handles.add(key.split("@", 1)[0])
    if len(written) > 1:
        handles.add("".join(written))
    names = set(_groupings(pieces)) if written else set()
    if pieces != written:  # the typed words' groupings are among the pieces' (unless too many)
        names.update(_groupings(written))
    own = {piece for piece in pieces if _is_part(piece)}
    surnames: set[tuple[str, ...]] = set()
    parts: set[tuple[str, ...]] = set()
    if not (fediverse or counterpart.strip().startswith("@")):  # a handle has no surname
        parts.update((name,) for name in written if _is_part(name))
        own.difference_update(written)
        rest = groups[1:]
        while rest:  # "van der Berg", "der Berg", "Berg"
            surname = tuple(name for group in rest for name in group)
            if len(surname) > 1:
                parts.update(_groupings(surname))
            if rest[0][0] not in NAME_PARTICLES or len(rest[0]) > 1:
                surnames.update(_groupings(surname))
                break
            rest = rest[1:]
    # A Fediverse handle's local part is a name, but one typed name outweighs it ("Mia").
    return Spellings(() if fediverse else written, names, surnames, parts, own, handles)


class Span(NamedTuple):
    """A name in a text: ``start`` includes a title ("Mevrouw De Boer"), ``name_start`` not."""

    start: int
    name_start: int
    end: int
    person: int


class PersonNames:
    """Known people (numbered from 0 in order of first appearance) and the spellings of each."""

    def __init__(self, counterparts: Iterable[str]) -> None:
        self._ids: dict[str, int] = {}
        #: handle without "@" (folded) -> person
        self.handles: dict[str, int] = {}
        #: name as a tuple of folded words -> (weight, person); weight says name or part
        self._forms: dict[tuple[str, ...], tuple[int, int]] = {}
        #: surname after a title -> (weight, person)
        self._surnames: dict[tuple[str, ...], tuple[int, int]] = {}
        #: person -> words that name them in their own records only
        self._own: dict[int, set[str]] = {}
        #: first words of forms longer than one word, to skip most n-gram look-ups
        self._starts: set[str] = set()
        #: every word a name may start with, to skip most words of a text at once
        self._firsts: set[str] = set(_TITLE_STARTS)
        self.longest = 1
        typed: set[str] = set()
        for counterpart in counterparts:
            key = person_key(counterpart)
            if not key or counterpart.strip() in typed:
                continue
            typed.add(counterpart.strip())
            # "@janjansen" and "@JanJansen" are one person; each typing adds its spellings.
            person = self._ids.setdefault(key, len(self._ids))
            self._add(spellings(counterpart), person)

    def __len__(self) -> int:
        return len(self._ids)

    def person(self, counterpart: str) -> int | None:
        return self._ids.get(person_key(counterpart))

    def _add(self, found: Spellings, person: int) -> None:
        for handle in found.handles:
            owner = self._ids.get(handle)
            if owner is not None:  # someone's own handle as typed; a derived one never wins
                if owner == person:
                    self.handles[handle] = person
                continue
            self.handles[handle] = person if self.handles.get(handle, person) == person \
                else AMBIGUOUS
        for forms, weight, table in ((found.names, _JOINED, self._forms),
                                     (found.parts, _PART, self._forms),
                                     (found.surnames, _JOINED, self._surnames)):
            for form in forms:
                self._form(table, form, _WRITTEN if form == found.written else weight, person)
        if found.own:
            self._own.setdefault(person, set()).update(found.own)

    def _form(self, table: dict[tuple[str, ...], tuple[int, int]], form: tuple[str, ...],
              weight: int, person: int) -> None:
        self._firsts.add(form[0])
        known = table.get(form)
        if known is None or known[0] < weight:
            table[form] = (weight, person)
        elif known[0] == weight and known[1] != person:
            table[form] = (weight, AMBIGUOUS)
        if len(form) > 1:
            self._starts.add(form[0])
            self.longest = max(self.longest, len(form))

    def form(self, name: Sequence[str], parts: bool = True,
             own: int | None = None) -> int | None:
        """The person a tuple of folded words names, ``AMBIGUOUS``, or None."""
        known = self._forms.get(tuple(name))
        if known is not None and (parts or known[0] > _PART):
            return known[1]
        if own is not None and len(name) == 1 and name[0] in self._own.get(own, ()):
            return own
        return None

    def match(self, folded: Sequence[str], start: int, joined: Sequence[bool] | None = None,
              parts: bool = True, own: int | None = None) -> tuple[int, int] | None:
        """(number of words, person) of the longest name starting at ``folded[start]``.

        ``joined[i]`` says whether word i and i+1 may belong to one name (only name glue
        between them); None means they always may. Without ``parts`` only names count; ``own``
        is the person whose record this is, whose own words count too.
        """
        first = folded[start]
        if first in self._starts:
            end = start + 1
            while end < len(folded) and end - start < self.longest and \
                    (joined is None or joined[end - 1]):
                end += 1
            for stop in range(end, start + 1, -1):
                known = self._forms.get(tuple(folded[start:stop]))
                if known is not None and (parts or known[0] > _PART):
                    return stop - start, known[1]
        known = self._forms.get((first,))
        if known is not None and known[0] > _PART:
            return 1, known[1]
        if own is not None and first in self._own.get(own, ()):
            return 1, own  # their own record: "Klaas" is @klaas_v here, even if Klaas is known
        return (1, known[1]) if known is not None and parts else None

    def _title(self, folded: Sequence[str], start: int,
               joined: Sequence[bool]) -> tuple[int, int, int] | None:
        """(first word after the title, end, person) of "Mevrouw (De) Boer" at ``start``."""
        index = start + 1
        if folded[start] == "de" and index < len(folded) and folded[index] == "heer" and \
                joined[start]:
            index += 1
        elif folded[start] not in TITLES:
            return None
        name = index
        # Any particles may come first ("Mevrouw Van der Boer" is Petra de Boer too), but a
        # surname may start with one ("Meneer d'Artagnan"): try after each.
        while index < len(folded) and joined[index - 1]:
            end = index + 1
            while end < len(folded) and joined[end - 1] and end - index < self.longest:
                end += 1
            for stop in range(end, index, -1):
                known = self._surnames.get(tuple(folded[index:stop]))
                if known is not None:
                    return name, stop, known[1]
            if folded[index] not in NAME_PARTICLES:
                return None
            index += 1
        return None

    def names_in(self, text: str, parts: bool = True,
                 own: int | None = None) -> list[Span]:
        """Every name in running text, left to right (see ``match`` for ``parts`` and ``own``)."""
        found = list(_WORD.finditer(text))
        folded = [fold(match.group()) for match in found]
        joined = [_NAME_GLUE.fullmatch(text, found[i].end(), found[i + 1].start()) is not None
                  for i in range(len(found) - 1)]
        spans: list[Span] = []
        firsts = self._firsts
        own_words = self._own.get(own, ()) if own is not None else ()
        index = 0
        while index < len(found):
            word = folded[index]
            if word not in firsts and word not in own_words:
                index += 1  # most words: no name starts here
                continue
            start = found[index].start()
            mention = start > 0 and text[start - 1] == "@"
            if mention and start > 1 and _NOT_MENTION.match(text, start - 2):
                index += 1  # "info@mia.nl": a domain, not Mia
                continue
            hit = self.match(folded, index, joined, parts, own)
            title = self._title(folded, index, joined) if word in _TITLE_STARTS else None
            if title is not None and (hit is None or title[1] > index + hit[0]):
                name, stop, person = title
                spans.append(Span(start, found[name].start(), found[stop - 1].end(), person))
                index = stop
            elif hit is not None:
                start -= mention  # "@Petra de Boer" goes whole
                spans.append(Span(start, start, found[index + hit[0] - 1].end(), hit[1]))
                index += hit[0]
            else:
                index += 1
        return spans

    def handle_owner(self, match: re.Match[str]) -> int | None:
        """The person of a ``HANDLE`` match: "@mia@mastodon.nl", or "@mia" on her server."""
        handle = fold(match.group(0)[1:])
        person = self.handles.get(handle)
        if person is None and match.group(2):
            person = self.handles.get(handle.split("@", 1)[0])
        return person

    def in_link(self, url: str, parts: bool = True, own: int | None = None) -> bool:
        """Whether a link names someone: a segment, query value or fragment that is a handle
        or a name however short ("?user=li", "/wijk/li"), or a name of three letters or more
        among its words ("/klachten/petra-de-boer"), and one of ``MIN_RUN_IN`` letters or more
        run into other letters ("/pdeboer", "janjansen123")."""
        folded = fold(unquote(url))
        split = urlsplit(folded)
        query = [value for _key, value in parse_qsl(split.query, keep_blank_values=True)]
        pieces = [piece for piece in (*split.path.split("/"), *query, split.fragment) if piece]
        if any(piece.lstrip("@~") in self.handles or
               self.form(words(piece), parts, own) is not None for piece in pieces):
            return True
        return self._in_words(words(folded), parts, own)

    def _in_words(self, folded: Sequence[str], parts: bool, own: int | None) -> bool:
        for index, word in enumerate(folded):
            hit = self.match(folded, index, None, parts, own)
            # "li" is in too many links by chance ("urn:li:activity").
            if hit is not None and sum(map(len, folded[index:index + hit[0]])) >= 3:
                return True
            # Run into other letters only from six: "anna" ends "savanna", and an erasure that
            # empties another entry's link to it loses part of the record.
            for size in range(MIN_RUN_IN, len(word)):
                if self.form((word[:size],), parts, own) is not None or \
                        self.form((word[-size:],), parts, own) is not None:
                    return True
        return False

    def anchors(self, parts: bool = True) -> set[str]:
        """Words of which every text naming someone holds one (folded, maybe inside a word);
        ``parts``: also texts that name them by a part or an own word."""
        found = {max(form, key=len) for table in (self._forms, self._surnames)
                 for form, (weight, _person) in table.items() if parts or weight > _PART}
        found.update(max(words(handle) or [handle], key=len) for handle in self.handles)
        for own in self._own.values() if parts else ():
            found.update(own)
        return found
