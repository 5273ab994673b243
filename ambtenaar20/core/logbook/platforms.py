"""The platforms the log offers to pick, as stored and as shown in the interface language.

A log entry's platform is free text, stored as the officer picked or typed it ("X",
"LinkedIn"). Most names are the same in Dutch and English; the one that is not, the telephone,
has been stored as "Telefoon" since the first version. That stored value stays, so reports
and filters keep counting old and new entries together whatever the interface language; only
what is shown is translated ("Phone" in English). "Onbekend" is stored the same way: a reply
started with "Reageren" has no platform until it is published (a feed's name is none).
"""

from __future__ import annotations

from ambtenaar20.core.i18n import N_, _

#: The stored values offered in the Logboek's platform list, in the order shown.
COMMON_PLATFORMS = ("X", "LinkedIn", "Facebook", "Instagram", "Mastodon", "Website", "E-mail",
                    "WhatsApp", "Telefoon")

#: The platform of a reply that is started but not yet published: not offered to pick.
UNKNOWN_PLATFORM = "Onbekend"

#: Stored value -> untranslated label, for the stored values that are not a brand name.
_LABELS = {"Telefoon": N_("Phone"), UNKNOWN_PLATFORM: N_("Unknown")}


def platform_label(value: str) -> str:
    """How the stored platform ``value`` is shown in the active language."""
    return _(_LABELS[value]) if value in _LABELS else value


def platform_value(text: str) -> str:
    """The value to store for a platform the officer picked or typed.

    A shown label in either language ("Phone", "telefoon") becomes its stored value; any other
    text is kept as typed (only trimmed), as the log stores free text.
    """
    text = text.strip()
    folded = text.casefold()
    for value, label in _LABELS.items():
        if folded in (value.casefold(), label.casefold(), _(label).casefold()):
            return value
    return text
