"""The officer's own list of people a pseudonymised export hides besides the log's counterparts.

A pseudonymised export recognises the people of the log (``core/export/pseudonymize.py``); a
person named in a summary who is no counterpart anywhere ("de aanvraag van Jan de Vries") is not
recognised, since no word list tells every name from a word or a place. The officer names such
people once (Rapportage, ``ambtenaar20 hidden-names``, ``export --hide-name``); the list is saved
in the settings (``PrivacySettings.hidden_names``). The window, the command line and the export
clean it the same way here: one person once, however often or however it was typed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.name_spellings import person_key
from ambtenaar20.core.settings import PrivacySettings


def clean_names(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` without surrounding or doubled white space, without empty ones, and each
    person once: "jan de vries" after "Jan de Vries" is the same person (first one kept)."""
    cleaned: dict[str, str] = {}
    for name in names:
        tidy = " ".join(name.split())
        key = person_key(tidy)
        if key and key not in cleaned:
            cleaned[key] = tidy
    return tuple(cleaned.values())


def add_hidden_name(privacy: PrivacySettings, name: str) -> bool:
    """Add ``name`` to the saved list; False when that person is in it already."""
    added = clean_names([name])
    if not added:
        raise UsageError(_("the name is empty"))
    before = clean_names(privacy.hidden_names)
    after = clean_names([*before, *added])
    privacy.hidden_names = list(after)
    return len(after) > len(before)


def remove_hidden_name(privacy: PrivacySettings, name: str) -> str:
    """Remove the person ``name`` from the saved list (case and accents do not matter) and
    return the name as it was saved; ``UsageError`` when that person is not in the list."""
    key = person_key(name)
    kept = [saved for saved in privacy.hidden_names if person_key(saved) != key]
    if not key or len(kept) == len(privacy.hidden_names):
        raise UsageError(_("'{name}' is not in the list of names to hide").format(name=name))
    removed = next(saved for saved in privacy.hidden_names if person_key(saved) == key)
    privacy.hidden_names = kept
    return " ".join(removed.split())


def saved_in_file(path: Path) -> list[str] | None:
    """The names to hide as the settings file at ``path`` holds them now, or None when it
    cannot tell (no file, unreadable, damaged: the caller keeps what it has).

    The window keeps the settings in memory; ``hidden-names`` or an erasure from the command
    line may have changed the file since. Read without side effects: a damaged file is set
    aside by the next real load, not here.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        names = raw["privacy"]["hidden_names"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        return None
    return list(clean_names(names))


def merged_edit(before: Iterable[str], after: Iterable[str], current: Iterable[str]) -> list[str]:
    """``current`` with the officer's edit from ``before`` to ``after`` applied: the names they
    added, without the ones they took out. A name someone else took out meanwhile (an
    erasure from the command line) stays out; one the officer typed again comes back."""
    before_keys = {person_key(name) for name in before}
    after_names = clean_names(after)
    after_keys = {person_key(name) for name in after_names}
    removed = before_keys - after_keys
    added = [name for name in after_names if person_key(name) not in before_keys]
    kept = [name for name in current if person_key(name) not in removed]
    return list(clean_names([*kept, *added]))
