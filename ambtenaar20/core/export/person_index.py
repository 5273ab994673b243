"""The people a pseudonymised export must hide, and every way the text may name them.

Built once per export from all counterparts in the log (not only those of the exported
entries: a citizen from February may be mentioned in a March entry). Names are compared as
words, accent-folded and case-folded ("Omer Celik" is "Ömer Çelik"), through dictionaries, so
an export costs time in proportion to its text, not to text × people.

Forms and their weight, strongest first: the counterpart as written (a full name or a handle);
the name written as one word ("@PetraDeBoer"); then parts: the surname with or without its
particles ("De Boer", "Boer") and each name word of four letters or more ("Petra"). A longer
match wins over a shorter one, so "Jan Jansen" is one person and not "Jan" plus "Jansen". A
part that belongs to several people ("Piet" of Piet A and Piet B) names nobody in particular:
it is hidden, but attributed to no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ambtenaar20.core.privacy import MIN_NAME_PART, fold
from ambtenaar20.core.privacy import NAME_PARTICLES as PARTICLES

#: The person id for a part shared by several people.
AMBIGUOUS = -1

_WORD = re.compile(r"\w+")
#: What may stand between the words of one name in running text ("Berg-Jansen", "jan.jansen").
_NAME_GLUE = re.compile(r"[\s.\-'’]{1,3}")
_WRITTEN, _JOINED, _PART = 3, 2, 1



def person_key(counterpart: str) -> str:
    """One person however the counterpart was typed: "@JanJansen", " janjansen "."""
    return " ".join(fold(counterpart).split()).lstrip("@")


def words(text: str) -> list[str]:
    return [fold(word) for word in _WORD.findall(text)]


class PersonIndex:
    """Known people (numbered from 0) and the words and handles that name them."""

    def __init__(self, counterparts: Iterable[str]) -> None:
        self._ids: dict[str, int] = {}
        #: handle without "@" (folded) -> person
        self.handles: dict[str, int] = {}
        #: name as a tuple of folded words -> (weight, person)
        self._forms: dict[tuple[str, ...], tuple[int, int]] = {}
        #: first words of forms longer than one word, to skip most n-gram look-ups
        self._starts: set[str] = set()
        self.longest = 1
        for counterpart in counterparts:
            key = person_key(counterpart)
            if key and key not in self._ids:
                self._ids[key] = len(self._ids)
                self._add(key, self._ids[key])

    def __len__(self) -> int:
        return len(self._ids)

    def person(self, counterpart: str) -> int | None:
        return self._ids.get(person_key(counterpart))

    def _add(self, key: str, person: int) -> None:
        self.handles[key] = person  # as typed: no other person has it
        local = key
        if "@" in key:  # a Fediverse handle "mia@mastodon.nl": "@mia" on her own server
            local = key.split("@", 1)[0]
            self._handle(local, person)
        names = words(local)
        if not names:
            return
        self._form(tuple(names), _WRITTEN if local == key else _JOINED, person)
        if len(names) == 1:
            return
        self._form(("".join(names),), _JOINED, person)
        self._handle("".join(names), person)
        surname = tuple(names[1:])
        while surname and surname[0] in PARTICLES:
            if len(surname) > 1:
                self._form(surname, _PART, person)
                self._form(("".join(surname),), _PART, person)
            surname = surname[1:]
        if len(surname) > 1:
            self._form(surname, _PART, person)
        for name in names:
            if len(name) >= MIN_NAME_PART and name not in PARTICLES:
                self._form((name,), _PART, person)

    def _handle(self, handle: str, person: int) -> None:
        if handle in self._ids:  # someone's own handle as typed; a derived one never wins
            return
        self.handles[handle] = person if self.handles.get(handle, person) == person \
            else AMBIGUOUS

    def _form(self, form: tuple[str, ...], weight: int, person: int) -> None:
        known = self._forms.get(form)
        if known is None or known[0] < weight:
            self._forms[form] = (weight, person)
        elif known[0] == weight and known[1] != person:
            self._forms[form] = (weight, AMBIGUOUS)
        if len(form) > 1:
            self._starts.add(form[0])
            self.longest = max(self.longest, len(form))

    def form(self, name: Sequence[str]) -> int | None:
        """The person a tuple of folded words names, ``AMBIGUOUS``, or None."""
        known = self._forms.get(tuple(name))
        return None if known is None else known[1]

    def match(self, folded: Sequence[str], start: int,
              joined: Sequence[bool] | None = None) -> tuple[int, int] | None:
        """(number of words, person) of the longest name starting at ``folded[start]``.

        ``joined[i]`` says whether word i and i+1 may belong to one name (only name glue
        between them); None means they always may.
        """
        first = folded[start]
        if first in self._starts:
            end = start + 1
            while end < len(folded) and end - start < self.longest and \
                    (joined is None or joined[end - 1]):
                end += 1
            for stop in range(end, start + 1, -1):
                known = self._forms.get(tuple(folded[start:stop]))
                if known is not None:
                    return stop - start, known[1]
        known = self._forms.get((first,))
        return None if known is None else (1, known[1])

    def names_in(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, person) of every name in running text, left to right."""
        found = list(_WORD.finditer(text))
        folded = [fold(match.group()) for match in found]
        joined = [_NAME_GLUE.fullmatch(text, found[i].end(), found[i + 1].start()) is not None
                  for i in range(len(found) - 1)]
        spans: list[tuple[int, int, int]] = []
        index = 0
        while index < len(found):
            hit = self.match(folded, index, joined)
            if hit is None:
                index += 1
                continue
            count, person = hit
            spans.append((found[index].start(), found[index + count - 1].end(), person))
            index += count
        return spans

    def in_words(self, folded: Sequence[str], minimum: int = 3) -> bool:
        """Whether a run of folded words (a link's) names someone, as words or inside one.

        Only names of ``minimum`` letters or more count: "li" is in too many links by chance.
        A link may run a name into other letters ("pdeboer", "janjansen123"), so the start
        and end of each word are looked up too.
        """
        for index, word in enumerate(folded):
            hit = self.match(folded, index)
            if hit is not None and sum(map(len, folded[index:index + hit[0]])) >= minimum:
                return True
            for size in range(MIN_NAME_PART, len(word)):
                if (word[:size],) in self._forms or (word[-size:],) in self._forms:
                    return True
        return False
