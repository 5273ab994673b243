"""Pseudonymisation for exports: citizens become "Persoon 1", "Persoon 2" (AVG minimisation).

Within one export the same person always gets the same pseudonym (the exported counterparts
numbered first, in order of appearance; people only mentioned get the next numbers), so the
manager still sees that one person wrote three times, but not who. A known first name with a
surname that is not that person's ("Marie Jansen" beside "Anne-Marie van den Heuvel") is someone
else: a pseudonym of its own, the same for every "Marie Jansen" in the export. Every person in
the log is known here (``PersonNames``), not only the counterparts of the exported entries, so a
citizen from another month mentioned in this month's text is hidden too. Names are recognised by
the matcher an AVG erasure uses (``core/person_names.py``), so what an erasure would remove is
hidden here too. Every @handle in free text is replaced, a counterpart's or not (also after "/"
or ":" and run into a word: "cc:@mia", "RT@mia"); links that could lead to a person are dropped,
also those written without "https://" ("mastodon.nl/@mia", "tiktok.com/@petra"); other personal
data (e-mail, phone, BSN, IBAN, address) is masked with the detectors of
``core/analysis/pii.py``. The marker of an erasure, "[verwijderd]", is nobody: erased people
stay "[verwijderd]", not one "Persoon 1" for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from ambtenaar20.core.export.document import replace_entry
from ambtenaar20.core.genitive import apostrophe_end
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.model import Interaction
from ambtenaar20.core.person_names import (
    ADDRESS,
    AMBIGUOUS,
    ERASED_MARKER,
    HANDLE,
    LINK,
    SOMEONE_ELSE,
    PersonNames,
    fold,
    link_url,
    outside_links,
    person_key,
    words,
)

PSEUDONYM = "Persoon {number}"
#: A name part several people share ("Piet"): hidden, but attributed to none of them.
SOMEONE = "[persoon]"
#: After a pseudonym, a name's genitive -s ("Jansens brief": "Persoon 2's brief").
GENITIVE = "'s"
#: Hosts where a link points to a person's post or profile.
SOCIAL_HOSTS = (
    "x.com", "twitter.com", "facebook.com", "fb.com", "instagram.com", "linkedin.com",
    "tiktok.com", "threads.net", "threads.com", "bsky.app", "youtube.com", "reddit.com",
    "mastodon.social", "whatsapp.com", "wa.me", "t.me", "snapchat.com", "pinterest.com",
)
#: Path parts that name an account on any site (Mastodon, forums, profiles).
_PERSON_PATH = re.compile(r"/(@|~|u/|user/|users/|profile|people/|in/|member)", re.IGNORECASE)
#: Query parameters that carry an account or a name (``?user=li``).
_PERSON_PARAMS = frozenset({"user", "username", "user_id", "userid", "u", "handle", "author",
                            "profile", "name", "member", "account", "screen_name", "email",
                            "mail"})


class Pseudonymizer:
    def __init__(self, counterparts: Iterable[str], known: Iterable[str] | None = None,
                 each: Callable[[], None] | None = None) -> None:
        """``counterparts`` of the exported entries, in order; ``known``: everyone in the log.

        ``each`` is called after every name (of both) has been indexed: learning the
        spellings of 10,000 people takes a noticeable moment, which an export reports and may
        cancel (an exception from ``each`` stops the indexing)."""
        counterparts = list(counterparts)
        names = [*counterparts, *(known or ())]
        self.index = PersonNames(names if each is None else _calling(names, each))
        self._labels: dict[object, str] = {}
        #: The same links recur in many entries (the organisation's pages): judged once.
        self._links_in_text: dict[str, str] = {}
        for counterpart in counterparts:
            self.pseudonym(counterpart)

    @staticmethod
    def _label(number: int) -> str:
        # A data value, the same in every language, as the officer's organisation expects it.
        return PSEUDONYM.format(number=number)

    @classmethod
    def for_entries(cls, entries: list[Interaction], known: Iterable[str] | None = None,
                    each: Callable[[], None] | None = None) -> Pseudonymizer:
        return cls([entry.counterpart for entry in entries], known, each)

    def _of(self, who: object) -> str:
        """The pseudonym of a person id (or an unknown handle), numbered on first use."""
        if who == AMBIGUOUS:
            return SOMEONE
        label = self._labels.get(who)
        if label is None:
            label = self._labels[who] = self._label(len(self._labels) + 1)
        return label

    def pseudonym(self, counterpart: str) -> str:
        if not person_key(counterpart):
            return ""
        if counterpart.strip() == ERASED_MARKER:
            return ERASED_MARKER  # erased: nobody, and not one person with every other erased
        person = self.index.person(counterpart)
        return self._of(person if person is not None else ("@", person_key(counterpart)))

    def text(self, text: str, own: int | None = None, elsewhere: Collection[int] = ()) -> str:
        """Free text with people replaced, links to people and personal data removed; ``own``:
        the person whose entry it is, whose own words ("Klaas" of "@klaas_v") count too;
        ``elsewhere``: people whose whole first name the rest of the entry writes, which tells
        "Marie van den Heuvel" apart from Anne-Marie here too (``core/told_apart.py``)."""
        if not text:
            return text
        from ambtenaar20.core.analysis.pii import mask_personal_data

        text = LINK.sub(self._link_in_text, text)
        # Handles before personal data: "@mia@mastodon.nl" is a person, not an e-mail address.
        text = HANDLE.sub(self._handle, text)
        text = ADDRESS.sub(self._address, text)
        text = mask_personal_data(text)
        return outside_links(text, lambda chunk: self._names(chunk, own, elsewhere))

    def _link_in_text(self, match: re.Match[str]) -> str:
        link = match.group(0)
        verdict = self._links_in_text.get(link)
        if verdict is None:
            verdict = _("[link removed]") if self._identifies_person(link_url(link), None) \
                else link
            self._links_in_text[link] = verdict
        return verdict

    def _handle(self, match: re.Match[str]) -> str:
        person = self.index.handle_owner(match)
        label = self._of(person if person is not None else ("@", fold(match.group(0)[1:])))
        # "RT@mia" -> "RT Persoon 2"
        return " " + label if match.start() and match.string[match.start() - 1].isalnum() \
            else label

    def _address(self, match: re.Match[str]) -> str:
        person = self.index.handles.get(fold(match.group(0)))
        return match.group(0) if person is None else self._of(person)

    def _names(self, chunk: str, own: int | None, elsewhere: Collection[int]) -> str:
        spans = self.index.names_in(chunk, own=own, elsewhere=elsewhere)
        if not spans:
            return chunk
        pieces: list[str] = []
        position = 0
        for span in spans:  # a title stays: "Mevrouw Persoon 2"
            who: object = span.person
            if who == SOMEONE_ELSE:  # "Marie Jansen": every "marie jansen" one person
                name = " ".join(words(chunk[span.name_start:span.end]))
                who = ("name", name[:-1] if span.genitive else name)  # also "Marie Jansens"
            # The genitive stays, written as after a number: "Jansens brief", "Kees' vraag" ->
            # "Persoon 2's"
            apostrophe = None if span.genitive else apostrophe_end(chunk, span.start, span.end)
            genitive = span.genitive or apostrophe is not None
            pieces += [chunk[position:span.name_start], self._of(who) + GENITIVE * genitive]
            position = span.end if apostrophe is None else apostrophe
        pieces.append(chunk[position:])
        return "".join(pieces)

    def url(self, url: str, entry: Interaction) -> str:
        """``url``, or "" when it could lead to a person."""
        if not url:
            return url
        if self._identifies_person(url, entry):
            return ""
        return url

    def _identifies_person(self, url: str, entry: Interaction | None) -> bool:
        decoded = unquote(url)
        folded = fold(decoded)
        parts = urlsplit(folded)
        if folded.startswith("mailto:") or "@" in parts.netloc:
            return True
        query = parse_qsl(parts.query, keep_blank_values=True)
        if any(key in _PERSON_PARAMS for key, _value in query):
            return True
        own = None if entry is None else self.index.person(entry.counterpart)
        if self.index.in_link(url, own=own):
            return True
        from ambtenaar20.core.analysis.pii import find_personal_data

        if find_personal_data(decoded):
            return True
        if _PERSON_PATH.search(parts.path):
            return True
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
        social = any(host == name or host.endswith("." + name) for name in SOCIAL_HOSTS)
        # The organisation's own post (outgoing, nobody named) may keep its link.
        own_post = entry is not None and entry.direction == "out" and \
            not entry.counterpart.strip()
        return social and not own_post

    def apply(self, entry: Interaction) -> Interaction:
        own = self.index.person(entry.counterpart)
        # Told apart anywhere in the entry, told apart in all of it (``core/told_apart.py``).
        whole = {person for part in (entry.summary, entry.outcome, entry.topic) if part
                 for person in self.index.whole_first_names(part, own)}
        return replace_entry(
            entry,
            counterpart=self.pseudonym(entry.counterpart),
            url=self.url(entry.url, entry),
            summary=self.text(entry.summary, own, whole),
            outcome=self.text(entry.outcome, own, whole),
            topic=self.text(entry.topic, own, whole),
        )

    def apply_all(self, entries: list[Interaction]) -> list[Interaction]:
        return [self.apply(entry) for entry in entries]


def _calling(names: list[str], each: Callable[[], None]) -> Iterator[str]:
    """``names`` one by one, calling ``each`` when the one before has been dealt with."""
    for name in names:
        yield name
        each()
