"""Saving the settings without undoing what another process saved meanwhile.

The window keeps the settings in memory from its start; the command line may change the file
while it is open (``tone-words add``, ``hidden-names add``, ``erase-person``). Writing the
window's copy back whole, as it does when it closes (to remember its size), undid those changes.
A save is therefore a three-way merge per value: what this process changed since it read the
file wins; everything else is taken from the file as it is now. The window's copy is then
brought up to date in place, so its parts (``settings.tone``, held by the analyser) see it too.
When both changed the same value, this process's value wins: it is the later save. A list (the
words without tone, the names to hide) is merged item by item: the items this process added or
took out, applied to the list as the file holds it.

The file may also have been reset by another process (it was damaged, set aside, and written
again with defaults plus that process's change). Then its defaults are no change anybody made:
the merge compares with the defaults, so what this process holds (the profile, the names to
hide) is written back together with the other process's change.
"""

from __future__ import annotations

import dataclasses
from typing import Any

_MISSING = object()


def merged(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """``mine`` with every value it did not change since ``base`` taken from ``theirs``."""
    result: dict[str, Any] = {}
    for key, value in mine.items():
        was = base.get(key, _MISSING)
        now = theirs.get(key, _MISSING)
        if isinstance(value, dict) and isinstance(was, dict) and isinstance(now, dict):
            result[key] = merged(was, value, now)
        elif isinstance(value, list) and isinstance(was, list) and isinstance(now, list):
            result[key] = merged_list(was, value, now)
        elif value != was or now is _MISSING:
            result[key] = value
        else:
            result[key] = now
    return result


def merged_list(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    """``theirs`` without the items this process took out since ``base``, with the ones it
    added (at the end, in its order)."""
    removed = [item for item in base if item not in mine]
    added = [item for item in mine if item not in base and item not in theirs]
    return [item for item in theirs if item not in removed] + added


def update_in_place(target: Any, source: Any) -> None:
    """Copy the values of dataclass ``source`` into ``target`` of the same class, keeping the
    nested sections' identities (other objects hold them)."""
    for spec in dataclasses.fields(target):
        new = getattr(source, spec.name)
        old = getattr(target, spec.name)
        if dataclasses.is_dataclass(old) and type(old) is type(new):
            update_in_place(old, new)
        elif old != new:
            setattr(target, spec.name, new)
