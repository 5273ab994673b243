"""Find citizens' personal data in text: BSN, IBAN, phone numbers, e-mail and street addresses.

Used by the drafting checker (warn before a post goes out) and by exports and reports (mask on
request). It must catch what officers actually paste (numbers from Word with non-breaking
spaces, IBANs in lower case, BSNs with hyphens) and must not cry wolf on amounts, links,
fediverse handles or ordinary sentences such as "In Amsterdam 3 nieuwe scholen". Numbers are
only reported when they pass their checksum (BSN 11-check, IBAN mod-97: python-stdnum) or, for
phone numbers, the numbering plan (phonenumbers); public service numbers are not a person's.
"Kerkstraat 1-3" may be a home or a stretch of road works: ``house_number_ranges`` decides from
the sentence, and a match it cannot decide is marked ``maybe_range``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ambtenaar20.core.analysis import house_number_ranges as ranges
from ambtenaar20.core.analysis.links import TLDS, URL
from ambtenaar20.core.analysis.mail_endings import ENDINGS, WORD_LIKE
from ambtenaar20.core.analysis.sentiment import detect_language
from ambtenaar20.core.analysis.street_openers import NOT_STREET_START_PATTERN
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
    #: An address that may as well be a stretch of street ("Kerkstraat 1-3" with nothing in
    #: the sentence to tell): worth a warning, not an error.
    maybe_range: bool = False

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
# Spaced out, "jan @ gmail . com", "k.bakker@ outlook.com", "jan [at] web . de". An "@" with a
# space before and none after is a mention ("Dank @gemeente.bsky.social"), never this. Only
# before a known ending (``mail_endings``), written in one case ("school . In de pauze" is a
# sentence); with a letter in the name and the domain ("5 @ 3 . nl"), and not after a word that
# points somewhere ("Kijk @ de site . nl", "zie @ rijksoverheid . nl"). An ending that is also a
# word ("de", "be", "in") needs more, see ``_spaced_email_is_likely``.
_ORDERED_ENDINGS = sorted(ENDINGS, key=lambda e: (-len(e), e))
_ANY_CASE_ENDING = "|".join(_ORDERED_ENDINGS) + "|" + "|".join(e.upper() for e in _ORDERED_ENDINGS)
_NOT_A_MAILBOX = (r"(?:kijk|zie|lees|ga|klik|bel|mail|ook|via|op|naar|bij|look|see|visit|go|"
                  r"check|read|click|call|also|to|at|on)")
_SPACED_DOT = rf"(?:\s*\.\s*|{_BRACKETED.format('(?:dot|punt)')})"
_HAS_LETTER = r"(?=[\w.+-]*[^\W\d_])"
_SPACED_EMAIL = regex.compile(
    # The whole name must be such a word: "a.smit" is a name, "a" is not.
    rf"(?<![\w.+@-])(?!(?:{_NOT_A_NAME}|{_NOT_A_MAILBOX})(?![\w.+-])){_HAS_LETTER}[\w.+-]*\w"
    rf"(?P<at>\s*@\s+|@|{_HIDDEN_AT})(?!{_NOT_A_NAME}(?![\w-])){_HAS_LETTER}[\w-]+"
    rf"(?:{_SPACED_DOT}[\w-]+)*(?P<dot>{_SPACED_DOT})(?P<ending>(?-i:{_ANY_CASE_ENDING}))"
    r"(?![\w-])",
    regex.IGNORECASE)
# Evidence that a spaced "… . de" ends an address rather than a sentence: nothing but
# punctuation after it, a mailbox no word looks like ("p.jansen", "jan_2"), or mail words before.
_NOTHING_MORE = regex.compile(r"\s*(?:$|[,;:!?)\]}\"'’>]|\.(?:\s|$)|\n)")
_MAILBOX_SIGNS = regex.compile(r"[._+\d-]")
_MAIL_WORDS = regex.compile(
    r"(?:e-?mail|mail|adres|address|reageer|reageren|reply|schrijf|schreef|schreven|write"
    r"|wrote|stuur|send|contact"
    r"|bereikbaar|reach)\w*\W+(?:\w+\W+){0,4}$", regex.IGNORECASE)
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
# Inside a name before the street word only: "Thomas a Kempisstraat" (the Latin "a", also "à").
_NAME_PARTICLE = rf"(?:{_PARTICLE}|a|à)"
# Words that open a sentence are not part of a street name ("Vanaf Kerkstraat", "De Kerkstraat").
# "Burg. de Withstraat": a short abbreviation with a dot; a longer word with a dot ends a sentence.
_NAME_WORD = (rf"(?!{NOT_STREET_START_PATTERN})"
              rf"(?:\d{{1,2}}e|[A-Z][\p{{Ll}}]{{0,4}}\.|[A-Z][\p{{Ll}}'’-]*)")
_STREET_WORD = rf"(?:[A-Z][\p{{Ll}}'’-]*?(?:{_SUFFIX})|{_BARE_STREET})"
_STREET = regex.compile(
    rf"(?<![\w])(?:"
    # "Kerkstraat", "Van Nelleweg", "Korte Voorhout", "2e Hugo de Grootstraat"
    rf"(?:{_NAME_WORD}\s+(?:{_NAME_PARTICLE}\s+)*){{0,3}}(?P<word>{_STREET_WORD})"
    # "Laan van Meerdervoort", "Laan van Nieuw Oost-Indië"
    rf"|(?:{_BARE_STREET})\s+{_PARTICLE}(?:\s+{_PARTICLE})*\s+[A-Z][\p{{L}}'’-]*"
    rf"(?:\s+[A-Z][\p{{L}}'’-]*)?"
    rf")\s+(?P<number>[1-9]\d{{0,3}})"
    # Additions: "12a", "12 a", "12-3", "12-bis", "12-II", "12bis", "12 hs", "12 III"; not the
    # "t" of "12 t/m 20".
    rf"(?P<addition>(?:bis|hs)(?![\w])|\s?[A-Za-z](?![\w/]|\.\p{{L}})|-\d{{1,4}}(?![\w])"
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
# Street words that are ordinary nouns as well ("Windpark", "Leerpad", "Loopbaan"): their
# house number needs the sentence to read like an address even with an addition ("4a").
_NOUN_SUFFIXES = ("park", "pad", "baan", "markt", "veld", "hof", "ring", "erf", "hout",
                  "haven", "dam", "wal", "kwartier")
_FIRST_AFTER = regex.compile(r"[ \t]*(?P<word>\p{L}+)?(?P<rest>.{0,2})", regex.DOTALL)
_LOWER_WORD = regex.compile(r"[ \t]+\p{Ll}")
#: English verbs that cannot follow the article "a": after "Eikenlaan 4 A" they show the "A" is
#: the house number's letter.
_NEVER_AFTER_ARTICLE = regex.compile(
    r"(?:is|was|has|had|will|would|can|could|should|shall|may|might|must|does|did|concerns"
    r"|belongs|remains|lies)\b")

_PRIORITY = {kind: rank for rank, kind in enumerate(("email", "iban", "bsn", "address", "phone"))}


def find_personal_data(text: str, kinds: Iterable[str] | None = None,
                       language: str | None = None) -> list[PiiMatch]:
    """All personal data in ``text`` of the given kinds (default: all), by position.

    Matches never overlap: where two detectors claim the same characters, the more specific one
    (e-mail, IBAN, BSN before address and phone) wins. ``language`` (``nl``/``en``; detected
    when not given) tells whether "Eikenlaan 4 A new" has an article or a house-number letter.
    """
    wanted = set(KINDS if kinds is None else kinds)
    view = text.translate(_SPACES).translate(_HYPHENS)
    links = [(m.start(), m.end()) for m in URL.finditer(view)]
    emails = [PiiMatch("email", m.start(), m.end(), m.group()) for m in _EMAIL.finditer(view)]
    emails += [PiiMatch("email", m.start(), m.end(), m.group())
               for m in _HIDDEN_EMAIL.finditer(view) if "@" not in m.group()]
    emails += [PiiMatch("email", m.start(), m.end(), m.group())
               for m in _SPACED_EMAIL.finditer(view)
               if not _EMAIL.fullmatch(m.group()) and _spaced_email_is_likely(view, m)]
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
        found += [m for m in _addresses(view, language) if not _inside(m, links)]
    if "phone" in wanted:
        found += [m for m in _phones(view) if not _inside(m, skip) and not _is_amount(view, m)]
    # Report the text as written (with its own non-breaking spaces), not the normalised view.
    return [PiiMatch(m.kind, m.start, m.end, text[m.start:m.end], m.maybe_range)
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


def _spaced_email_is_likely(view: str, match: regex.Match) -> bool:
    """A known ending that is no word ("nl", "com"), one written without spaces ("web.de"), or
    a word-like one ("de", "be") with evidence that an address ends there."""
    if match.group("ending").lower() not in WORD_LIKE or match.group("dot") == ".":
        return True
    mailbox = view[match.start():match.start("at")]
    return bool(_NOTHING_MORE.match(view, match.end())
                or _MAILBOX_SIGNS.search(mailbox)
                or "@" not in match.group("at")  # "jan [at] web . de" was meant as an address
                or _MAIL_WORDS.search(view, max(match.start() - 60, 0), match.start()))


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


def _addresses(view: str, language: str | None) -> list[PiiMatch]:
    found = []
    for match in _STREET.finditer(view):
        verdict = _street_address(view, match, language)
        if verdict in (ranges.ADDRESS, ranges.MAYBE):
            found.append(PiiMatch("address", match.start(), match.end(), match.group(),
                                  maybe_range=verdict == ranges.MAYBE))
    found += [PiiMatch("address", m.start(), m.end(), m.group())
              for m in _POSTCODE_ADDRESS.finditer(view)]
    return found


def _street_address(view: str, match: regex.Match, language: str | None) -> str | None:
    """ADDRESS, MAYBE, or STRETCH or None when it is no address ("Kerkstraat 1 t/m 20",
    "Vergadering 14 mei", "Windpark 12 turbines")."""
    word = (match.group("word") or "").lower()
    if word.endswith("ering") or word in _PLACES:
        return None  # "Regering", "Invoering" are nouns; "Zaandam" is a place
    number = int(match.group("number"))
    if len(match.group("number")) == 4 and 1800 <= number <= 2100:
        return None  # a year: "Arbeidsmarkt 2025"
    addition = match.group("addition") or ""
    if ranges.is_range(view[match.end("number"):match.end("number") + 40], number):
        if match.group("postcode") and addition.startswith("-"):
            return ranges.ADDRESS  # "Kerkstraat 2-14, 2511 CV Den Haag": number 2, apartment 14
        if regex.fullmatch(r"-\d+", addition):
            name = match.span("word") if match.group("word") else match.span()
            return ranges.dash_pair(view, name[0], min(name[1], match.start("number")),
                                    match.end())
        return ranges.STRETCH
    if match.group("postcode"):
        return ranges.ADDRESS
    if addition and not word.endswith(_NOUN_SUFFIXES):
        if not regex.fullmatch(r"\s[A-Za-z]", addition):
            return ranges.ADDRESS  # "Eikenlaan 4a betreft": glued, with a dash or "hs", "III"
        if _letter_before_words(view, match, language):
            return ranges.ADDRESS  # "Eikenlaan 4 A betreft de aanvraag"
    return ranges.ADDRESS if _ends_address(view[match.end():match.end() + 40]) else None


def _letter_before_words(view: str, match: regex.Match, language: str | None) -> bool:
    """A separate letter after the house number, then the sentence goes on in lower case.

    Dutch writes "Eikenlaan 4 A" for "4a"; but "a" before a number is "à" ("3 a 4 km"), "u"
    is the reader, and in English "A", "a" and "I" are words ("At Kerkstraat 4 A new
    playground opens").
    """
    letter = match.group("addition").strip()
    following = _LOWER_WORD.match(view, match.end())
    if letter in "uU" or not following:
        return False
    if letter in "Aa" and _NEVER_AFTER_ARTICLE.match(view, following.end() - 1):
        return True  # "Eikenlaan 4 A concerns": no article stands before a verb
    if letter in "AaI":
        # The text's own words first: a Dutch check may hold an English sentence.
        detected = detect_language(view, letters_after_numbers=True)
        return (language if detected not in ("nl", "en") else detected) != "en"
    return True


def _ends_address(after: str) -> bool:
    """What follows a house number: the end of the sentence, a place name or a small word."""
    follower = _FIRST_AFTER.match(after)
    word, rest = follower.group("word"), follower.group("rest")
    if word is None:
        # A unit, a decimal or a time: "12%", "3,5", "14:30"; another number: "12 3".
        return not regex.match(r"[%°‰]|[.,:]\d|\d", rest)
    if word.lower() in ranges.MONTHS or rest[:1].isdigit():
        return False  # "12 mei"; "4 A4-papier" has a paper size, not a place
    return word[0].isupper() or word.lower() in _AFTER_HOUSE_NUMBER


def _without_overlaps(matches: list[PiiMatch]) -> list[PiiMatch]:
    kept: list[PiiMatch] = []
    for match in sorted(matches, key=lambda m: (_PRIORITY[m.kind], m.start, -(m.end - m.start))):
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
