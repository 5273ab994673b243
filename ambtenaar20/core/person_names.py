"""Every way a text may name a person: the one matcher of erasure and pseudonymisation.

An AVG erasure (``core/privacy.py``) and a pseudonymised export (``core/export/pseudonymize.py``)
must recognise the same spellings of a name: a spelling one of them misses is a leak. They used
to build their own matchers (a regular expression per name, dictionaries per export) and
disagreed on "Petra-de-Boer", "@mia" for "@mia@mastodon.nl", "Jan Jansen" for "@JanJansen",
"mevrouw Li" and more. Both now use ``PersonNames``; the spellings of one counterpart come from
``core/name_spellings.py``.

A text is read as words (letters and digits, accents and case folded); the words of one name may
be joined by white space, ".", "-", "_" or an apostrophe (also ‘ ’ ` ´). Spellings come in three
tiers:

- the **name**: the counterpart as typed, its words written apart or run together in any way
  ("Petra de Boer", "petra.deboer", "PetraDeBoer", "Jan Jansen" for "@JanJansen"), with initials
  or without particles ("J. de Vries", "Zoë Berg-Jansen"), a handle (also after "/" or ":" and
  run into a word: "mastodon.nl/@mia", "cc:@mia", "RT@mia"), and the surname after a title
  ("Mevrouw De Boer", "mevrouw Li"). Specific enough to be recognised in any text; the full name
  run together also inside a longer word ("petradeboer1975", from ``MIN_RUN_IN`` letters);
- **parts** of a written name: the surname with or without particles ("De Boer", "Boer") and each
  name word of ``MIN_NAME_PART`` letters or more ("Petra"), never a title ("mevrouw"); the bare
  word of a one-word handle ("mia" of "@mia@mastodon.nl"). A pseudonymised export hides them
  everywhere (a part several people share names nobody in particular: ``AMBIGUOUS``); an erasure,
  which knows one name and changes the record for good, only in the person's own records, since
  elsewhere "Petra" may be another Petra;
- **own** words: the words of a handle or of a name run together ("Klaas" of "@klaas_v", "Boer"
  of "@PetraDeBoer"). Handles are often an organisation's ("@GemeenteUtrecht"), so their words
  ("Utrecht") count only in the person's own records, in both paths. So does a surname that is
  an ordinary Dutch word written alone ("Groot" of "Sanne de Groot"): elsewhere it needs its
  particle, the first name or a title ("De Groot", "mevrouw Groot").

An ordinary Dutch word is a name alone only when written with a capital: "een groot succes", "de
gemeente" (of "@gemeente") and "mevrouw" name nobody. A handle on another server is someone else
("@mia@mastodon.social" is not "@mia@mastodon.nl"), and so is a link to "@mia" there
("mastodon.social/@mia/1", ``core/account_links.py``; links: ``core/names_in_links.py``). The
marker of an erasure ("[verwijderd]") is nobody. A first name with a surname after it
(``core/surname_after.py``) is whoever has both
(``core/surname_owner.py``): "Marie van den Heuvel" is Anne-Marie van den Heuvel, "Marie Jansen"
someone else (``SOMEONE_ELSE``), whose surname must neither stay readable nor be attributed to
Anne-Marie; "Klaas Vermeulen" is "@klaas_v", "Klaas Bakker" someone else. A double surname goes
whole with the name it follows ("Anne-Marie Heuvel-Jansen", "mevrouw De Boer-Smit"). A text that
writes "Anne-Marie" too tells "Marie van den Heuvel" apart (``core/told_apart.py``); a name with
the genitive -s ("Jansens brief", ``core/genitive.py``) is that person. An unknown first name
before a surname's lower-case particles goes with it ("Eva van de Beek",
``core/first_name_before.py``); an ordinary word after its particles in lower case or in a
hyphenated word is nobody ("de koning", "de Groot-Britse", ``core/name_lookalikes.py``).

Lookups go through dictionaries of folded words built once, so a scan costs time in proportion
to the text, not to text × people (``benchmarks/pseudonymize_speed.py``). Where a text writes a
handle, an address or a link is ``core/mention_patterns.py``; its names are importable here too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from ambtenaar20.core.first_name_before import first_name_before, learned_first_names
from ambtenaar20.core.genitive import Genitives
from ambtenaar20.core.mention_patterns import ADDRESS, HANDLE, LINK, link_url, outside_links
from ambtenaar20.core.name_lookalikes import looks_alike
from ambtenaar20.core.name_spellings import (
    ERASED_MARKER,
    MIN_NAME_PART,
    MIN_RUN_IN,
    NAME_PARTICLES,
    TITLES,
    WORD,
    Spellings,
    fold,
    fold_text,
    person_key,
    spellings,
    words,
)
from ambtenaar20.core.names_in_links import LinkNames
from ambtenaar20.core.surname_owner import AMBIGUOUS, SOMEONE_ELSE, SurnameOwners
from ambtenaar20.core.told_apart import told_apart, written_whole

__all__ = ["ADDRESS", "AMBIGUOUS", "ERASED_MARKER", "HANDLE", "LINK", "MIN_NAME_PART",
           "MIN_RUN_IN", "NAME_PARTICLES", "SOMEONE_ELSE", "TITLES", "PersonNames", "Span",
           "Spellings", "fold", "fold_text", "link_url", "outside_links", "person_key",
           "spellings", "words"]

_TITLE_STARTS = TITLES | {"de"}

#: What may stand between the words of one name ("Berg-Jansen", "jan.jansen", "klaas_v",
#: "van 't Hof" with any apostrophe Word may make of it).
_NAME_GLUE = re.compile(r"[\s.\-_'\u2018\u2019\u02bc`\u00b4]{1,3}|\s+")
#: What may join two names of one person into one: a hyphen ("Anne-Marie") or white space,
#: never a full stop or a spaced dash, which end a sentence or a clause the text must keep.
_SPAN_GLUE = re.compile(r"[\-\u2010\u2011]|[^\S\n]+")
_WRITTEN, _JOINED, _PART = 3, 2, 1


class Span(NamedTuple):
    """A name in a text: ``start`` includes a title ("Mevrouw De Boer"), ``name_start`` not;
    ``genitive``: the genitive -s is run into its last word ("Jansens", ``core/genitive.py``)."""

    start: int
    name_start: int
    end: int
    person: int
    genitive: bool = False


class PersonNames(LinkNames):
    """Known people (numbered from 0 in order of first appearance) and the spellings of each."""

    def __init__(self, counterparts: Iterable[str]) -> None:
        self._ids: dict[str, int] = {}
        #: handle without "@" (folded) -> person
        self.handles: dict[str, int] = {}
        #: the servers of handles that are only the local part of a Fediverse handle ("mia")
        self._servers: dict[str, set[str]] = {}
        #: handles typed without a server: someone's on any site ("janjansen", "mia" of "@mia")
        self._anywhere: set[str] = set()
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
        #: first names, and whose a name is with the surname written after it
        self._owners = SurnameOwners()
        #: single words that name someone only when written with a capital ("Groot")
        self._ordinary: set[str] = set()
        #: full names run together -> person, found also run into other letters
        self._run_in: dict[str, int] = {}
        self._run_in_sizes: list[int] = []
        self._genitives = Genitives()
        self.longest = 1
        typed: set[str] = set()
        for counterpart in counterparts:
            key = person_key(counterpart)
            # The marker of an erasure is nobody: not one person for everyone erased.
            if not key or counterpart.strip() in typed or counterpart.strip() == ERASED_MARKER:
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
        servers = {handle.split("@", 1)[1] for handle in found.handles if "@" in handle}
        for handle in found.handles:
            if not servers:
                self._anywhere.add(handle)
            elif "@" not in handle:
                self._servers.setdefault(handle, set()).update(servers)
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
        self._owners.add(found, person)
        self._genitives.add([*found.names, *found.parts, *found.surnames])
        self._ordinary.update(found.ordinary)
        for joined in found.run_in:
            known = self._run_in.setdefault(joined, person)
            if known != person:
                self._run_in[joined] = AMBIGUOUS
        self._run_in_sizes = sorted({*self._run_in_sizes, *map(len, found.run_in)})

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

    def names_in(self, text: str, parts: bool = True, own: int | None = None,
                 elsewhere: Collection[int] = ()) -> list[Span]:
        """Every name in running text, left to right (see ``match`` for ``parts`` and ``own``);
        ``elsewhere``: people whose whole first name the rest of the entry writes."""
        spans, found, folded = self._spans(text, parts, own)
        apart = told_apart(spans, found, folded, self._owners, elsewhere)  # "… niet Anne-Marie"
        return [span._replace(person=AMBIGUOUS) if n in apart else span
                for n, span in enumerate(spans)]

    def whole_first_names(self, text: str, own: int | None = None) -> set[int]:
        """The people whose whole first name ("Anne-Marie") ``text`` writes."""
        return written_whole(*self._spans(text, True, own), self._owners)

    def _spans(self, text: str, parts: bool,
               own: int | None) -> tuple[list[Span], list[re.Match[str]], list[str]]:
        found = list(WORD.finditer(text))
        folded = [fold(match.group()) for match in found]
        cut = self._genitives.read(found, folded, self._firsts)  # "Jansens" -> "jansen"
        joined = [_NAME_GLUE.fullmatch(text, found[i].end(), found[i + 1].start()) is not None
                  for i in range(len(found) - 1)]
        spans: list[Span] = []
        learned: set[str] = set()
        firsts = self._firsts
        own_words = self._own.get(own, ()) if own is not None else ()
        shortest = self._run_in_sizes[0] if self._run_in_sizes else len(text) + 1
        index = floor = 0  # floor: the first word after the last name
        while index < len(found):
            word = folded[index]
            if word not in firsts and word not in own_words and len(word) <= shortest:
                index += 1  # most words: no name starts here
                continue
            start = found[index].start()
            mention = start > 0 and text[start - 1] == "@"
            handle = HANDLE.match(text, start - 1) if mention else None
            if mention and (handle is None or handle.group(2)):
                # "info@mia.nl": a domain, not Mia; "@mia@mastodon.social" is a whole handle,
                # someone's or not (``handle_owner``), not the name Mia
                index += 1
                continue
            hit = self._hit(found, folded, joined, index, parts, own) \
                if word in firsts or word in own_words else None
            if hit is None and len(word) > shortest:
                person = self._run_into(word)  # "petradeboer1975"
                hit = None if person is None else (start, start, 1, person)
            if hit is None:
                index += 1
                continue
            start, name_start, count, person = hit
            first = None if mention or start != name_start else \
                first_name_before(found, folded, index, floor, TITLES)
            if first is not None:  # "Eva van de Beek" goes whole: hers or someone else's
                start = name_start = found[first].start()
                if not self._owners.first_fits(person, folded[first]):
                    person = SOMEONE_ELSE
                elif person == own:
                    learned.add(folded[first])  # "Eva belt" further on is her too
            if start == name_start:
                start = name_start = start - mention  # "@Petra de Boer" goes whole
            end, genitive = found[index + count - 1].end(), index + count - 1 in cut
            if spans and spans[-1].person == person not in (AMBIGUOUS, SOMEONE_ELSE) and \
                    _SPAN_GLUE.fullmatch(text, spans[-1].end, start):
                # "Anne-Marie" read as "Anne" and "Marie", "Heuvel-Anne": one name, one span,
                # else an export writes "Persoon 15-Persoon 15"
                spans[-1] = spans[-1]._replace(end=end, genitive=genitive)
            else:
                spans.append(Span(start, name_start, end, person, genitive))
            index += count
            floor = index
        if learned:
            spans = learned_first_names(spans, found, folded, learned, own)
        return spans, found, folded

    def _hit(self, found: Sequence[re.Match[str]], folded: Sequence[str],
             joined: Sequence[bool], index: int, parts: bool,
             own: int | None) -> tuple[int, int, int, int] | None:
        """(start, name start, number of words, person) of a name at word ``index``."""
        word, start = folded[index], found[index].start()
        hit = self.match(folded, index, joined, parts, own)
        if hit is not None and hit[0] == 1 and word in self._ordinary and \
                not found[index].group()[0].isupper():
            hit = None  # "een groot succes", "de gemeente": an ordinary word, nobody
        title = self._title(folded, index, joined) if word in _TITLE_STARTS else None
        if hit is not None and looks_alike(found, folded, index, index + hit[0], self._ordinary,
                                           NAME_PARTICLES):
            hit = None  # "de koning van Nederland", "de Groot-Britse ambassade"
        if title is not None and (hit is None or title[1] >= index + hit[0]):
            name, stop, person = title  # the title stays apart: "Mevrouw Persoon 2"
            stop = self._owners.reach(found, folded, name, stop, person, titled=True)
            return start, found[name].start(), stop - index, person
        if hit is None:
            return None
        # "Marie Jansen" is whoever has both; "Anne-Marie Heuvel-Jansen" goes whole.
        count, person = self._owners.owner(found, folded, index, *hit, self._surname)
        return start, start, self._owners.reach(found, folded, index, index + count,
                                                person) - index, person

    def _surname(self, name: tuple[str, ...]) -> tuple[int, int] | None:
        return self._surnames.get(name) or self._forms.get(name)

    def _run_into(self, word: str) -> int | None:
        """The person whose full name, run together, starts or ends ``word``."""
        for size in self._run_in_sizes:
            if size >= len(word):
                break
            person = self._run_in.get(word[:size])
            if person is None:
                person = self._run_in.get(word[-size:])
            if person is not None:
                return person
        return None

    def handle_owner(self, match: re.Match[str]) -> int | None:
        """The person of a ``HANDLE`` match: "@mia@mastodon.nl", or "@mia" on any server only
        when "@mia" was typed without one: "@mia@mastodon.social" is not "@mia@mastodon.nl"."""
        handle = fold(match.group(0)[1:])
        person = self.handles.get(handle)
        if person is None and match.group(2):
            local = handle.split("@", 1)[0]
            if local in self._ids:
                person = self.handles.get(local)
        return person

    def anchors(self, parts: bool = True) -> set[str]:
        """Words of which every text naming someone holds one (folded, maybe inside a word);
        ``parts``: also texts that name them by a part or an own word."""
        found = {max(form, key=len) for table in (self._forms, self._surnames)
                 for form, (weight, _person) in table.items() if parts or weight > _PART}
        found.update(max(words(handle) or [handle], key=len) for handle in self.handles)
        for own in self._own.values() if parts else ():
            found.update(own)
        return found
