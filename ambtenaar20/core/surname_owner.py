"""Whose a name is when a surname follows it, and how far a double surname reaches.

The name matcher (``core/person_names.py``) finds a first name ("Marie", "Klaas") or a surname
("Mevrouw De Boer"); a surname written after it (``core/surname_after.py``) must then go with
it, or the export writes "Persoon 2 Bakker" or "Persoon 2-Jansen". Whose the whole is:

- a first name with a surname is whoever has both: either half of a double surname may be theirs
  ("Marie van den Heuvel-Jansen", "Petra Smit-de Boer"); with a surname of nobody who has that
  first name it is someone else (``SOMEONE_ELSE``), with a pseudonym of its own;
- a person known only by a handle has the surname the handle spells after the first name, in
  full, its start or its initials: "Klaas Vermeulen" and "Klaas V." are "@klaas_v", "Klaas
  Bakker" is someone else, and so is any "Mia Jansen" beside "@mia" (a handle without a surname,
  as a counterpart typed "Kees", says nothing of one). Better a second pseudonym for one person
  than one for two people the text tells apart, and never a surname left readable;
- a name that ends on a surname ("Anne-Marie Heuvel", "Mevrouw De Boer") takes the further
  halves of a double surname with it ("Anne-Marie Heuvel-Jansen", "mevrouw De Boer-Smit"), but
  never a first name ("Anne-Marie-Petra" names two people).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from re import Match

from ambtenaar20.core.name_spellings import Spellings
from ambtenaar20.core.surname_after import (
    SURNAME_PARTICLES,
    more_halves,
    surname_end,
    surname_halves,
)

#: The person of a spelling several people share.
AMBIGUOUS = -1
#: Someone none of the known people is: a known first name with a surname that is not theirs
#: ("Marie Jansen" beside "Anne-Marie van den Heuvel"). The span's words say who.
SOMEONE_ELSE = -2

#: Looks up a tuple of folded words among the known surnames and names: (weight, person).
Lookup = Callable[[tuple[str, ...]], "tuple[int, int] | None"]


class SurnameOwners:
    """First names of the known people and the surnames that make a name theirs."""

    def __init__(self) -> None:
        #: a first name ("marie", "anne marie") -> the people who have it
        self._people: dict[tuple[str, ...], set[int]] = {}
        #: every word of a first name: no second half of a double surname
        self._first_words: set[str] = set()
        #: person known by a handle -> what it spells after the first name (("v",) of klaas_v)
        self._spelled: dict[int, set[tuple[str, ...]]] = {}
        #: words a typed name or surname ends on when it ends on a surname ("heuvel")
        self._surname_ends: set[str] = set()
        #: last words of a handle's names of more words ("jansen" of "Jan Jansen")
        self._name_ends: set[str] = set()
        #: person with a typed name -> their whole first name, run together ("annemarie")
        self._whole: dict[int, str] = {}

    def add(self, found: Spellings, person: int) -> None:
        for given in found.given:
            self._people.setdefault(given, set()).add(person)
            self._first_words.update(given)
        if found.given and found.surnames:
            self._whole[person] = max(("".join(given) for given in found.given), key=len)
        spelled = {rest for rest in found.spelled if rest}
        if spelled:
            self._spelled.setdefault(person, set()).update(spelled)
        if found.surnames:
            self._surname_ends.update(form[-1] for forms in (found.surnames, found.names)
                                      for form in forms)
        else:  # a handle says no more than that its last word may be a surname
            self._name_ends.update(form[-1] for form in found.names if len(form) > 1)

    def owner(self, found: Sequence[Match[str]], folded: Sequence[str], index: int,
              count: int, person: int, known: Lookup) -> tuple[int, int]:
        """(number of words, person) of a name of ``count`` words at word ``index``, matched
        as ``person``: with the surname written after a first name, whoever has both."""
        named = self._people.get(tuple(folded[index:index + count]))
        stop = None if named is None else surname_end(found, folded, index + count)
        if named is None or stop is None:
            return count, person
        return stop - index, self._whose(found, folded, range(index + count, stop), named,
                                         person, known)

    def _whose(self, found: Sequence[Match[str]], folded: Sequence[str], surname: range,
               named: set[int], person: int, known: Lookup) -> int:
        halves = surname_halves(found, surname.start, surname.stop)
        # The whole and its tails first ("van den Heuvel", "Heuvel-Jansen"), then the halves
        # before the last ("Smit" of "Smit-de Boer"), each from its longest tail.
        for words in (surname, *halves[:-1]):
            for first in words:
                hit = known(tuple(folded[first:words.stop]))
                if hit is not None:
                    if hit[1] in named:
                        return hit[1]
                    break
        # Only the person the first name was read as: "Klaas" of "@klaas_v" in his own record,
        # not a "Klaas" shared by others, where "Klaas Vos" may be anyone.
        if person in named and any(spells(spelled, folded[half.start:half.stop])
                                   for spelled in self._spelled.get(person, ())
                                   for half in halves):
            return person
        return SOMEONE_ELSE

    def first_fits(self, person: int, word: str) -> bool:
        """Whether ``word`` (folded) before ``person``'s surname may be their first name or its
        initial: it starts as one of their first names does, or none is known."""
        if person < 0:
            return False
        initials = {given[0][0] for given, people in self._people.items() if person in people}
        return not initials or word[0] in initials

    def first_name(self, name: Sequence[str], person: int) -> str | None:
        """Of a name of ``person`` (folded words), how it writes their first name: "whole"
        ("Anne-Marie van den Heuvel", "annemarie"), "half" with a surname after it ("Marie
        van den Heuvel"), or None (a surname alone, initials, a handle's name)."""
        whole = self._whole.get(person)
        if whole is None:
            return None
        if "".join(name).startswith(whole):
            return "whole"
        for size in (1, 2):
            if len(name) > size and person in self._people.get(tuple(name[:size]), ()):
                return "half"
        return None

    def reach(self, found: Sequence[Match[str]], folded: Sequence[str], index: int, end: int,
              person: int, titled: bool = False) -> int:
        """The end (a word number) of a name of ``person`` from word ``index`` to ``end``,
        with the further halves of a double surname when it ends on a surname (``titled``:
        it is one, after a title)."""
        if person == SOMEONE_ELSE:
            return end  # its surname was read whole already
        last = folded[end - 1]
        if titled or last in self._surname_ends or (
                end - index > 1 and last in self._name_ends and last not in self._first_words):
            return more_halves(found, folded, end, self._first_words)
        return end


def spells(spelled: tuple[str, ...], surname: Sequence[str]) -> bool:
    """Whether what a handle writes after the first name ("v" of "klaas_v", "deboer" of
    "PetraDeBoer") is the surname written in full, its start or its initials, with or without
    particles: "Vermeulen", "van Dijk" and "de Boer" fit, "Bakker" does not fit "v"."""
    letters = "".join(spelled)
    bare = "".join(word for word in spelled if word not in SURNAME_PARTICLES)
    core = [word for word in surname if word not in SURNAME_PARTICLES] or list(surname)
    for written in (list(surname), core):
        joined = "".join(written)
        initials = "".join(word[0] for word in written)
        if any(text and (joined.startswith(text) or initials == text)
               for text in (letters, bare)):
            return True
    return False
