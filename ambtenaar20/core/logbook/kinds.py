"""The kinds of interaction and the two directions, with stable machine values.

The machine values (``reactie``, ``vraag_beantwoord`` …) are what the database, the JSON export and
the CLI's ``--format json`` contain; they never change. Labels are translated for display. Input is
forgiving: the Dutch words as officers write them ("vraag beantwoord", "privébericht"), slugs
("vraag-beantwoord", "privebericht") and the English labels are all accepted.
"""

from __future__ import annotations

import unicodedata

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import N_, _

#: machine value -> untranslated (English) label; order is the order shown to the officer.
KINDS: dict[str, str] = {
    "reactie": N_("reply"),
    "bericht": N_("post"),
    "vraag_beantwoord": N_("question answered"),
    "correctie": N_("correction"),
    "doorverwezen": N_("referred"),
    "privebericht": N_("private message"),
    "overig": N_("other"),
}

#: The Dutch words as the issue and the officers write them (used in help texts and docs).
DUTCH_NAMES: dict[str, str] = {
    "reactie": "reactie",
    "bericht": "bericht",
    "vraag_beantwoord": "vraag beantwoord",
    "correctie": "correctie",
    "doorverwezen": "doorverwezen",
    "privebericht": "privébericht",
    "overig": "overig",
}

DIRECTIONS: dict[str, str] = {"in": N_("incoming"), "out": N_("outgoing")}

_EXTRA_ALIASES = {
    "reply": "reactie",
    "post": "bericht",
    "message": "bericht",
    "question_answered": "vraag_beantwoord",
    "answer": "vraag_beantwoord",
    "antwoord": "vraag_beantwoord",
    "correction": "correctie",
    "referred": "doorverwezen",
    "referral": "doorverwezen",
    "private_message": "privebericht",
    "prive_bericht": "privebericht",
    "dm": "privebericht",
    "other": "overig",
}


def _slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "_".join(plain.replace("-", " ").replace("_", " ").split())


def parse_kind(text: str) -> str:
    """The machine value for ``text``; ``UsageError`` naming the field if it is unknown."""
    slug = _slug(text or "")
    if slug in KINDS:
        return slug
    if slug in _EXTRA_ALIASES:
        return _EXTRA_ALIASES[slug]
    raise UsageError(
        _("kind: unknown kind '{value}'; choose one of: {choices}").format(
            # The names in the interface language: all of them are accepted as input.
            value=text, choices=", ".join(kind_label(kind) for kind in KINDS)
        )
    )


def parse_direction(text: str) -> str:
    value = (text or "").strip().lower()
    aliases = {"in": "in", "out": "out", "inkomend": "in", "uitgaand": "out",
               "incoming": "in", "outgoing": "out", "uit": "out"}
    if value not in aliases:
        raise UsageError(_("direction: '{value}' is not 'in' or 'out'").format(value=text))
    return aliases[value]


def kind_label(kind: str) -> str:
    """The translated label of a machine value (the value itself if it is unknown)."""
    return _(KINDS[kind]) if kind in KINDS else kind


def direction_label(direction: str) -> str:
    return _(DIRECTIONS[direction]) if direction in DIRECTIONS else direction
