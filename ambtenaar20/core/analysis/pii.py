"""Find citizens' personal data in text: BSN, IBAN, phone numbers, e-mail and street addresses.

Used by the drafting checker (warn before publishing) and by exports (mask on request). Numbers
are only reported when they pass their checksum (BSN 11-check, IBAN mod-97) or, for phone
numbers, the numbering plan: ``123456789`` is not a BSN, ``2024`` not a phone number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ambtenaar20.core.i18n import N_, _

KINDS = ("bsn", "iban", "phone", "email", "address")

_BSN = re.compile(
    r"(?<![\w.])"
    r"(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{3}[ .]\d{2}[ .]\d{2}[ .]\d{2}|\d{9})"
    r"(?![\w]|\.\d)"
)
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])"
)
_IBAN_GROUP_END = re.compile(r" ?[A-Z0-9]{1,4}$")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_STREET_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|park|hof|steeg|pad|dreef|baan|markt|"
    "boulevard|allee|wal|dam|haven|veld|hout|burgwal|plantsoen|erf|ring|kwartier"
)
_POSTCODE = r"[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}"
_HOUSE_NUMBER = r"\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z])|-\d{1,4})?"
_STREET_ADDRESS = re.compile(
    rf"\b[A-Z][\w'-]*(?:{_STREET_SUFFIX})\s+{_HOUSE_NUMBER}"
    rf"(?:,?\s+{_POSTCODE}(?:\s+[A-Z][\w'-]+)?)?",
)
_POSTCODE_ADDRESS = re.compile(rf"(?<![\w])({_POSTCODE})(?:,?\s+|\s*,\s*)(?:nr\.?\s*)?\d{{1,5}}\b")

_MASKS = {
    "bsn": N_("[BSN]"),
    "iban": N_("[IBAN]"),
    "phone": N_("[phone number]"),
    "email": N_("[e-mail address]"),
    "address": N_("[address]"),
}


@dataclass(frozen=True)
class PiiMatch:
    kind: str
    start: int
    end: int
    text: str


def find_personal_data(text: str, kinds: Iterable[str] | None = None) -> list[PiiMatch]:
    """All personal data in ``text`` of the given kinds (default: all), by position.

    Matches never overlap: where two detectors claim the same characters, the more specific one
    (BSN, IBAN, e-mail before phone and address) wins.
    """
    wanted = set(KINDS if kinds is None else kinds)
    found: list[PiiMatch] = []
    if "email" in wanted:
        found += _regex_matches("email", _EMAIL, text)
    if "iban" in wanted:
        found += _iban_matches(text)
    if "bsn" in wanted:
        found += [m for m in _regex_matches("bsn", _BSN, text) if _valid_bsn(m.text)]
    if "address" in wanted:
        found += _regex_matches("address", _STREET_ADDRESS, text)
        found += _regex_matches("address", _POSTCODE_ADDRESS, text)
    if "phone" in wanted:
        found += _phone_matches(text)
    return _without_overlaps(found)


def mask_personal_data(text: str, kinds: Iterable[str] | None = None) -> str:
    """``text`` with every personal-data match replaced by a label such as ``[BSN]``."""
    pieces: list[str] = []
    position = 0
    for match in find_personal_data(text, kinds):
        pieces.append(text[position:match.start])
        pieces.append(_(_MASKS[match.kind]))
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


def _regex_matches(kind: str, pattern: re.Pattern[str], text: str) -> list[PiiMatch]:
    return [PiiMatch(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _valid_bsn(candidate: str) -> bool:
    from stdnum.nl import bsn

    return bsn.is_valid(re.sub(r"[ .]", "", candidate))


def _iban_matches(text: str) -> list[PiiMatch]:
    from stdnum import iban

    found = []
    for match in _IBAN.finditer(text):
        candidate = match.group()
        # The pattern may run on into a following word in capitals; shorten group by group.
        while len(candidate.replace(" ", "")) >= 15:
            if iban.is_valid(candidate):
                start = match.start()
                found.append(PiiMatch("iban", start, start + len(candidate), candidate))
                break
            candidate = _IBAN_GROUP_END.sub("", candidate)
    return found


def _phone_matches(text: str) -> list[PiiMatch]:
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    return [PiiMatch("phone", m.start, m.end, m.raw_string) for m in matcher]


_PRIORITY = {kind: rank for rank, kind in enumerate(("email", "iban", "bsn", "address", "phone"))}


def _without_overlaps(matches: list[PiiMatch]) -> list[PiiMatch]:
    kept: list[PiiMatch] = []
    for match in sorted(matches, key=lambda m: (_PRIORITY[m.kind], m.start, -(m.end - m.start))):
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
