"""Words that look like a known surname but name nobody: "de koning", "de Groot-Britse ambassade".

A surname that is an ordinary Dutch word ("Koning" of Maria de Koning, "Groot" of Kees de Groot)
names her only as a name: with a capital, a first name or a title (``core/name_spellings.py``).
With its particle it is a part hidden everywhere, so "de koning van Nederland" and "de
Groot-Britse ambassade" came out as "Persoon 3 van Nederland" and "Persoon 3 ambassade". Such a
word is nobody's when written in lower case after its particles, or when it is the first half of
a hyphenated word whose second half is no surname: a lower-case word ("groot-onderhoud") or an
adjective ("-Britse", "-Franse", "-Indische"); a double surname ("De Groot-Smit") stays hers.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

#: The endings of Dutch adjectives of place or origin ("Britse", "Franse", "Indische").
_ADJECTIVE = re.compile(r"\w{2,}(?:se|sche)", re.IGNORECASE)
#: A hyphen between two halves of one word ("Groot-Britse").
_HYPHEN = re.compile(r"[\-\u2010\u2011]")


def looks_alike(found: Sequence[re.Match[str]], folded: Sequence[str], start: int, end: int,
                ordinary: Container[str], particles: Container[str]) -> bool:
    """Whether words ``start`` to ``end`` (exclusive) of a text, read as a known surname with
    its particles that is an ordinary word, name nobody (see the module docstring)."""
    last = end - 1
    # "Kees de Groot-Britse" still names Kees de Groot.
    if folded[last] not in ordinary or any(folded[index] not in particles
                                           for index in range(start, last)):
        return False
    if not found[last].group()[0].isupper():
        return True  # "de koning van Nederland"
    if end >= len(found) or not _HYPHEN.fullmatch(found[last].string, found[last].end(),
                                                  found[end].start()):
        return False
    after = found[end].group()
    if folded[end] in particles:
        return False  # "Van den Heuvel-van Dijk": a double surname
    return not after[0].isupper() or _ADJECTIVE.fullmatch(after) is not None
