"""What a damaged settings file took with it, and where the officer fills it in again.

Besides plain preferences, the settings hold things only the officer can give back: the profile
(the name on every report), the words without tone and the names to hide in pseudonymised
exports. When the file is set aside, the message names each of those it still shows (a file cut
off halfway cannot be parsed, but its text can be read) and, for those the cut text never
reaches, says they may be gone. A part that was empty is not mentioned: nothing was lost.
"""

from __future__ import annotations

import re

from ambtenaar20.core.i18n import _

#: The parts, in ``Settings`` field order (a cut file shows the early ones).
PROFILE = "profile"
TONELESS_WORDS = "toneless_words"
HIDDEN_NAMES = "hidden_names"
PARTS = (PROFILE, HIDDEN_NAMES, TONELESS_WORDS)

#: ``_from_dict``'s names of wrong values that lose a part (``Profile.name``, ``Settings.tone``).
_INVALID_PREFIXES = {
    PROFILE: ("Settings.profile", "Profile."),
    HIDDEN_NAMES: ("Settings.privacy", "PrivacySettings.hidden_names"),
    TONELESS_WORDS: ("Settings.tone", "ToneSettings.toneless_words"),
}

#: How each part is filled in, in its damaged text: a non-empty string in the section or list.
_PROFILE_SECTION = re.compile(r'"profile"\s*:\s*\{([^}]*)')
_PROFILE_VALUE = re.compile(r'"(?:name|function|organisation|department)"\s*:\s*"[^"]')
_LIST_KEYS = {HIDDEN_NAMES: '"hidden_names"', TONELESS_WORDS: '"toneless_words"'}


def parts_in_damaged_text(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(lost, maybe_lost)``: parts the damaged ``text`` shows filled in, and parts it never
    reaches because it breaks off before them (so whether they held anything is unknown)."""
    cut_off = not text.rstrip().endswith("}")
    lost: list[str] = []
    maybe: list[str] = []
    for part in PARTS:
        if part == PROFILE:
            section = _PROFILE_SECTION.search(text)
            present = section is not None
            filled = bool(section and _PROFILE_VALUE.search(section.group(1)))
        else:
            key = _LIST_KEYS[part]
            present = key in text
            filled = re.search(re.escape(key) + r'\s*:\s*\[\s*"', text) is not None
        if filled:
            lost.append(part)
        elif not present and cut_off:
            maybe.append(part)
    return tuple(lost), tuple(maybe)


def parts_in_invalid_values(invalid: list[str]) -> tuple[str, ...]:
    """The parts lost because one of their values in a readable file was of the wrong type."""
    return tuple(part for part in PARTS
                 if any(name.startswith(_INVALID_PREFIXES[part]) for name in invalid))


def loss_sentences(lost: tuple[str, ...], maybe_lost: tuple[str, ...]) -> list[str]:
    """One sentence per lost part, saying where to fill it in again, in the active language."""
    sentences = []
    if PROFILE in lost:
        # The report's cover would otherwise name nobody, without anyone noticing.
        sentences.append(_(
            "Your profile (name, function, organisation) was lost: fill it in again under "
            "File > Preferences, so that your reports carry your name."))
    if TONELESS_WORDS in lost:
        sentences.append(_(
            "Your words without tone were lost: enter them again under File > Preferences."))
    if HIDDEN_NAMES in lost:
        sentences.append(_(
            "Your names to hide in pseudonymised exports were lost: enter them again under "
            "Reports."))
    if maybe_lost:
        where = {
            PROFILE: _("your profile (File > Preferences)"),
            TONELESS_WORDS: _("your words without tone (File > Preferences)"),
            HIDDEN_NAMES: _("your names to hide in exports (Reports)"),
        }
        names = [where[part] for part in maybe_lost]
        parts = names[0] if len(names) == 1 else _("{first} and {last}").format(
            first=", ".join(names[:-1]), last=names[-1])
        sentences.append(_(
            "The damaged file breaks off before {parts}: if you had filled them in, do so again."
        ).format(parts=parts))
    return sentences
