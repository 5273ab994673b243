"""The organisation's own public contact details, which a guideline pack may allow in posts.

Every official reply names the helpdesk ("Bel ons op 070 123 4567", "mail info@gemeente.nl"). As
a personal-data error that ``check`` can never clear, every such reply failed. A pack lists them
per pii rule (``allow``): phone numbers are compared as numbers, whatever their spacing or +31;
e-mail addresses exactly or by domain ("@gemeente.nl", its subdomains too, also when written
to dodge harvesters); the town hall's address or the organisation's own IBAN by their words and
numbers. A BSN is always a person's, so it cannot be allowed.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ambtenaar20.core.i18n import _

_MAILBOX = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = regex.compile(r"@[\w-]+(?:\.[\w-]+)+")
_BRACKETED_AT = regex.compile(r"\s*[\[({]\s*(?:at|apenstaartje)\s*[\])}]\s*|\s+at\s+",
                              regex.IGNORECASE)
_BRACKETED_DOT = regex.compile(r"\s*[\[({]\s*(?:dot|punt)\s*[\])}]\s*|\s+dot\s+",
                               regex.IGNORECASE)


def allow_problem(entry: str, detector: str | None) -> str | None:
    """Why ``entry`` cannot be allowed for ``detector`` (None: a pattern rule); None if fine."""
    if not entry.strip():
        return _("must not be empty")
    if detector == "phone":
        if _phone_key(entry) is None:
            return _("must be a phone number, like \"070 123 4567\" (0800, 0900, 088 and 14 "
                     "numbers are never reported)")
    elif detector == "email":
        if not (_MAILBOX.fullmatch(entry.strip()) or _DOMAIN.fullmatch(entry.strip())):
            return _("must be an e-mail address (\"info@gemeente.nl\") or a whole domain "
                     "(\"@gemeente.nl\")")
    elif detector == "iban":
        from stdnum import iban

        if not iban.is_valid(entry, check_country=False):
            return _("must be a valid IBAN")
    elif detector == "bsn":
        return _("is not possible for a BSN: a BSN is always a person's")
    elif detector == "address" and not (regex.search(r"\p{L}", entry)
                                        and regex.search(r"\d", entry)):
        return _("must be a street with house number or a postcode with house number")
    return None


class AllowList:
    """The entries of one pii rule's ``allow``; ``allows`` says whether a match is one of them."""

    def __init__(self, detector: str | None, entries: tuple[str, ...]) -> None:
        self.detector = detector
        fine = [entry for entry in entries if allow_problem(entry, detector) is None]
        if detector == "phone":
            self._keys: set = {_phone_key(entry) for entry in fine}
        elif detector == "email":
            self._keys = {entry.strip().lower() for entry in fine}
        elif detector == "iban":
            self._keys = {"".join(_words(entry)) for entry in fine}  # any grouping
        else:
            self._keys = {_words(entry) for entry in fine}

    def __bool__(self) -> bool:
        return bool(self._keys)

    def allows(self, text: str) -> bool:
        if not self._keys:
            return False
        if self.detector == "phone":
            return _phone_key(text) in self._keys
        if self.detector == "email":
            address = plain_email(text)
            domain = address.partition("@")[2]
            parts = domain.split(".")
            domains = {"@" + ".".join(parts[i:]) for i in range(len(parts) - 1)}
            return address in self._keys or bool(domains & self._keys)
        words = _words(text)
        if self.detector == "iban":
            return "".join(words) in self._keys
        if self.detector == "address":
            # "Stadhuisplein 1" allows "Stadhuisplein 1, 2511 BT Den Haag", not "Stadhuisplein 12".
            return any(words[:len(key)] == key for key in self._keys)
        return words in self._keys


@lru_cache(maxsize=64)
def allow_list(detector: str | None, entries: tuple[str, ...]) -> AllowList:
    """One rule's allow list, built once: the checker runs on every key press."""
    return AllowList(detector, entries)


def plain_email(text: str) -> str:
    """``text`` as a plain lower-case address: "Jan [at] Gmail . com" is "jan@gmail.com"."""
    plain = _BRACKETED_DOT.sub(".", _BRACKETED_AT.sub("@", text))
    return regex.sub(r"\s+", "", plain).lower()


def _phone_key(text: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in regex.findall(r"\w+", text))
