"""Find citizens' personal data in text: BSN, IBAN, phone numbers, e-mail and street addresses.

Used by the drafting checker (warn before a post goes out) and by exports and reports (mask on
request). It must catch what officers actually paste (numbers from Word with non-breaking
spaces, IBANs in lower case, BSNs with hyphens) and must not cry wolf on amounts, links,
fediverse handles or ordinary sentences such as "In Amsterdam 3 nieuwe scholen". Numbers are
only reported when they pass their checksum (BSN 11-check, IBAN mod-97: python-stdnum) or, for
phone numbers, the numbering plan (phonenumbers); public service numbers are not a person's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ambtenaar20.core.analysis.links import TLDS, URL
from ambtenaar20.core.i18n import N_, _

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

KINDS = ("bsn", "iban", "phone", "email", "address")

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

# Word and PDF copies use these between digit groups; mapped one to one so offsets stay put.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003"), " ")
_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013"), "-")

_EMAIL = regex.compile(
    # Not after "@": "@redactie@mastodon.nl" is a fediverse handle, not an address.
    r"(?<![\w.+@-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Addresses written to dodge harvesters, "jan [at] gmail [dot] com", "jan(at)gemeente.nl": still
# a person's address. A bare " at " only counts with a bare " dot " after it.
_BRACKETED = r"\s*(?:\[\s*{0}\s*\]|\(\s*{0}\s*\)|\{{\s*{0}\s*\}})\s*"
_HIDDEN_AT = _BRACKETED.format("(?:at|apenstaartje)")
_HIDDEN_DOT = rf"(?:{_BRACKETED.format('(?:dot|punt)')}|\.)"
# The bare form reads like English ("Look at the dot com era", "Find us at ... dot nl"): only
# with a known ending, and not with a pronoun or an article where the names would be.
_KNOWN_ENDINGS = "|".join(sorted(TLDS))
_NOT_A_NAME = r"(?:us|me|him|her|them|you|it|look|ons|mij|hem|hen|the|a|an|this|that|de|het|een)"
_HIDDEN_EMAIL = regex.compile(
    rf"(?<![\w.+@-])[\w.+-]+{_HIDDEN_AT}[\w-]+(?:{_HIDDEN_DOT}[\w-]+)*{_HIDDEN_DOT}"
    r"[A-Za-z]{2,}(?![\w-])"
    rf"|(?<![\w.+@-])(?!{_NOT_A_NAME}\b)[\w.+-]+\s+at\s+(?!{_NOT_A_NAME}\b)[\w-]+"
    rf"(?:\s+dot\s+[\w-]+)*\s+dot\s+(?:{_KNOWN_ENDINGS})(?![\w-])",
    regex.IGNORECASE)
# Spaced out, "jan @ gmail . com", "k.bakker@ outlook.com", "jan [at] gmail . com". An "@" with a
# space before and none after is a mention ("Dank @gemeente.bsky.social"), never this. Spaced dots
# only before a common ending that is no word ("in", "be", "de"), written in one case ("school .
# In de pauze" is a sentence); with a letter in the name and the domain ("5 @ 3 . nl"), and not
# after a word that points somewhere ("Kijk @ de site . nl", "zie @ rijksoverheid . nl").
_SPACED_ENDINGS = ("nl", "com", "org", "net", "eu", "gov", "io", "info", "uk", "fr", "es", "ch",
                   "lu", "pl", "se", "dk", "us", "biz")
_ANY_CASE_ENDING = "|".join(_SPACED_ENDINGS) + "|" + "|".join(e.upper() for e in _SPACED_ENDINGS)
_NOT_A_MAILBOX = (r"(?:kijk|zie|lees|ga|klik|bel|mail|ook|via|op|naar|bij|look|see|visit|go|"
                  r"check|read|click|call|also|to|at|on)")
_SPACED_DOT = rf"(?:\s*\.\s*|{_BRACKETED.format('(?:dot|punt)')})"
_HAS_LETTER = r"(?=[\w.+-]*[^\W\d_])"
_SPACED_EMAIL = regex.compile(
    # The whole name must be such a word: "a.smit" is a name, "a" is not.
    rf"(?<![\w.+@-])(?!(?:{_NOT_A_NAME}|{_NOT_A_MAILBOX})(?![\w.+-])){_HAS_LETTER}[\w.+-]*\w"
    rf"(?:\s*@\s+|@|{_HIDDEN_AT})(?!{_NOT_A_NAME}(?![\w-])){_HAS_LETTER}[\w-]+"
    rf"(?:{_SPACED_DOT}[\w-]+)*{_SPACED_DOT}(?-i:{_ANY_CASE_ENDING})(?![\w-])",
    regex.IGNORECASE)
_DIGIT_RUN = regex.compile(r"(?<![\w.,/-])\d+(?:(?P<sep>[ .-])\d+(?:(?P=sep)\d+)*)?(?![\w])")
_IBAN_START = regex.compile(r"(?<![\p{L}\p{N}])[A-Za-z]{2}[ -]?\d{2}(?:[ -]?[A-Za-z0-9]){10,30}")
_AMOUNT_BEFORE = regex.compile(r"(?:€|\bEUR|\beuro)\s*$", regex.IGNORECASE)
_AMOUNT_AFTER = regex.compile(r"^(?:,(?:-|\d{1,2}))?\s*(?:€|euro\b|EUR\b)", regex.IGNORECASE)
# The municipal 14 + area code ("14 020") and 088 company numbers: organisations only.
_ORGANISATION_NUMBER = regex.compile(r"14\d{3,4}|88\d{7}")

_POSTCODE = r"[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}"
_POSTCODE_ADDRESS = regex.compile(
    rf"(?<![\w])({_POSTCODE})(?:,?\s+|\s*,\s*)(?:nr\.?\s*)?\d{{1,5}}\b")
_SUFFIXES = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "park", "hof",
             "steeg", "pad", "dreef", "baan", "markt", "boulevard", "allee", "wal", "dam",
             "haven", "veld", "hout", "burgwal", "plantsoen", "erf", "ring", "kwartier")
_SUFFIX = "|".join(_SUFFIXES)
_BARE_STREET = "|".join(s.capitalize() for s in _SUFFIXES)  # "Markt 12", "Dam 1"
_PARTICLE = r"(?:van|de|der|den|het|'t|ter|ten|op|aan|in|la|le)"
# Words that open a sentence are not part of a street name ("In Amsterdam", "De Kerkstraat").
_NOT_NAME = r"(?:De|Het|Een|In|Op|Bij|Naar|Aan|Om|Voor|Met|Via|Tot|En|Of|Ook|Wij|We|Ik|U|Hij|Zij)"
# "Burg. de Withstraat": a short abbreviation with a dot; a longer word with a dot ends a sentence.
_NAME_WORD = rf"(?!{_NOT_NAME}\s)(?:\d{{1,2}}e|[A-Z][\p{{Ll}}]{{0,4}}\.|[A-Z][\p{{Ll}}'’-]*)"
_STREET_WORD = rf"(?:[A-Z][\p{{Ll}}'’-]*?(?:{_SUFFIX})|{_BARE_STREET})"
_STREET = regex.compile(
    rf"(?<![\w])(?:"
    # "Kerkstraat", "Van Nelleweg", "Korte Voorhout", "2e Hugo de Grootstraat"
    rf"(?:{_NAME_WORD}\s+(?:{_PARTICLE}\s+)*){{0,3}}(?P<word>{_STREET_WORD})"
    # "Laan van Meerdervoort", "Laan van Nieuw Oost-Indië"
    rf"|(?:{_BARE_STREET})\s+{_PARTICLE}(?:\s+{_PARTICLE})*\s+[A-Z][\p{{L}}'’-]*"
    rf"(?:\s+[A-Z][\p{{L}}'’-]*)?"
    rf")\s+(?P<number>[1-9]\d{{0,3}})"
    # Additions: "12a", "12 a", "12-3", "12-bis", "12-II", "12bis", "12 hs", "12 III"; not the
    # "t" of "12 t/m 20".
    rf"(?P<addition>(?:bis|hs)(?![\w])|\s?[A-Za-z](?![\w/])|-\d{{1,4}}(?![\w])"
    rf"|-[A-Za-z]{{1,4}}(?![\w])|\s(?:hs|HS|bis|bg|II|III|IV)(?![\w]))?"
    # ... and a place: "Utrecht", "Den Haag", "'s-Hertogenbosch"
    rf"(?P<postcode>,?\s+{_POSTCODE}(?:\s+(?:(?:Den|De|Het|Ter|Ten)\s+|'s-)?"
    rf"[A-Z][\p{{L}}'’-]+)?)?(?![\w])"
)
# Places whose name ends like a street: "In Amsterdam 3 nieuwe scholen" is no address.
_PLACES = frozenset({
    "amsterdam", "rotterdam", "schiedam", "zaandam", "edam", "volendam", "monnickendam",
    "spaarndam", "appingedam", "leerdam", "maasdam", "stellendam", "ilpendam", "durgerdam",
    "westerveld", "oosterhout", "noordwijkerhout", "kinderdijk", "zaandijk", "sloterdijk",
})
_MONTHS = frozenset({
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dec", "january", "february", "march", "may", "june", "july",
    "august", "october",
})
# After a house number: words that go on with the sentence. Any other lower-case word ("nieuwe",
# "km", "turbines") makes the number a count, not a house number.
_AFTER_HOUSE_NUMBER = frozenset({
    "in", "te", "op", "bij", "aan", "naar", "van", "voor", "om", "tot", "sinds", "vanaf",
    "tussen", "naast", "tegenover", "achter", "en", "of", "maar", "want", "dus", "is", "was",
    "wordt", "werd", "zijn", "waren", "worden", "woont", "woonde", "wonen", "heeft", "had",
    "hebben", "kan", "kunt", "kunnen", "mag", "moet", "zal", "zou", "staat", "stond", "ligt",
    "hier", "daar", "er", "ook", "nog", "al", "niet", "wel", "dat", "die", "waar", "als",
    "at", "and", "or", "on", "to", "for",
})
# A stretch of street in a road-works notice, "Kerkstraat 1 t/m 20", "Molenweg 3 - 27",
# "Kerkstraat 2-14", "Kerkstraat 1 to 20": no one's home. "12-3" (second number smaller) is
# number 12, apartment 3.
_RANGE = regex.compile(
    r"\s*(?:(?P<dash>-)|(?P<through>t\s?/\s?m|t\.?\s?m\.?|tot\s+en\s+met|through|thru)"
    r"|tot|to|until|till)\s*(?P<last>\d{1,4})(?!\d|[.,:]\d)\s*(?P<next>\p{L}*)",
    regex.IGNORECASE)
# Street words that are ordinary nouns as well ("Windpark", "Leerpad", "Loopbaan"): their
# house number needs the sentence to read like an address even with an addition ("4a").
_NOUN_SUFFIXES = ("park", "pad", "baan", "markt", "veld", "hof", "ring", "erf", "hout",
                  "haven", "dam", "wal", "kwartier")
_FIRST_AFTER = regex.compile(r"[ \t]*(?P<word>\p{L}+)?(?P<rest>.{0,2})", regex.DOTALL)

_PRIORITY = {kind: rank for rank, kind in enumerate(("email", "iban", "bsn", "address", "phone"))}


def find_personal_data(text: str, kinds: Iterable[str] | None = None) -> list[PiiMatch]:
    """All personal data in ``text`` of the given kinds (default: all), by position.

    Matches never overlap: where two detectors claim the same characters, the more specific one
    (e-mail, IBAN, BSN before address and phone) wins.
    """
    wanted = set(KINDS if kinds is None else kinds)
    view = text.translate(_SPACES).translate(_HYPHENS)
    links = [(m.start(), m.end()) for m in URL.finditer(view)]
    emails = [PiiMatch("email", m.start(), m.end(), m.group()) for m in _EMAIL.finditer(view)]
    emails += [PiiMatch("email", m.start(), m.end(), m.group())
               for m in _HIDDEN_EMAIL.finditer(view) if "@" not in m.group()]
    emails += [PiiMatch("email", m.start(), m.end(), m.group())
               for m in _SPACED_EMAIL.finditer(view) if not _EMAIL.fullmatch(m.group())]
    # Numbers inside links and e-mail addresses are ids, not a citizen's number.
    skip = links + [(m.start, m.end) for m in emails]
    found: list[PiiMatch] = []
    if "email" in wanted:
        found += emails
    if "iban" in wanted:
        found += _ibans(view)
    if "bsn" in wanted:
        found += [m for m in _bsns(view) if not _inside(m, skip) and not _is_amount(view, m)]
    if "address" in wanted:
        found += [m for m in _addresses(view) if not _inside(m, links)]
    if "phone" in wanted:
        found += [m for m in _phones(view) if not _inside(m, skip) and not _is_amount(view, m)]
    # Report the text as written (with its own non-breaking spaces), not the normalised view.
    return [PiiMatch(m.kind, m.start, m.end, text[m.start:m.end])
            for m in _without_overlaps(found)]


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


def _inside(match: PiiMatch, spans: list[tuple[int, int]]) -> bool:
    return any(start < match.end and match.start < end for start, end in spans)


def _is_amount(view: str, match: PiiMatch) -> bool:
    """"€ 123.456.782" and "123.456.782 euro" are amounts, whatever their checksum."""
    return bool(_AMOUNT_BEFORE.search(view[max(match.start - 8, 0):match.start])
                or _AMOUNT_AFTER.match(view[match.end:match.end + 8]))


def _bsns(view: str) -> list[PiiMatch]:
    """Nine digits that pass the 11-check, plain or in groups of 2–4 with one separator."""
    from stdnum.nl import bsn

    found = []
    for run in _DIGIT_RUN.finditer(view):
        groups = list(regex.finditer(r"\d+", run.group()))
        lengths = [len(g.group()) for g in groups]
        if sum(lengths) == 9 and (len(groups) == 1 or all(2 <= n <= 4 for n in lengths)):
            candidates = [(run.start(), run.end())]
        else:
            # "2024 123456782": a run that is no BSN may still hold one as a group of its own.
            candidates = [(run.start() + g.start(), run.start() + g.end())
                          for g in groups if len(g.group()) == 9]
        for start, end in candidates:
            if bsn.is_valid(regex.sub(r"\D", "", view[start:end])):
                found.append(PiiMatch("bsn", start, end, view[start:end]))
    return found


def _ibans(view: str) -> list[PiiMatch]:
    """IBANs in any case and grouping that pass ISO 13616 mod-97 and the country's length.

    Not the country's own bank-code check: an IBAN with a valid checksum is an account number
    whether or not python-stdnum knows the bank.
    """
    from stdnum import iban

    found = []
    position = 0
    while match := _IBAN_START.search(view, position):
        hit = None
        # The pattern runs on into following words; try the longest piece that ends a word first.
        for end in range(match.end(), match.start() + 15, -1):
            if view[end - 1].isalnum() and not view[end:end + 1].isalnum():
                candidate = view[match.start():end]
                if iban.is_valid(candidate, check_country=False):
                    hit = PiiMatch("iban", match.start(), end, candidate)
                    break
        if hit:
            found.append(hit)
            position = hit.end
        else:
            position = match.start() + 1
    return found


def _phones(view: str) -> list[PiiMatch]:
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(view, "NL", leniency=phonenumbers.Leniency.VALID)
    found = []
    for match in matcher:
        if _public_service_number(match.number):
            continue
        # "(020-1234567)": the matcher keeps the opening bracket of a bracketed number.
        skip = 1 if match.raw_string.startswith("(") and ")" not in match.raw_string else 0
        found.append(PiiMatch("phone", match.start + skip, match.end,
                              match.raw_string[skip:]))
    return found


def _public_service_number(number: PhoneNumber) -> bool:
    """0800/0900/088 numbers and the municipal 14 + area code are organisations', not people's."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    if phonenumbers.number_type(number) in (PhoneNumberType.TOLL_FREE,
                                            PhoneNumberType.PREMIUM_RATE,
                                            PhoneNumberType.SHARED_COST):
        return True
    return (number.country_code == 31
            and bool(_ORGANISATION_NUMBER.fullmatch(str(number.national_number))))


def _addresses(view: str) -> list[PiiMatch]:
    found = [PiiMatch("address", m.start(), m.end(), m.group())
             for m in _STREET.finditer(view) if _is_street_address(view, m)]
    found += [PiiMatch("address", m.start(), m.end(), m.group())
              for m in _POSTCODE_ADDRESS.finditer(view)]
    return found


def _is_street_address(view: str, match: regex.Match) -> bool:
    """A street name with a house number, not "Vergadering 14 mei" or "Windpark 12 turbines"."""
    word = (match.group("word") or "").lower()
    if word.endswith("ering") or word in _PLACES:
        return False  # "Regering", "Invoering" are nouns; "Zaandam" is a place
    number = int(match.group("number"))
    if len(match.group("number")) == 4 and 1800 <= number <= 2100:
        return False  # a year: "Arbeidsmarkt 2025"
    if _is_range(view[match.end("number"):match.end("number") + 40], number):
        # "Kerkstraat 2-14, 2511 CV Den Haag" in a letter is number 2, apartment 14.
        return bool(match.group("postcode")) and view[match.end("number")] == "-"
    if match.group("postcode"):
        return True
    addition = match.group("addition") or ""
    if (addition and not regex.fullmatch(r"\s[A-Za-z]", addition)
            and not word.endswith(_NOUN_SUFFIXES)):
        return True  # "Eikenlaan 4a betreft": "a" on its own may be "à" ("3 a 4 km")
    return _ends_address(view[match.end():match.end() + 40])


def _is_range(after: str, first: int) -> bool:
    """``after`` the first house number goes on to a last one: "t/m 20", "-14", "tot 9"."""
    found = _RANGE.match(after)
    if not found:
        return False
    last = int(found.group("last"))
    if found.group("next").lower() in _MONTHS or (len(found.group("last")) == 4
                                                  and 1800 <= last <= 2100):
        return False  # "tot 20 mei", "tot 2026": a date, not a house number
    return bool(found.group("through")) or last > first


def _ends_address(after: str) -> bool:
    """What follows a house number: the end of the sentence, a place name or a small word."""
    follower = _FIRST_AFTER.match(after)
    word, rest = follower.group("word"), follower.group("rest")
    if word is None:
        # A unit, a decimal or a time: "12%", "3,5", "14:30"; another number: "12 3".
        return not regex.match(r"[%°‰]|[.,:]\d|\d", rest)
    if word.lower() in _MONTHS:
        return False
    return word[0].isupper() or word.lower() in _AFTER_HOUSE_NUMBER


def _without_overlaps(matches: list[PiiMatch]) -> list[PiiMatch]:
    kept: list[PiiMatch] = []
    for match in sorted(matches, key=lambda m: (_PRIORITY[m.kind], m.start, -(m.end - m.start))):
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
