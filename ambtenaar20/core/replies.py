"""Replying to a feed item spans three areas: the item, the log and (later) the draft.

"Reageren" marks the item answered and logs the reply at once, linked to the item, so the log
shows the interaction even if the reply is finally posted outside the app. Its platform is
"unknown" until then: the feed the item came from is not where the officer answers. When the
draft written for it is published, the log service completes that same entry (draft, URL,
platform) instead of adding a second one; a copy of that draft, published once more, gets an
entry of its own that says as much about the item (``answered_item``). A reply's draft deleted
before it was ever published takes that entry with it (``delete_draft``): the reply never
happened. A post without a title is summed up by its first words. The reply is written
in the item's language (``reply_language``), not the interface's: an English-speaking officer
answers a Dutch question in Dutch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext
    from ambtenaar20.core.drafting.drafts import Draft
    from ambtenaar20.core.logbook.model import Interaction


def start_reply(context: AppContext, item_id: int) -> str:
    """Mark the item answered and log the reply; returns the item's first topic (or "")."""
    from ambtenaar20.core.logbook.platforms import UNKNOWN_PLATFORM

    context.items.record_response(item_id)
    item = context.items.item(item_id)
    topic = (item.get("topics") or [""])[0]
    fields = _reply_fields(item)
    context.logbook.record_item_response(
        item_id, platform=UNKNOWN_PLATFORM, topic=topic, counterpart=fields["counterpart"],
        url=fields["url"], summary=fields["summary"])
    return topic


def abandoned_reply_entry(context: AppContext, draft: Draft) -> Interaction | None:
    """The log entry that deleting ``draft`` removes too: the reply "Reageren" logged for it.

    A reply deleted before it was ever published never happened, so it must not stay in the
    log and count in reports. Kept are: the entry of a published draft (it happened); one that
    another draft for the same item may still publish; and one the officer changed by hand
    (a platform filled in because the reply was given by phone: their record).
    """
    if draft.published_at is not None or draft.feed_item_id is None:
        return None
    entry = context.logbook.started_reply(draft.feed_item_id)
    if entry is None or [line.action for line in context.logbook.history(entry.id)] != [
            "created"]:
        return None
    others = [other for other in context.drafting.drafts.list()
              if other.feed_item_id == draft.feed_item_id and other.id != draft.id]
    return None if others else entry


def delete_draft(context: AppContext, draft_id: int) -> Interaction | None:
    """Delete a draft, and the log entry of its reply when it was never published.

    The entry is marked deleted as the log's own delete does (kept with its history,
    ``log restore`` brings it back). Returns that entry, or None when the log is unchanged.
    """
    drafts = context.drafting.drafts
    entry = abandoned_reply_entry(context, drafts.get(draft_id))
    with context.store.db.atomic():  # both or neither
        if entry is not None:
            entry = context.logbook.delete(entry.id)
        drafts.delete(draft_id)
    return entry


def answered_item(context: AppContext, item_id: int) -> dict[str, str]:
    """What a reply's log entry says about the item (``counterpart``, ``url``, ``summary``),
    as "Reageren" logs it; empty values when the item is gone (removed with its feed)."""
    from ambtenaar20.core.errors import UsageError

    try:
        return _reply_fields(context.items.item(item_id))
    except UsageError:
        return _reply_fields({})


def _reply_fields(item: dict) -> dict[str, str]:
    return {"counterpart": item.get("author") or "", "url": item.get("link") or "",
            "summary": (item.get("title") or "").strip()
            or first_words(item.get("text") or "")}


#: How long a summary made from a post's text may be: a line of the log, not the post.
SUMMARY_LENGTH = 80


def first_words(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """The start of ``text`` as one line of at most ``limit`` characters, cut between words.

    A post without a title (Mastodon: feeds give none) is summed up in the log by its first
    words, else the manager's report has rows that say nothing.
    """
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    room = limit - 1  # for the "…"
    head = line[:room + 1]  # a space just after the room ends a word that fits
    head = head[:head.rfind(" ")] if " " in head else head[:room]
    return head.rstrip(" ,;:-–") + "…"


def reply_language(context: AppContext, item_id: int) -> str | None:
    """``nl`` or ``en`` as the item is written, or None when that is not known (then the
    draft's own text decides, as for any draft)."""
    from ambtenaar20.core.analysis.sentiment import LANGUAGES
    from ambtenaar20.core.errors import UsageError

    try:
        # The language is computed with the tone, after a refresh; maybe not yet for this one.
        context.items.analyse_pending([item_id])
        lang = context.items.item(item_id).get("lang")
    except UsageError:  # removed by retention or with its feed
        return None
    return lang if lang in LANGUAGES else None
