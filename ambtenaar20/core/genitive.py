"""The Dutch genitive -s after a name: "Jansens brief", "De Groots motie", "Van den Heuvels klacht".

Dutch writes the genitive of a name with an "s" run into it (after a vowel "'s", which the name
matcher reads as a word of its own already: "Anne-Marie's"). Read as a word, "Jansens" is no
known name, so the surname stayed readable in a pseudonymised export and "Marie Jansens" got a
pseudonym of its own beside "Marie Jansen". ``Genitives`` gives the name matcher
(``core/person_names.py``) the word without its "s" when that is the last word of a known name,
so the name is that person's; the export writes the genitive after the pseudonym ("Persoon 2's
brief"), as it does for "Anne-Marie's".

An ordinary word that happens to be a name plus "s" is no genitive: "een groots plan", "de
heuvels". As with the names themselves (``core/name_spellings.py``), a word is a genitive when
written with a capital, or, in lower case, only when neither it nor the name is an ordinary
Dutch word ("jansens brief").

After a name that ends on a hissing sound ("Kees", "Claes", "De Vries", "Felix") Dutch writes
the genitive as an apostrophe alone: "Kees' vraag". Left after a pseudonym it read "Persoon 4'
vraag"; ``apostrophe_end`` finds it, so that the export writes "Persoon 4's vraag".
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from re import Match

from ambtenaar20.core.name_spellings import is_ordinary

#: The apostrophe of "Kees' vraag" after a name ending on s, x or z; no letter may follow
#: ("Kees'je" is no genitive).
_APOSTROPHE = re.compile(r"(?<=[sxzSXZ])['\u2019](?!\w)")
#: A name of fewer letters plus "s" is too often a word ("Lis", "Bos" of "Bo").
_MIN_NAME = 3


class Genitives:
    """The words known names end on, and how to read a text's words with the genitive -s."""

    def __init__(self) -> None:
        #: last words of known names and surnames ("jansen", "heuvel", "groot")
        self._ends: set[str] = set()

    def add(self, forms: Iterable[tuple[str, ...]]) -> None:
        self._ends.update(form[-1] for form in forms if len(form[-1]) >= _MIN_NAME)

    def read(self, found: Sequence[Match[str]], folded: list[str],
             names: Container[str]) -> set[int]:
        """Replace in ``folded`` each genitive word by its name ("jansens" -> "jansen") and
        return the numbers of the words replaced. ``names``: words that start a known name as
        they are written; a name that ends on "s" ("Klaas", "Vries") is never cut."""
        cut: set[int] = set()
        ends = self._ends
        for index, word in enumerate(folded):
            if word[-1:] != "s" or word[:-1] not in ends or word in ends or word in names:
                continue
            if not found[index].group()[0].isupper() and (
                    is_ordinary(word) or is_ordinary(word[:-1])):
                continue  # "een groots plan", "de heuvels"
            folded[index] = word[:-1]
            cut.add(index)
        return cut



def apostrophe_end(text: str, start: int, end: int) -> int | None:
    """The end of the genitive apostrophe right after a name from ``start`` to ``end``
    ("Kees'"); None also when the name is quoted ("'Kees'")."""
    found = _APOSTROPHE.match(text, end)
    if found is None or (start > 0 and text[start - 1] == found.group()):
        return None
    return found.end()
