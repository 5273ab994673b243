"""The officer's own list of people a pseudonymised export hides besides the log's counterparts.

A pseudonymised export recognises the people of the log (``core/export/pseudonymize.py``); a
person named in a summary who is no counterpart anywhere ("de aanvraag van Jan de Vries") is not
recognised, since no word list tells every name from a word or a place. The officer names such
people once (Rapportage, ``ambtenaar20 hidden-names``, ``export --hide-name``); the list is saved
in the settings (``PrivacySettings.hidden_names``). The window, the command line and the export
clean it the same way here: one person once, however often or however it was typed.
"""

from __future__ import annotations

from collections.abc import Iterable

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
