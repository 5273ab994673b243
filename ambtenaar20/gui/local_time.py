"""Stored moments (UTC or with an offset, ISO text) as the officer reads them: local time.

The stores keep UTC so lists sort and filter the same in every time zone; every place that shows
a moment converts here, so the list, the reader and the history never disagree by an hour.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

#: dd-mm-jjjj HH:MM, as in the item list's tooltip and the log's table.
FULL_FORMAT = "%d-%m-%Y %H:%M"


def local_moment(stored: str) -> datetime | None:
    """``stored`` in local time, or None when it is not a moment. Without an offset it is UTC,
    as the stores write it."""
    try:
        moment = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the stores write UTC
    return moment.astimezone()


def full_moment(stored: str) -> str:
    """dd-mm-jjjj HH:MM in local time; the stored text itself when it is not a moment."""
    moment = local_moment(stored)
    return moment.strftime(FULL_FORMAT) if moment else stored


def day_text(stored: str) -> str:
    """A stored day (jjjj-mm-dd) as dd-mm-jjjj; the text itself when it is not a day."""
    try:
        return date.fromisoformat(stored).strftime("%d-%m-%Y")
    except (ValueError, TypeError):
        return stored
