"""Retention and the officer's duty to erase a person's data (AVG): one mechanism, many owners.

Each area owns its data, so each area implements the part that concerns it and registers it
here: a ``RetentionProvider`` purges what has grown too old (feed items), an ``ErasureProvider``
removes or pseudonymises everything about one counterpart (log entries, drafts). This service
runs them all in one transaction, so a request is carried out everywhere or nowhere, and records
in ``privacy_requests`` *that* it happened, when, and how many records of which kind were
affected - never who it was about, since that would keep the very data that was erased.
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable
from urllib.parse import unquote

from ambtenaar20.core.errors import PrivacyError, UsageError
from ambtenaar20.core.i18n import N_, _

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

log = logging.getLogger(__name__)

ERASE_COUNTERPART = "erase_counterpart"

#: Names of the data kinds providers report, for messages (a provider may use another kind).
KIND_LABELS = {
    "log_entries": N_("log entries"),
    "drafts": N_("drafts"),
    "feed_items": N_("feed items"),
}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def describe_counts(affected: dict[str, int]) -> str:
    """``{"drafts": 2}`` as "drafts: 2", in the active language."""
    return ", ".join(f"{kind_label(kind)}: {count}" for kind, count in sorted(affected.items()))


def is_retention_period(days: object) -> bool:
    """A valid retention period: a whole number of days, 0 (keep for ever) or more."""
    return isinstance(days, int) and not isinstance(days, bool) and days >= 0


@runtime_checkable
class RetentionProvider(Protocol):
    """An area whose data expires (feed items); ``kind`` names its data in reports."""

    kind: str

    def purge_older_than(self, days: int) -> int:
        """Delete what is older than ``days`` (keeping what the officer marked); how many."""
        ...


@runtime_checkable
class ErasureProvider(Protocol):
    """An area that holds data about counterparts (log entries, drafts)."""

    kind: str

    def erase_counterpart(self, name: str) -> int:
        """Remove or pseudonymise everything about ``name``; how many records were affected."""
        ...


#: What replaces an erased person's name; language-neutral, since the log is a shared record.
ERASED_MARKER = "[verwijderd]"


#: Name particles, no name on their own ("Petra de Boer": "de" is nobody).
NAME_PARTICLES = frozenset({"de", "den", "der", "van", "het", "ten", "ter", "te", "op", "in",
                            "la", "le", "von", "dos", "da", "el", "al", "d", "t"})
#: Titles before a surname: "Mevrouw De Boer" is Petra de Boer too.
_TITLES = r"(?:mevrouw|mevr|mw|meneer|mnr|dhr|de\s+heer|heer)\.?\s+"
#: A name part of fewer letters ("Jan", "Li") names too many people to be erased or
#: pseudonymised on its own.
MIN_NAME_PART = 4


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded text: "Ömer" and "OMER" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Latin letter -> a character class of it with every accent ("o" -> "[oòóôõöø…]")."""
    variants: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            variants.setdefault(base, {base}).add(char.lower())
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in variants.items()}


def _words_pattern(words: list[str]) -> str:
    """The words with any white space between them and any accent on their letters."""
    accented = _accented()
    return r"\s+".join("".join(accented.get(fold(char), re.escape(char)) for char in word)
                       for word in words)


def name_words(name: str) -> list[str]:
    """``name`` without "@" split into its words ("petra de  boer" -> 3 words)."""
    return name.strip().lstrip("@").split()


def name_pattern(name: str) -> re.Pattern[str]:
    """Matches ``name`` as whole words, any case, accents and spacing, with or without "@".

    A surname after a title matches too ("mevrouw De Boer" for "Petra de Boer").
    """
    words = name_words(name)
    forms = [rf"@?{_words_pattern(words)}"]
    surname = words[1:]
    while surname and surname[0].casefold() in NAME_PARTICLES:
        surname = surname[1:]
    if surname:
        particles = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
        forms.append(rf"{_TITLES}(?:(?:{particles})\s+)*{_words_pattern(surname)}")
    return re.compile(rf"(?<![\w@])(?:{'|'.join(forms)})(?!\w)", re.IGNORECASE)


def name_parts_pattern(name: str) -> re.Pattern[str]:
    """The name however it is joined ("petra.deboer", "Jan Jansen" for "@JanJansen") and each
    part of four letters or more ("Petra", "Boer"), for the person's own records.

    In a record about the person "Petra belt terug" can only mean them; elsewhere a first name
    alone may be anyone, so other records are scrubbed with ``name_pattern`` only.
    """
    # "JanJansen" is written "Jan Jansen" too: a handle's capitals often mark the name's words.
    words = [word for word in re.split(r"[\W_]+|(?<=[a-z])(?=[A-Z])", name.strip()) if word]
    forms = [r"[\s._-]*".join(_words_pattern([word]) for word in words)] if words else []
    forms += [_words_pattern([word]) for word in words
              if len(word) >= MIN_NAME_PART and word.casefold() not in NAME_PARTICLES]
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms) or '(?!)'})(?!\w)", re.IGNORECASE)


def name_in_url(name: str, url: str) -> bool:
    """Whether a link carries the name: ``/klachten/petra-de-boer``, ``x.com/JanJansen/``.

    Compared word by word after decoding and folding, so separators and accents do not matter.
    """
    if not url:
        return False
    wanted = [fold(word) for word in re.findall(r"\w+", name.strip().lstrip("@"))]
    if not wanted:
        return False
    found = [fold(word) for word in re.findall(r"\w+", unquote(url))]
    joined = "".join(wanted)
    size = len(wanted)
    return joined in found or any(found[index:index + size] == wanted
                                  for index in range(len(found) - size + 1))


def replace_name(text: str, pattern: re.Pattern[str]) -> tuple[str, bool]:
    """``text`` with every match of ``pattern`` replaced by ``ERASED_MARKER``; changed?"""
    replaced, count = pattern.subn(ERASED_MARKER, text)
    return replaced, count > 0


@dataclass(frozen=True)
class PrivacyRequest:
    id: int
    kind: str
    carried_out_at: str
    affected: dict[str, int]
    total: int


class PrivacyService:
    """Runs retention and erasure across the registered providers, on the calling thread."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.retention_providers: list[RetentionProvider] = []
        self.erasure_providers: list[ErasureProvider] = []

    def register_retention(self, provider: RetentionProvider) -> None:
        self.retention_providers.append(provider)

    def register_erasure(self, provider: ErasureProvider) -> None:
        self.erasure_providers.append(provider)

    def purge_expired(self, days: int | None = None) -> dict[str, int]:
        """Apply the retention period (from the settings unless given); counts per kind.

        ``0`` days means "keep for ever": nothing is purged.
        """
        if days is None:
            days = self.context.settings.retention.feed_item_days
        if not is_retention_period(days):
            raise UsageError(_("The retention period must be a whole number of days, 0 or more."))
        if days == 0:
            return {}
        db = self.context.store.db
        counts: dict[str, int] = {}
        with db.atomic():
            for provider in self.retention_providers:
                counts[provider.kind] = counts.get(provider.kind, 0) + int(
                    provider.purge_older_than(days))
        if any(counts.values()):  # runs after every refresh: only what it removed is news
            log.info("retention: purged %s", counts)
        return counts

    def erase_counterpart(self, name: str) -> PrivacyRequest:
        """Erase one person's data everywhere, in one transaction, and record that it happened."""
        name = name.strip()
        if not name:
            raise UsageError(_("Give the name of the person whose data is to be deleted."))
        if not self.erasure_providers:
            raise UsageError(_("No part of the app holds data about other people yet; "
                               "nothing to delete."))
        db = self.context.store.db
        affected: dict[str, int] = {}
        # Deleted content is overwritten, not just unlinked, so the name does not linger in
        # free pages of the file; the checkpoint below clears it from the write-ahead log.
        db.execute("PRAGMA secure_delete = ON")
        try:
            with db.atomic():
                for provider in self.erasure_providers:
                    affected[provider.kind] = affected.get(provider.kind, 0) + int(
                        provider.erase_counterpart(name))
                now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
                total = sum(affected.values())
                row_id = db["privacy_requests"].insert({
                    "kind": ERASE_COUNTERPART, "carried_out_at": now,
                    "affected": json.dumps(affected, sort_keys=True), "total": total,
                }).last_pk
        except PrivacyError:
            raise
        except Exception as error:
            log.exception("erasing a counterpart's data failed; nothing was changed")
            raise PrivacyError(
                _("Deleting the personal data failed ({reason}); nothing has been changed.")
                .format(reason=type(error).__name__)) from error
        finally:
            db.execute("PRAGMA secure_delete = OFF")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        log.info("privacy request %s carried out: %s", row_id, affected)
        return PrivacyRequest(id=int(row_id), kind=ERASE_COUNTERPART, carried_out_at=now,
                              affected=affected, total=total)

    def requests(self) -> list[PrivacyRequest]:
        """Every recorded request, newest first."""
        rows = self.context.store.db.execute(
            "select id, kind, carried_out_at, affected, total from privacy_requests "
            "order by id desc").fetchall()
        return [PrivacyRequest(id=r[0], kind=r[1], carried_out_at=r[2],
                               affected=json.loads(r[3]), total=r[4]) for r in rows]
