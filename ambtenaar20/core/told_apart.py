"""Two people a text tells apart by their first names: "Marie van den Heuvel is niet Anne-Marie".

A half of a double first name with the surname ("Marie van den Heuvel") is the person with that
double first name (``core/surname_owner.py``): texts shorten "Anne-Marie". But a text that also
writes her whole first name ("Anne-Marie van den Heuvel", "Anne-Marie") shows two people, and
one pseudonym for both would merge them ("Persoon 1 is niet Persoon 1"). The shortened name is
then hidden but attributed to nobody ("[persoon]", ``surname_owner.AMBIGUOUS``), as a name
part several people share: who it is, the export cannot tell, and elsewhere the same words are
read as her, so a pseudonym of its own would claim an identity it cannot keep. An erasure of
her leaves it, as it leaves "Marie Jansen".

The telling-apart holds for a whole log entry: an outcome "Marie van den Heuvel krijgt een
brief" after a summary that writes "Anne-Marie" is no more hers than in the summary itself, so
an export passes the people whose whole first name the entry writes (``written_whole``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from re import Match
from typing import Protocol


class _Span(Protocol):
    @property
    def name_start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def person(self) -> int: ...


class _FirstNames(Protocol):
    def first_name(self, name: Sequence[str], person: int) -> str | None: ...


def told_apart(spans: Sequence[_Span], found: Sequence[Match[str]], folded: Sequence[str],
               owners: _FirstNames, elsewhere: Collection[int] = ()) -> set[int]:
    """The numbers of the spans that read a person by half their first name while the same
    text (or, ``elsewhere``, the rest of its entry) writes that person's whole first name too:
    nobody's (``AMBIGUOUS``)."""
    counts = Counter(span.person for span in spans)
    if not elsewhere and not any(count > 1 and person >= 0 for person, count in counts.items()):
        return set()  # most texts: nobody named twice
    kinds = _kinds(spans, found, folded, owners,
                   {person for person, count in counts.items() if count > 1} | set(elsewhere))
    whole = {span.person for span, kind in zip(spans, kinds, strict=True) if kind == "whole"}
    whole.update(elsewhere)
    return {number for number, (span, kind) in enumerate(zip(spans, kinds, strict=True))
            if kind == "half" and span.person in whole}


def written_whole(spans: Sequence[_Span], found: Sequence[Match[str]], folded: Sequence[str],
                  owners: _FirstNames) -> set[int]:
    """The people whose whole first name a text writes ("Anne-Marie", "Anne-Marie Heuvel")."""
    people = {span.person for span in spans if span.person >= 0}
    return {span.person for span, kind in zip(spans, _kinds(spans, found, folded, owners, people),
                                              strict=True) if kind == "whole"}


def _kinds(spans: Sequence[_Span], found: Sequence[Match[str]], folded: Sequence[str],
           owners: _FirstNames, people: Collection[int]) -> list[str | None]:
    """How each span of one of ``people`` writes the first name (``first_name``)."""
    first_word = {match.start(): index for index, match in enumerate(found)}
    kinds: list[str | None] = []
    for span in spans:
        start = first_word.get(span.name_start)
        if start is None or span.person not in people or span.person < 0:
            kinds.append(None)
            continue
        stop = start
        while stop < len(found) and found[stop].end() <= span.end:
            stop += 1
        kinds.append(owners.first_name(folded[start:stop], span.person))
    return kinds
