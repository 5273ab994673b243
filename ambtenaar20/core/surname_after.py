"""Where a text writes a surname right after a first name: "Marie Jansen", "Marie van den Heuvel".

A first name alone ("Marie") may be anyone's with that name; written with a surname, the surname
says whose it is. "Marie" of "Anne-Marie van den Heuvel" is hers in "Marie van den Heuvel", but
"Marie Jansen" is someone else, who must neither get her pseudonym nor keep a readable surname
(``core/person_names.py`` decides whose it is; this module only finds where the surname ends).

A surname here is what Dutch writes after a first name on the same line: particles ("van den",
"ter", "van 't") and a word with a capital, maybe joined to more by a hyphen ("Berg-Jansen").
Prepositions that are also particles ("in", "op", "te") are left out: "Marie in Utrecht" is Marie
somewhere, not a surname. A word in capitals only counts when the first name is written so too
("MARIE JANSEN"), since "Marie GGD" or "Marie WhatsApp" names no surname.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    end = index + 1
    while end < len(found) and _glued(found, end, _BARREL) and \
            _capital(found[end].group(), shouting):
        end += 1
    return end


def _glued(found: Sequence[re.Match[str]], index: int, glue: re.Pattern[str]) -> bool:
    """Whether only ``glue`` stands between word ``index - 1`` and word ``index``."""
    start, end = found[index - 1].end(), found[index].start()
    return start < end and glue.fullmatch(found[index].string, start, end) is not None


def _capital(word: str, shouting: bool) -> bool:
    return word[0].isupper() and (shouting or len(word) == 1 or not word.isupper())
