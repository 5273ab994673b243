"""The first name before a known surname: "Eva van de Beek" when only "van de Beek" is known.

A surname with its particles is a part of a name hidden everywhere ("van de Beek" of
"@evandebeek", ``core/name_spellings.py``). Written after a first name the matcher does not know
("Eva", "E." of a handle it read as "Evan de Beek"), the export wrote "Eva van de Persoon 4":
a first name and particles readable beside a pseudonym, which tell who it is. Dutch writes the
particles in lower case only after a first name or initials, so that capitalised word is the
first name, and goes with the surname: hers when it starts as hers (or nothing is known of her
first name), else someone else's (``surname_owner.SOMEONE_ELSE``). In her own entry that text
also tells her first name: "Eva belt" further on is her too (``learned_first_names``).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence, Set
from typing import Any

from ambtenaar20.core.surname_after import SURNAME_PARTICLES

#: Between the first name and the particles: white space on one line; after an initial also a
#: full stop ("E. van de Beek").
_SPACE = re.compile(r"[^\S\n]+")
_AFTER_INITIAL = re.compile(r"\.?[^\S\n]*")


def first_name_before(found: Sequence[re.Match[str]], folded: Sequence[str], index: int,
                      floor: int, titles: Container[str]) -> int | None:
    """The word number of the first name before the lower-case particles of a surname that
    starts at word ``index`` with a particle (more may be before it: "van" of "van de Beek");
    None when there is none. Words before ``floor`` belong to another name already."""
    if not found[index].group().islower() or folded[index] not in SURNAME_PARTICLES:
        return None  # "Vraag van PetraDeBoer": a whole name, no surname with its particles
    while index > floor and folded[index - 1] in SURNAME_PARTICLES and \
            _glued(found, index, _SPACE):
        index -= 1
    if not found[index].group().islower() or folded[index] not in SURNAME_PARTICLES:
        return None
    first = index - 1
    if first < floor:
        return None
    word = found[first].group()
    glue = _AFTER_INITIAL if len(word) == 1 else _SPACE
    if not word[0].isupper() or folded[first] in titles or folded[first] in SURNAME_PARTICLES \
            or not _glued(found, index, glue):
        return None
    return first


def _glued(found: Sequence[re.Match[str]], index: int, glue: re.Pattern[str]) -> bool:
    """Whether only ``glue`` stands between word ``index - 1`` and word ``index``."""
    return glue.fullmatch(found[index].string, found[index - 1].end(),
                          found[index].start()) is not None


def learned_first_names(spans: list[Any], found: Sequence[re.Match[str]],
                        folded: Sequence[str], learned: Set[str], own: int | None) -> list[Any]:
    """``spans`` (``person_names.Span``, in text order) with each capitalised word of
    ``learned`` outside them added as a name of ``own``."""
    taken = [(span.start, span.end) for span in spans]
    added = [spans[0]._replace(start=match.start(), name_start=match.start(), end=match.end(),
                               person=own, genitive=False)
             for match, word in zip(found, folded, strict=True)
             if word in learned and match.group()[0].isupper()
             and not any(start <= match.start() < end for start, end in taken)]
    return sorted([*spans, *added], key=lambda span: span.start)
