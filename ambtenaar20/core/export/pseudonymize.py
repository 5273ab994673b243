"""Pseudonymisation for exports: citizens become "Persoon 1", "Persoon 2" (AVG minimisation).

Within one export the same counterpart always gets the same pseudonym (numbered in order of first
appearance), so the manager still sees that one person wrote three times, but not who. Mentions
of a counterpart in the free text are replaced too, URLs that lead to a person are dropped, and
other personal data in the text (e-mail, phone, BSN, IBAN, address) is masked with the shared
detectors of ``core/analysis/pii.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from ambtenaar20.core.export.document import replace_entry
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.model import Interaction

PSEUDONYM = "Persoon {number}"
#: Hosts where a link points to a person's post or profile.
SOCIAL_HOSTS = (
    "x.com", "twitter.com", "facebook.com", "fb.com", "instagram.com", "linkedin.com",
    "tiktok.com", "threads.net", "threads.com", "bsky.app", "youtube.com", "reddit.com",
    "mastodon.social", "whatsapp.com", "wa.me", "t.me", "snapchat.com", "pinterest.com",
)
#: Path parts that name an account on any site (Mastodon, forums, profiles).
_PERSON_PATH = re.compile(r"/(@|~|u/|user/|users/|profile|people/|in/|member)", re.IGNORECASE)


_LINK = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"']+", re.IGNORECASE)
#: Name particles that are no name on their own ("Petra de Boer": "de" stays).
_PARTICLES = {"de", "den", "der", "van", "het", "ten", "ter", "te", "op", "in", "la", "le",
              "von", "dos", "da", "el", "al"}


def _key(counterpart: str) -> str:
    return counterpart.strip().lstrip("@").casefold()


def _forms_of(counterpart: str) -> set[str]:
    """How a counterpart may be mentioned: as written, without "@", and a name's parts."""
    written = counterpart.strip()
    forms = {written, written.lstrip("@")}
    parts = re.split(r"[\s.,]+", written.lstrip("@"))
    if len(parts) > 1:
        # A surname or first name alone also points to the person (4+ letters: "Boer", "Petra").
        forms.update(part for part in parts
                     if len(part) >= 4 and part.casefold() not in _PARTICLES)
    return {form for form in forms if len(form) >= 2}


class Pseudonymizer:
    def __init__(self, counterparts: Iterable[str]) -> None:
        self._names: dict[str, str] = {}
        for counterpart in counterparts:
            key = _key(counterpart)
            if key and key not in self._names:
                self._names[key] = self._label(len(self._names) + 1)
        # Longest first, so "Jan Jansen" is replaced before a shorter handle inside it.
        forms: dict[str, str] = {}
        for counterpart in counterparts:
            key = _key(counterpart)
            if not key:
                continue
            for form in _forms_of(counterpart):
                forms.setdefault(form, self._names[key])
        ordered = sorted(forms, key=len, reverse=True)
        self._forms = {form.casefold(): forms[form] for form in ordered}
        self._pattern = re.compile(
            "|".join(rf"(?<![\w@]){'@?' if not form.startswith('@') else ''}{re.escape(form)}"
                     r"(?!\w)" for form in ordered),
            re.IGNORECASE,
        ) if ordered else None

    @staticmethod
    def _label(number: int) -> str:
        # A data value, the same in every language, as the officer's organisation expects it.
        return PSEUDONYM.format(number=number)

    @classmethod
    def for_entries(cls, entries: list[Interaction]) -> Pseudonymizer:
        return cls([entry.counterpart for entry in entries])

    def pseudonym(self, counterpart: str) -> str:
        key = _key(counterpart)
        return self._names.get(key, "") if key else ""

    def text(self, text: str) -> str:
        """Free text with counterparts replaced, links to people and personal data removed."""
        if not text:
            return text
        from ambtenaar20.core.analysis.pii import mask_personal_data

        text = _LINK.sub(self._link_in_text, text)
        # Personal data first: a handle inside an e-mail address goes with the address.
        text = mask_personal_data(text)
        if self._pattern is not None:
            text = self._pattern.sub(self._replace, text)
        return text

    def _link_in_text(self, match: re.Match[str]) -> str:
        link = match.group(0)
        full = "https://" + link if link.lower().startswith("www.") else link
        return _("[link removed]") if self._identifies_person(full, None) else link

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group(0).casefold()
        return self._forms.get(found) or self._forms.get(found.lstrip("@"), match.group(0))

    def url(self, url: str, entry: Interaction) -> str:
        """``url``, or "" when it could lead to a person."""
        if not url:
            return url
        if self._identifies_person(url, entry):
            return ""
        return url

    def _identifies_person(self, url: str, entry: Interaction | None) -> bool:
        decoded = unquote(url).casefold()
        if decoded.startswith("mailto:") or "@" in urlsplit(decoded).netloc:
            return True
        if any(form in decoded for form in self._forms if len(form) >= 3):
            return True
        from ambtenaar20.core.analysis.pii import find_personal_data

        if find_personal_data(unquote(url)):
            return True
        parts = urlsplit(decoded)
        if _PERSON_PATH.search(parts.path):
            return True
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
        social = any(host == name or host.endswith("." + name) for name in SOCIAL_HOSTS)
        # The organisation's own post (outgoing, nobody named) may keep its link.
        own_post = entry is not None and entry.direction == "out" and \
            not entry.counterpart.strip()
        return social and not own_post

    def apply(self, entry: Interaction) -> Interaction:
        return replace_entry(
            entry,
            counterpart=self.pseudonym(entry.counterpart),
            url=self.url(entry.url, entry),
            summary=self.text(entry.summary),
            outcome=self.text(entry.outcome),
            topic=self.text(entry.topic),
        )

    def apply_all(self, entries: list[Interaction]) -> list[Interaction]:
        return [self.apply(entry) for entry in entries]
