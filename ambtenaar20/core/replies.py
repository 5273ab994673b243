"""Replying to a feed item spans three areas: the item, the log and (later) the draft.

"Reageren" marks the item answered and logs the reply at once, linked to the item, so the log
shows the interaction even if the reply is finally posted outside the app. Its platform is
"unknown" until then: the feed the item came from is not where the officer answers. When the
draft written for it is published, the log service completes that same entry (draft, URL,
platform) instead of adding a second one; a copy of that draft, published once more, gets an
entry of its own that says as much about the item (``answered_item``). The reply is written
in the item's language (``reply_language``), not the interface's: an English-speaking officer
answers a Dutch question in Dutch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext


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
            "summary": item.get("title") or ""}


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
