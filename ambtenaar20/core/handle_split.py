"""The name in a handle whose words run together in lower case: "@pietdevries" is Piet de Vries.

Officers' and citizens' handles are mostly lower case, so the capitals that split "@JanJansen"
into "Jan Jansen" (``core/name_spellings.py``) are missing, and "Piet de Vries", "P. de Vries"
and, in his own entries, "Piet" stayed readable beside the replaced handle. Without capitals a
Dutch surname particle ("de", "van der", "ter") is what marks where the first name ends: the
handle is read as first name + particles + surname at each place a particle fits. A handle
without a particle ("@pietbakker") cannot be split this way: no word list tells a first name's
end, so only the handle itself and its run-together forms name him there.

A split may be wrong ("fre|de|rikvandijk" beside "frederik|van|dijk"): its spellings then match
no text, so every split is kept rather than guessing one.
"""

from __future__ import annotations

from typing import NamedTuple

#: Particle sequences a surname may start with, longest first ("van der" before "van").
_PARTICLES = (("van", "der"), ("van", "den"), ("van", "de"), ("van", "t"), ("van",),
              ("de",), ("den",), ("der",), ("ter",), ("ten",), ("von",))
#: The shortest first name ("Bo") and surname ("Os") of a split.
_MIN_FIRST, _MIN_SURNAME = 2, 2


class Split(NamedTuple):
    """One reading of a run-together handle: "piet", ("de",), ("vries",)."""

    first: str
    particles: tuple[str, ...]
    surname: str

    @property
    def words(self) -> tuple[str, ...]:
        return (self.first, *self.particles, self.surname)

    @property
    def names(self) -> set[tuple[str, ...]]:
        """The name written apart, with the first name's initial, without particles."""
        return {self.words, (self.first[0], *self.particles, self.surname),
                (self.first, self.surname)}


def splits(handle: str) -> list[Split]:
    """The readings of a lower-case handle ("pietdevries") as first name, particles, surname."""
    if not handle.isalpha():
        return []
    found: list[Split] = []
    for start in range(_MIN_FIRST, len(handle) - _MIN_SURNAME):
        for particles in _PARTICLES:
            joined = "".join(particles)
            rest = handle[start + len(joined):]
            if handle.startswith(joined, start) and len(rest) >= _MIN_SURNAME:
                found.append(Split(handle[:start], particles, rest))
                break  # "van der" read, not also "van" + "derberg"
    return found
