"""Retention and the officer's duty to erase a person's data (AVG): one mechanism, many owners.

Each area owns its data, so each area implements the part that concerns it and registers it
here: a ``RetentionProvider`` purges what has grown too old (feed items), an ``ErasureProvider``
removes or pseudonymises everything about one counterpart (log entries, drafts, the feeds
area's items, feeds and topics). This service runs them all in one transaction, so a request is
carried out everywhere or nowhere, and records in ``privacy_requests`` *that* it happened, when,
and how many records of which kind were affected - never who it was about, since that would keep
the very data that was erased. A request that matched nothing changes and records nothing.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable
from urllib.parse import unquote

from ambtenaar20.core.errors import PrivacyError, UsageError
from ambtenaar20.core.i18n import N_, _
from ambtenaar20.core.person_names import (
    ADDRESS,
    AMBIGUOUS,
    ERASED_MARKER,
    HANDLE,
    LINK,
    SOMEONE_ELSE,
    PersonNames,
    fold,
    fold_text,
    link_url,
    outside_links,
)

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

log = logging.getLogger(__name__)

ERASE_COUNTERPART = "erase_counterpart"

#: Names of the data kinds providers report, for messages (a provider may use another kind).
KIND_LABELS = {
    "log_entries": N_("log entries"),
    "drafts": N_("drafts"),
    "feed_items": N_("feed items"),
    "feeds": N_("feeds"),
    "topics": N_("topics"),
    "topics_removed": N_("topics removed"),
    "hidden_names": N_("names to hide in exports"),
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

    def erase_counterpart(self, name: str) -> int | Mapping[str, int]:
        """Remove or pseudonymise everything about ``name``; how many records were affected,
        or for an area with several kinds of data, how many of each kind (``{"feeds": 1}``)."""
        ...


class ErasedName:
    """One person's name as an erasure looks for it.

    Through the matcher of pseudonymised exports (``core/person_names.py``), so an erasure
    removes every spelling an export would hide: the name anywhere, and in the person's own
    records also its parts ("Petra belt terug"); elsewhere a first name alone may be anyone.
    A link in the text that carries the name ("mastodon.nl/@mia/1") goes whole, as the URL of
    an entry does; one to "@mia" on another server ("mastodon.social/@mia/1") is someone
    else's. ``ERASED_MARKER`` (what replaces the name) is defined with the matcher,
    which must never take it for a person.
    """

    def __init__(self, name: str) -> None:
        self.names = PersonNames([name])
        # Most texts do not name the person: one search of the folded text (in C) rules them
        # out before they are read word by word. Every spelling holds one of these anchors.
        self._anchors = {own: re.compile("|".join(map(re.escape, sorted(
            self.names.anchors(parts=own), key=len, reverse=True))) or "(?!)")
            for own in (False, True)}

    def is_person(self, value: str) -> bool:
        """Whether ``value`` as a whole (a counterpart, an author) names the person."""
        value = " ".join(value.split())
        if not value:
            return False
        if self.names.person(value) is not None:
            return True
        handle = HANDLE.fullmatch(value)
        if handle is not None and self.names.handle_owner(handle) is not None:
            return True
        if ADDRESS.fullmatch(value) and fold(value) in self.names.handles:
            return True
        spans = self.names.names_in(value, parts=False)
        return len(spans) == 1 and (spans[0].start, spans[0].end) == (0, len(value)) and \
            spans[0].person != SOMEONE_ELSE

    def scrub(self, text: str, own: bool = False) -> str:
        """``text`` with the person replaced by ``ERASED_MARKER``; ``own``: in their record."""
        if not text:
            return text
        folded = fold_text(text)
        if "%" in text:  # a link may carry the name percent-encoded ("%C3%96mer")
            folded += " " + fold_text(unquote(text))
        if self._anchors[own].search(folded) is None:
            return text
        mine = 0 if own else None
        text = LINK.sub(lambda match: ERASED_MARKER if self.names.in_link(
            link_url(match.group(0)), parts=own, own=mine) else match.group(0), text)
        # A whole handle ("@mia@mastodon.nl", "mia@mastodon.nl") is hers anywhere, also in a
        # link left; a bare "@mia" only around the links ("mastodon.social/@mia/1" is not hers).
        text = self._handles(text, bare=False)
        text = ADDRESS.sub(lambda match: ERASED_MARKER if fold(match.group(0))
                           in self.names.handles else match.group(0), text)
        return outside_links(text, lambda chunk: self._names(self._handles(chunk, True), own))

    def _handles(self, text: str, bare: bool) -> str:
        """``text`` with her handles written with a server, or (``bare``) without one."""
        return HANDLE.sub(lambda match: ERASED_MARKER if bare != bool(match.group(2))
                          and self.names.handle_owner(match) is not None
                          else match.group(0), text)

    def _names(self, chunk: str, own: bool) -> str:
        pieces: list[str] = []
        position = 0
        for span in self.names.names_in(chunk, parts=own, own=0 if own else None):
            if span.person in (SOMEONE_ELSE, AMBIGUOUS):
                # "Marie Jansen" is not Anne-Marie van den Heuvel: not hers to erase; nor is
                # "Marie van den Heuvel" in a text that names Anne-Marie too (told_apart.py)
                continue
            # with "Mevrouw", "@"; a genitive as after "Anne-Marie's": "[verwijderd]'s"
            pieces += [chunk[position:span.start], ERASED_MARKER + "'s" * span.genitive]
            position = span.end
        return "".join([*pieces, chunk[position:]])

    def in_link(self, url: str) -> bool:
        """Whether a link carries the name: ``/klachten/petra-de-boer``, ``x.com/JanJansen/``."""
        return bool(url) and self.names.in_link(url, parts=False)


#: Authors and counterparts as feeds and mail write them: "petra@example.nl (Petra de Boer)",
#: "Petra de Boer <petra@example.nl>", "Mia (@mia@mastodon.nl)".
_AUTHOR_PARTS = re.compile(r"(?P<first>[^()<>]*?)\s*[(<](?P<second>[^()<>]*)[)>]")


def names_person(person: ErasedName, value: str) -> bool:
    """Whether a counterpart or an author (a whole field) is the person.

    As ``is_person``, and also in the forms feeds give an author: an e-mail address with the
    name in brackets ("petra.deboer@ziggo.nl (Petra de Boer)"), a name with the address in angle
    brackets, or an address whose local part is the name ("petra.deboer@ziggo.nl").
    """
    value = " ".join((value or "").split())
    if not value:
        return False
    if person.is_person(value):
        return True
    both = _AUTHOR_PARTS.fullmatch(value)
    for part in (both["first"], both["second"]) if both else (value,):
        part = part.strip()
        if part and (person.is_person(part) or (
                ADDRESS.fullmatch(part) is not None
                and person.is_person(part.rsplit("@", 1)[0]))):
            return True
    return False


def scrub_record(person: ErasedName, text: str, own: bool) -> str:
    """``text`` without the person; in ``own`` (their own record: their entry, their feed item,
    a reply to it) also without name parts and personal data, since there their phone number or
    e-mail address names them as well as their name does (the log's rule, for every area)."""
    if not own or not text:
        return person.scrub(text or "")
    from ambtenaar20.core.analysis.pii import mask_personal_data

    # Addresses first: "petra.deboer@ziggo.nl" goes whole, not as "[verwijderd]@ziggo.nl";
    # then the name as anywhere, then what only names them here (their name parts).
    return person.scrub(person.scrub(mask_personal_data(text)), own=True)


@dataclass(frozen=True)
class PrivacyRequest:
    #: ``None`` when nothing matched: then nothing was changed and nothing recorded.
    id: int | None
    kind: str
    carried_out_at: str
    affected: dict[str, int]
    total: int


class _NothingMatched(Exception):
    """Rolls back an erasure that changed nothing (see ``erase_counterpart``)."""


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
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        # Deleted content is overwritten, not just unlinked, so the name does not linger in
        # free pages of the file; the checkpoint below clears it from the write-ahead log.
        db.execute("PRAGMA secure_delete = ON")
        try:
            with db.atomic():
                for provider in self.erasure_providers:
                    counts = provider.erase_counterpart(name)
                    if not isinstance(counts, Mapping):
                        counts = {provider.kind: counts}
                    for kind, count in counts.items():
                        affected[kind] = affected.get(kind, 0) + int(count)
                # The officer's list of names for pseudonymised exports (in the settings, so
                # saved once the database has committed) names the person too.
                kept_names = self._hidden_names_without(name)
                if kept_names is not None:
                    affected["hidden_names"] = \
                        len(self.context.settings.privacy.hidden_names) - len(kept_names)
                total = sum(affected.values())
                if not total:
                    # A misspelt name: nothing to record, and nothing a provider wrote stays.
                    raise _NothingMatched
                row_id = db["privacy_requests"].insert({
                    "kind": ERASE_COUNTERPART, "carried_out_at": now,
                    "affected": json.dumps(affected, sort_keys=True), "total": total,
                }).last_pk
        except _NothingMatched:
            log.info("erasure request matched nothing; nothing was changed or recorded")
            return PrivacyRequest(id=None, kind=ERASE_COUNTERPART, carried_out_at=now,
                                  affected=affected, total=0)
        except PrivacyError:
            raise
        except Exception as error:
            log.exception("erasing a counterpart's data failed; nothing was changed")
            raise PrivacyError(
                _("Deleting the personal data failed ({reason}); nothing has been changed.")
                .format(reason=type(error).__name__)) from error
        finally:
            db.execute("PRAGMA secure_delete = OFF")
        # TRUNCATE empties the log file, or the old pages would stay in it until overwritten;
        # it waits (busy timeout) for readers of the old pages, which the window may have.
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            log.warning("the write-ahead log could not be emptied after an erasure (in use); "
                        "it is at the next checkpoint")
        if kept_names is not None:
            self.context.settings.privacy.hidden_names = kept_names
            self.context.save_settings()
        log.info("privacy request %s carried out: %s", row_id, affected)
        return PrivacyRequest(id=int(row_id), kind=ERASE_COUNTERPART, carried_out_at=now,
                              affected=affected, total=total)

    def _hidden_names_without(self, name: str) -> list[str] | None:
        """The saved names to hide without the person ``name``; None when none of them is."""
        person = ErasedName(name)
        saved = self.context.settings.privacy.hidden_names
        kept = [hidden for hidden in saved if not person.is_person(hidden)]
        return None if len(kept) == len(saved) else kept

    def requests(self) -> list[PrivacyRequest]:
        """Every recorded request, newest first."""
        rows = self.context.store.db.execute(
            "select id, kind, carried_out_at, affected, total from privacy_requests "
            "order by id desc").fetchall()
        return [PrivacyRequest(id=r[0], kind=r[1], carried_out_at=r[2],
                               affected=json.loads(r[3]), total=r[4]) for r in rows]
