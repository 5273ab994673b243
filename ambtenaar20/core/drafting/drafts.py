"""The drafts store: drafts, their dismissed findings, checklist ticks and templates.

Everything the officer decides about a draft is kept with it: which findings were dismissed
(rule, pack version, reason, time), which checklist questions were ticked, and when it was
published where. Publishing hands an entry to the interaction log through the small
``InteractionRecorder`` protocol, so this module does not depend on the log's implementation.

A draft is published, and logged, once: reports count posts, and a second entry for the same
post (a second click, two workers at once) would count it twice.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.templates import (
    Template,
    builtin_templates,
    check_new_template,
    is_builtin_id,
)
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import N_, _

if TYPE_CHECKING:
    from ambtenaar20.core.store.connection import Connection

STATUSES = ("draft", "checked", "published", "archived")
#: Labels for the statuses (translated where shown): concept, gecontroleerd, ...
STATUS_LABELS = {"draft": N_("draft"), "checked": N_("checked"),
                 "published": N_("published"), "archived": N_("archived")}


class InteractionRecorder(Protocol):
    """Whatever keeps the interaction log; publishing a draft records one entry through it."""

    def record_published(self, draft_id: int, url: str, platform: str, topic: str,
                         open_findings: list[Finding]) -> None: ...


@dataclass(frozen=True)
class Draft:
    id: int
    text: str
    status: str
    topic: str
    platforms: tuple[str, ...]
    feed_item_id: int | None
    language: str | None
    created_at: str
    updated_at: str
    published_url: str | None = None
    published_at: str | None = None

    @property
    def title(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first[:60]


@dataclass(frozen=True)
class Dismissal:
    id: int
    draft_id: int
    rule: str
    match_text: str
    pack: str
    reason: str
    created_at: str

    def covers(self, finding: Finding) -> bool:
        """The same rule on the same words: still dismissed after the text around it changed."""
        return finding.rule == self.rule and finding.text == self.match_text


#: A draft nobody has worked on: no text (spaces count as none), topic, platforms, reply link,
#: dismissal or tick, and never published. Reused rather than a second one made.
_BLANK = ("trim(coalesce(text, ''), ' ' || char(9, 10, 13)) = '' "
          "AND coalesce(topic, '') = '' AND coalesce(platforms, '[]') = '[]' "
          "AND feed_item_id IS NULL "
          "AND status = 'draft' AND published_at IS NULL "
          "AND id NOT IN (SELECT draft_id FROM draft_dismissals) "
          "AND id NOT IN (SELECT draft_id FROM draft_checklist)")


#: ``app_meta`` key: the highest draft number ever deleted, never handed out again.
_HIGHEST_DELETED = "drafts.highest_deleted_id"


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _draft(row: dict) -> Draft:
    return Draft(id=row["id"], text=row["text"] or "", status=row["status"],
                 topic=row["topic"] or "", platforms=tuple(json.loads(row["platforms"] or "[]")),
                 feed_item_id=row["feed_item_id"], language=row["language"],
                 created_at=row["created_at"], updated_at=row["updated_at"],
                 published_url=row["published_url"], published_at=row["published_at"])


class DraftStore:
    """Drafts in the app's database; every method may run on a worker thread."""

    def __init__(self, db_getter) -> None:
        self._db_getter = db_getter

    @property
    def db(self) -> Connection:
        return self._db_getter()

    def create(self, text: str = "", topic: str = "", platforms: Iterable[str] = (),
               feed_item_id: int | None = None, language: str | None = None) -> Draft:
        now = _now()
        row: dict[str, object] = {
            "text": text, "status": "draft", "topic": topic,
            "platforms": json.dumps(list(platforms)), "feed_item_id": feed_item_id,
            "language": language, "created_at": now, "updated_at": now}
        with self.db.atomic():
            # SQLite hands out the highest number again once that draft is deleted; the log
            # knows drafts by number and would take the new one for the deleted one.
            highest = self.db.execute(
                "SELECT max(coalesce((SELECT max(id) FROM drafts), 0), coalesce((SELECT "
                "CAST(value AS INTEGER) FROM app_meta WHERE key = ?), 0))",
                [_HIGHEST_DELETED]).fetchone()[0]
            table = self.db["drafts"].insert({"id": highest + 1, **row})
        return self.get(table.last_pk)

    def create_or_reuse(self, text: str = "", topic: str = "", platforms: Iterable[str] = (),
                        feed_item_id: int | None = None, language: str | None = None) -> Draft:
        """A draft to write in: the newest blank one (see ``_BLANK``) filled in, else a new one.

        Opening Schrijven and "New draft" each made a draft; the empty ones piled up. (They
        now store nothing until there is content: ``unsaved.py``.)
        """
        now = _now()
        with self.db.atomic():
            blank = self.db.execute(f"SELECT id FROM drafts WHERE {_BLANK} "
                                    "ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
            if blank is None:
                return self.create(text, topic, platforms, feed_item_id, language)
            self.db["drafts"].update(blank[0], {
                "text": text, "topic": topic, "platforms": json.dumps(list(platforms)),
                "feed_item_id": feed_item_id, "language": language, "created_at": now,
                "updated_at": now})
        return self.get(blank[0])

    def blank(self) -> Draft | None:
        """The newest draft nobody has worked on (see ``_BLANK``), to write in rather than
        start another; None when there is none."""
        rows = list(self.db["drafts"].rows_where(_BLANK, order_by="updated_at DESC, id DESC",
                                                 limit=1))
        return _draft(rows[0]) if rows else None

    def copy(self, draft_id: int) -> Draft:
        """A new draft with this one's text, topic, platforms, language and the item it
        replies to: to publish the same reply again (another platform, a week later), which a
        published draft cannot be, since one published draft is one entry in the log.

        The copy starts as a draft: not published, and without the dismissals and ticks. Those
        are the officer's judgement before one publication (a finding fine on X, the facts
        checked last week), to be made again for the next.
        """
        original = self.get(draft_id)
        return self.create(original.text, original.topic, original.platforms,
                           original.feed_item_id, original.language)

    def get(self, draft_id: int) -> Draft:
        rows = list(self.db["drafts"].rows_where("id = ?", [draft_id]))
        if not rows:
            raise UsageError(_("There is no draft {id}.").format(id=draft_id))
        return _draft(rows[0])

    def list(self, status: str | None = None, search: str = "") -> list[Draft]:
        where, params = [], []
        if status:
            where.append("status = ?")
            params.append(status)
        if search.strip():
            where.append("(text LIKE ? OR topic LIKE ?)")
            params += [f"%{search.strip()}%"] * 2
        rows = self.db["drafts"].rows_where(" AND ".join(where) or None, params,
                                            order_by="updated_at DESC, id DESC")
        return [_draft(row) for row in rows]

    def linked_item_ids(self) -> set[int]:
        """Feed items that drafts reply to (retention keeps them)."""
        return {row[0] for row in self.db.execute(
            "SELECT feed_item_id FROM drafts WHERE feed_item_id IS NOT NULL")}

    def save_text(self, draft_id: int, text: str) -> None:
        """Autosave: only the text and the time of the change. The same text again is no
        change: a draft that was only looked at keeps its time and its place in the list."""
        with self.db.atomic():
            self.db.execute("UPDATE drafts SET text = ?, updated_at = ? WHERE id = ? "
                            "AND text IS NOT ?", [text, _now(), draft_id, text])

    def update(self, draft_id: int, *, topic: str | None = None,
               platforms: Iterable[str] | None = None, status: str | None = None) -> Draft:
        changes: dict[str, object] = {"updated_at": _now()}
        if topic is not None:
            changes["topic"] = topic
        if platforms is not None:
            changes["platforms"] = json.dumps(list(platforms))
        if status is not None:
            if status not in STATUSES:
                raise UsageError(_("Unknown status '{status}'.").format(status=status))
            changes["status"] = status
        with self.db.atomic():
            self.db["drafts"].update(draft_id, changes)
        return self.get(draft_id)

    def delete(self, draft_id: int) -> None:
        """The draft with its dismissals and ticks; a log entry of its publication stays."""
        self.get(draft_id)  # a clear message for a draft that is not there (any more)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
                [_HIGHEST_DELETED, str(draft_id)])
            for table in ("draft_dismissals", "draft_checklist"):
                self.db[table].delete_where("draft_id = ?", [draft_id])
            self.db["drafts"].delete(draft_id)

    # Dismissals ---------------------------------------------------------------------------
    def dismiss(self, draft_id: int, finding: Finding, pack_label: str, reason: str) -> Dismissal:
        if not reason.strip():
            raise UsageError(_("Give a short reason for ignoring this finding."))
        with self.db.atomic():
            table = self.db["draft_dismissals"].insert({
                "draft_id": draft_id, "rule": finding.rule, "match_text": finding.text,
                "pack": pack_label, "reason": reason.strip(), "created_at": _now()})
        return self.dismissals(draft_id, only_id=table.last_pk)[0]

    def dismissals(self, draft_id: int, only_id: int | None = None) -> list[Dismissal]:
        where, params = "draft_id = ?", [draft_id]
        if only_id is not None:
            where, params = where + " AND id = ?", [draft_id, only_id]
        return [Dismissal(**row) for row in
                self.db["draft_dismissals"].rows_where(where, params, order_by="id")]

    def undismiss(self, dismissal_id: int) -> None:
        """The officer changed their mind: the finding counts again."""
        with self.db.atomic():
            self.db["draft_dismissals"].delete_where("id = ?", [dismissal_id])

    @staticmethod
    def open_findings(findings: Iterable[Finding],
                      dismissals: Iterable[Dismissal]) -> list[Finding]:
        kept = list(dismissals)
        return [f for f in findings if not any(d.covers(f) for d in kept)]

    # Checklist -----------------------------------------------------------------------------
    def tick(self, draft_id: int, item_id: str, ticked: bool = True) -> None:
        with self.db.atomic():
            if ticked:
                self.db["draft_checklist"].upsert(
                    {"draft_id": draft_id, "item_id": item_id, "ticked_at": _now()},
                    pk=("draft_id", "item_id"))
            else:
                self.db["draft_checklist"].delete_where("draft_id = ? AND item_id = ?",
                                                        [draft_id, item_id])

    def ticks(self, draft_id: int) -> set[str]:
        return {row["item_id"] for row in
                self.db["draft_checklist"].rows_where("draft_id = ?", [draft_id])}

    # Publishing ----------------------------------------------------------------------------
    def mark_published(self, draft_id: int, url: str, platform: str,
                       open_findings: list[Finding],
                       recorder: InteractionRecorder | None) -> Draft:
        """Status ``published`` with the post's URL, and one entry in the interaction log
        (when a log is connected: ``recorder`` None means this build has no log).

        ``url`` may be empty: a post on a platform without links, a reply by phone. A draft
        marked before is refused, however its status was changed since; of two calls at once
        only one gets past the conditional update.
        """
        url = url.strip()
        if url and not url.lower().startswith(("http://", "https://")):
            raise UsageError(_("Give the web address (https://...) of the published post, "
                               "or leave it empty."))
        draft = self.get(draft_id)
        now = _now()
        with self.db.atomic():
            marked = self.db.execute(
                "UPDATE drafts SET status = 'published', updated_at = ?, published_url = ?, "
                "published_at = ? WHERE id = ? AND published_at IS NULL",
                [now, url or None, now, draft_id]).rowcount
        if not marked:
            raise UsageError(_("This draft was already marked as published; it is in the log "
                               "once and is not logged again."))
        if recorder is not None:
            try:
                recorder.record_published(draft_id, url, platform, draft.topic,
                                          list(open_findings))
            except BaseException:
                # Not in the log, so not published: the officer can try again.
                with self.db.atomic():
                    self.db["drafts"].update(draft_id, {
                        "status": draft.status, "updated_at": draft.updated_at,
                        "published_url": draft.published_url, "published_at": None})
                raise
        return self.get(draft_id)

    # Templates -----------------------------------------------------------------------------
    def templates(self, language: str | None = None) -> list[Template]:
        found = list(builtin_templates())
        found += [Template(str(row["id"]), row["name"], row["text"], row["language"], False)
                  for row in self.db["draft_templates"].rows_where(order_by="name")]
        return [t for t in found if language is None or t.language == language]

    def own_template_texts(self) -> list[str]:
        """The texts of the officer's own templates (their placeholders are checked)."""
        return [row[0] for row in self.db.execute("SELECT text FROM draft_templates")]

    def add_template(self, name: str, text: str, language: str) -> Template:
        """An own template; refused (``templates.check_new_template``) without a name or text,
        in another language than nl or en, or with a name the menu already has."""
        with self.db.atomic():
            check_new_template(name, text, language, self.templates())
            table = self.db["draft_templates"].insert({"name": name.strip(), "text": text,
                                                       "language": language,
                                                       "created_at": _now()})
        return Template(str(table.last_pk), name.strip(), text, language, False)

    def own_template(self, template_id: str) -> Template:
        """The officer's own template ``template_id``; a built-in or unknown one is bad usage
        (only own templates can be removed)."""
        if is_builtin_id(template_id):
            raise UsageError(_("Built-in templates cannot be removed."))
        own = next((t for t in self.templates() if not t.builtin and t.id == template_id), None)
        if own is None:
            raise UsageError(_("There is no own template {id}.").format(id=template_id))
        return own

    def remove_template(self, template_id: str) -> Template:
        """Remove an own template and return it; a built-in or unknown one is bad usage."""
        own = self.own_template(template_id)
        with self.db.atomic():
            self.db["draft_templates"].delete_where("id = ?", [int(own.id)])
        return own

def peek_own_template_texts(database: Path) -> list[str]:
    """The officer's own template texts, read without opening the store.

    ``ambtenaar20 check`` never needed the database: opening it means an integrity check of a
    file that may be large, and on a new data folder creating one. A read-only look at one
    small table is enough; no database (yet), or one that cannot be read, has no templates.
    """
    import sqlite3

    if not database.is_file():
        return []
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [row[0] for row in connection.execute("SELECT text FROM draft_templates")]
        finally:
            connection.close()
    except sqlite3.Error:
        return []
