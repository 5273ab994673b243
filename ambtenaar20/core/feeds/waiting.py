"""Which feeds a refresh leaves alone after an error, and the sentence that says so.

A feed that keeps failing is tried less often (``refresh.backoff``), and one whose server
answered 429 or 503 waits as long as the server asked (``Retry-After``). A refresh that left
them all alone said only "0 new items": the officer who had just mended the proxy could not
tell why nothing came. Now it says how many feeds wait and when the first is due again.

A refresh the officer asks for (the Refresh button, ``ambtenaar20 refresh``) does not wait out
the back-off: that wait spares a failing server the automatic refreshes, but an officer who asks
now has usually just mended what failed (the network, the proxy, a call to the web
administrator), and one request at their asking burdens no server. A server that asked to be
left alone is obeyed until the time it named, also then: asking early is exactly what it
asked not to, and may get the organisation's address blocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ambtenaar20.core.feeds.feed_errors import SERVER_ASKED_TO_WAIT, reason_of
from ambtenaar20.core.i18n import ngettext


@dataclass(frozen=True)
class Waiting:
    """A feed left alone: until when, and whether its server asked for the wait."""

    feed_id: int
    until: datetime
    server_asked: bool


def split_due(feeds: list[dict[str, Any]], moment: datetime,
              asked: bool) -> tuple[list[dict[str, Any]], list[Waiting]]:
    """``feeds`` (rows that are not gone) into those to fetch at ``moment`` and those that
    wait; ``asked``: the officer asked for this refresh (see the module docstring)."""
    due, waiting = [], []
    for feed in feeds:
        until = _moment(feed["next_poll"])
        if until is None or until <= moment:
            due.append(feed)
            continue
        found = reason_of(feed["last_error"])
        server_asked = found is not None and found[0] in SERVER_ASKED_TO_WAIT
        if asked and not server_asked:
            due.append(feed)
        else:
            waiting.append(Waiting(feed["id"], until, server_asked))
    return due, waiting


def waiting_note(waiting: list[Waiting], now: datetime | None = None) -> str:
    """One sentence per kind of wait, e.g. "21 feeds are waiting after an error; the first is
    tried again at 21:40."; empty when no feed waits."""
    sentences = []
    for server_asked in (False, True):
        these = [entry.until for entry in waiting if entry.server_asked == server_asked]
        if not these:
            continue
        n, time = len(these), _clock(min(these), now)
        if server_asked:
            sentences.append(ngettext(
                "{n} feed is waiting because its server asked to; it is tried again at {time}.",
                "{n} feeds are waiting because their server asked to; the first is tried again "
                "at {time}.", n).format(n=n, time=time))
        else:
            sentences.append(ngettext(
                "{n} feed is waiting after an error; it is tried again at {time}.",
                "{n} feeds are waiting after an error; the first is tried again at {time}.",
                n).format(n=n, time=time))
    return " ".join(sentences)


def _clock(moment: datetime, now: datetime | None) -> str:
    """Local time; with the date when it is not today (a wait lasts up to six hours)."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else \
        local.strftime("%Y-%m-%d %H:%M")


def _moment(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:  # not a moment: the feed is due rather than stuck
        return None
