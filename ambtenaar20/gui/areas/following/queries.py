"""What the Volgen area asks the services, without Qt.

These run on worker threads once the window is up, and the first of them (``load_first_screen``)
already before PySide6 has loaded: at start-up the area's lists are queried while the window is
being built, so the window appears with its data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

#: Rows per page of the item list.
PAGE = 200

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Selection:
    """Which items the list shows: everything, a topic, a feed or a search."""

    topic: str | None = None
    feed_id: int | None = None
    query: str | None = None
    unread: bool = False
    starred: bool = False
    #: The search ``query`` could not be read: why. The list stays empty and says this.
    refused: str = ""

    def as_kwargs(self) -> dict[str, Any]:
        return {"topic": self.topic, "feed_id": self.feed_id, "query": self.query or None,
                "unread": self.unread, "starred": self.starred}


@dataclass(frozen=True)
class Lists:
    """The tree on the left: feeds and topics with their unread counts, and all unread."""

    feeds: Rows
    topics: Rows
    unread: int


@dataclass(frozen=True)
class FirstScreen:
    """What the area shows when it opens: the lists and the first page of all items."""

    lists: Lists
    total: int
    rows: Rows


def load_lists(context: AppContext) -> Lists:
    return Lists(context.feeds.list_feeds(), context.topics.list_topics(),
                 context.items.count_items(unread=True))


def load_page(context: AppContext, selection: Selection, offset: int,
              limit: int) -> tuple[int, Rows]:
    """The selection's item count and one page of its rows (without the full text)."""
    if selection.refused:
        return 0, []
    items = context.items
    arguments = selection.as_kwargs()
    ids = items.item_ids(**arguments, limit=limit, offset=offset)
    return items.count_items(**arguments), items.rows(ids, full=False)


def load_rows_keeping(context: AppContext, selection: Selection, count: int,
                      keep_id: int | None) -> tuple[int, Rows]:
    """The selection's count and its first ``count`` rows as stored now, and further down to
    ``keep_id`` (the item chosen) when new items pushed it past them: the chosen item is
    never dropped from the list only because others came in above it."""
    if selection.refused:
        return 0, []
    items = context.items
    arguments = selection.as_kwargs()
    ids = items.item_ids(**arguments, limit=count)
    if keep_id is not None and keep_id not in ids and len(ids) == count:
        further = items.item_ids(**arguments, limit=PAGE, offset=count)
        if keep_id in further:
            ids += further[:further.index(keep_id) + 1]
    return items.count_items(**arguments), items.rows(ids, full=False)


def load_first_screen(context: AppContext) -> FirstScreen:
    lists = load_lists(context)
    total, rows = load_page(context, Selection(), 0, PAGE) if lists.feeds else (0, [])
    return FirstScreen(lists, total, rows)
