"""Where a text writes a surname right after a first name: "Marie Jansen", "Marie van den Heuvel".

A first name alone ("Marie") may be anyone's with that name; written with a surname, the surname
says whose it is. "Marie" of "Anne-Marie van den Heuvel" is hers in "Marie van den Heuvel", but
"Marie Jansen" is someone else, who must neither get her pseudonym nor keep a readable surname
(``core/surname_owner.py`` decides whose it is; this module only finds where the surname ends).

A surname here is what Dutch writes after a first name on the same line: particles ("van den",
"ter", "van 't") and a word with a capital, maybe joined to more halves by a hyphen, each with
its own particles ("Berg-Jansen", "Smit-de Boer"). Prepositions that are also particles ("in",
"op", "te") are left out: "Marie in Utrecht" is Marie somewhere, not a surname. A word in
capitals only counts when the first name is written so too ("MARIE JANSEN"), since "Marie GGD"
or "Marie WhatsApp" names no surname. A double surname is one person's: either half may say
whose it is (``surname_halves``), and the halves after a known name go with it ("Petra de
Boer-Smit", ``more_halves``), else an export writes "Persoon 2-Smit".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

#: Particles a surname may start with after a first name; no prepositions ("in", "op", "te").
SURNAME_PARTICLES = frozenset({"van", "de", "den", "der", "ten", "ter", "t", "von", "vd", "v",
                               "d"})
#: Between the first name and the surname: white space on one line, nothing else ("Marie.
#: Jansen" is two sentences).
_SPACE = re.compile(r"[^\S\n]+")
#: After a particle: a space, an apostrophe ("d'Artagnan", "van 't Hof") or a full stop ("v.d.").
_AFTER_PARTICLE = re.compile(r"[^\S\n]*[.'\u2018\u2019\u02bc`\u00b4]?[^\S\n]*")
#: Between the halves of a double surname ("Berg-Jansen").
_BARREL = re.compile(r"[\-\u2010\u2011]")


def surname_end(found: Sequence[re.Match[str]], folded: Sequence[str], index: int) -> int | None:
    """The end (a word number, exclusive) of a surname written from word ``index`` on, right
    after the first name that ends at word ``index - 1``; None when no surname follows there.

    ``found`` are the words of one text (``name_spellings.WORD`` matches), ``folded`` the same
    words folded."""
    if index >= len(found) or not _glued(found, index, _SPACE):
        return None
    shouting = found[index - 1].group().isupper()
    while folded[index] in SURNAME_PARTICLES:  # "van den", "v.d.", "van 't"
        index += 1
        if index == len(found) or not _glued(found, index, _AFTER_PARTICLE):
            return None
    if not _capital(found[index].group(), shouting):
        return None
    return more_halves(found, folded, index + 1, shouting=shouting)


def more_halves(found: Sequence[re.Match[str]], folded: Sequence[str], index: int,
                first_names: AbstractSet[str] = frozenset(), shouting: bool | None = None) -> int:
    """The end (a word number, exclusive) of the further halves of a double surname whose
    last word so far is word ``index - 1`` ("-Jansen", "-de Boer"); ``index`` when none.

    A half that is one of ``first_names`` is no surname: "Anne-Marie-Petra" names two people.
    ``shouting``: whether capitals only count (None: when word ``index - 1`` is in capitals)."""
    if shouting is None:
        shouting = index > 0 and found[index - 1].group().isupper()
    while index < len(found) and _glued(found, index, _BARREL):
        word = index
        while folded[word] in SURNAME_PARTICLES:  # "Smit-de Boer", "Heuvel-van den Berg"
            word += 1
            if word == len(found) or not _glued(found, word, _AFTER_PARTICLE):
                return index
        if not _capital(found[word].group(), shouting) or folded[word] in first_names:
            return index
        index = word + 1
    return index


def surname_halves(found: Sequence[re.Match[str]], start: int, end: int) -> list[range]:
    """The word ranges of the halves of the surname from word ``start`` to ``end``."""
    cuts = [index for index in range(start + 1, end) if _glued(found, index, _BARREL)]
    bounds = [start, *cuts, end]
    return [range(first, stop) for first, stop in pairwise(bounds)]


def _glued(found: Sequence[re.Match[str]], index: int, glue: re.Pattern[str]) -> bool:
    """Whether only ``glue`` stands between word ``index - 1`` and word ``index``."""
    start, end = found[index - 1].end(), found[index].start()
    return start < end and glue.fullmatch(found[index].string, start, end) is not None


def _capital(word: str, shouting: bool) -> bool:
    return word[0].isupper() and (shouting or len(word) == 1 or not word.isupper())
