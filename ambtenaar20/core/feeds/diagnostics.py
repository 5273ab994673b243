"""The feeds' part of Help → Diagnose: which feeds failed at their last refresh, and why.

Only the server name is shown, never the full address (it may carry a user name or a token),
and no item content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ambtenaar20.core.diagnostics import Section
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

MAX_FEEDS = 20


def feed_refresh_errors(context: AppContext) -> Section:
    from ambtenaar20.core.errors import StoreError

    try:
        feeds = context.feeds.list_feeds()
    except StoreError:
        # Said once, under Data; repeating it here would only lengthen the report.
        return Section(_("Feeds"), [(_("Feeds followed"), _("unknown: the database cannot "
                                                            "be read"))], problem=True)
    failing = [feed for feed in feeds if feed.get("last_error")]
    section = Section(_("Feeds"), [
        (_("Feeds followed"), str(len(feeds))),
        (_("Feeds with an error at their last refresh"), str(len(failing))),
    ])
    for feed in failing[:MAX_FEEDS]:
        host = urlsplit(feed["url"]).hostname or "?"
        when = feed.get("last_checked") or "?"
        section.rows.append((host, f"{when}: {feed['last_error']}"))
    return section
