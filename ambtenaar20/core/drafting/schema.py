"""The drafting area's tables: drafts, dismissed findings, ticked checklist items, templates.

Apart from the drafts store so that reading drafts (and the retention pass after a refresh,
which asks which feed items drafts refer to) does not load the migration machinery.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

drafting_migrations = Migrations("ambtenaar20.drafting")


@drafting_migrations(name="0001_drafts")
def _create_drafts(db: Database) -> None:
    db["drafts"].create({
        "id": int, "text": str, "status": str, "topic": str, "platforms": str,
        "feed_item_id": int, "language": str, "created_at": str, "updated_at": str,
        "published_url": str, "published_at": str,
    }, pk="id", not_null={"text", "status", "created_at", "updated_at"},
        defaults={"text": "", "status": "draft", "topic": "", "platforms": "[]"})
    db["drafts"].create_index(["updated_at"])
    db["draft_dismissals"].create({
        "id": int, "draft_id": int, "rule": str, "match_text": str, "pack": str,
        "reason": str, "created_at": str,
    }, pk="id", foreign_keys=[("draft_id", "drafts", "id")],
        not_null={"draft_id", "rule", "reason", "created_at"})
    db["draft_dismissals"].create_index(["draft_id"])
    db["draft_checklist"].create({"draft_id": int, "item_id": str, "ticked_at": str},
                                 pk=("draft_id", "item_id"),
                                 foreign_keys=[("draft_id", "drafts", "id")])
    db["draft_templates"].create({"id": int, "name": str, "text": str, "language": str,
                                  "created_at": str}, pk="id")
