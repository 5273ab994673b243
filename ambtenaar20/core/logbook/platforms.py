"""The platforms the log offers to pick, as stored and as shown in the interface language.

A log entry's platform is free text, stored as the officer picked or typed it ("X",
"LinkedIn"). A platform the app knows is stored under one name however it was typed:
"mastodon" and "x" are the keys ``drafts`` and ``check`` take, so officers type them in
``log add`` too, and a report that counts "Mastodon" and "mastodon" apart is wrong. Entries
stored before that keep their spelling (the log is a record); filters and totals group them
by ``platform_key``.

Most names are the same in Dutch and English; the one that is not, the telephone, has been
stored as "Telefoon" since the first version. That stored value stays, so reports and filters
keep counting old and new entries together whatever the interface language; only what is
shown is translated ("Phone" in English). "Onbekend" is stored the same way: a reply started
with "Reageren" has no platform until it is published (a feed's name is none).
"""

from __future__ import annotations

from ambtenaar20.core.i18n import N_, _

#: The stored values offered in the Logboek's platform list, in the order shown.
COMMON_PLATFORMS = ("X", "LinkedIn", "Facebook", "Instagram", "Mastodon", "Website", "E-mail",
                    "WhatsApp", "Telefoon")

#: The platform of a reply that is started but not yet published: not offered to pick.
UNKNOWN_PLATFORM = "Onbekend"

#: Names the app knows besides the offered ones: the drafts' platforms (``platforms.toml``),
#: which publishing a draft stores by name.
_OTHER_KNOWN = ("Bluesky", "Threads")

#: Stored value -> untranslated label, for the stored values that are not a brand name.
_LABELS = {"Telefoon": N_("Phone"), UNKNOWN_PLATFORM: N_("Unknown")}

#: Short names the drafts' ``--platform`` takes too (``drafting/platforms.py``'s aliases).
_ALIASES = {"twitter": "X", "fb": "Facebook", "bsky": "Bluesky", "ig": "Instagram"}


def _spelling_key(text: str) -> str:
    """"E-mail", "email", "e mail" alike: case, spaces, hyphens and dots do not matter."""
    return "".join(char for char in text.casefold() if char.isalnum())


_KNOWN = {_spelling_key(value): value
          for value in (*COMMON_PLATFORMS, *_OTHER_KNOWN, UNKNOWN_PLATFORM)}
_KNOWN.update({_spelling_key(alias): value for alias, value in _ALIASES.items()})


def platform_label(value: str) -> str:
    """How the stored platform ``value`` is shown in the active language.

    A known platform stored in another spelling before ("mastodon") is shown by its name."""
    value = _KNOWN.get(_spelling_key(value), value)
    return _(_LABELS[value]) if value in _LABELS else value


def platform_value(text: str) -> str:
    """The value to store for a platform the officer picked or typed.

    A known platform in any case or spelling ("mastodon", "x", "email") becomes its one name,
    and a shown label in either language ("Phone", "telefoon") its stored value; any other
    text is kept as typed (only trimmed), as the log stores free text.
    """
    text = text.strip()
    known = _KNOWN.get(_spelling_key(text))
    if known is not None:
        return known
    folded = text.casefold()
    for value, label in _LABELS.items():
        if folded in (label.casefold(), _(label).casefold()):
            return value
    return text


def platform_key(value: str) -> str:
    """What stored platforms count as one: a known platform's name, else the text in any case.

    "mastodon" stored before platforms were named on input counts with "Mastodon"; "Teams" and
    "teams", unknown to the app, count together too."""
    stored = platform_value(value)
    return stored if stored in _KNOWN.values() else " ".join(stored.casefold().split())
