"""Keeps the Volgen area on the stored items while it is on screen, whoever stored them.

``ambtenaar20 refresh`` in a terminal or a scheduled task, ``items mark``, ``items tone``,
``feeds remove`` or ``topics add`` write to the database under the open window, and nothing
tells the window: its unread counts, its list and its status bar kept the old state until the
officer chose the topic again. While the area is on screen (not minimised, not another area),
every ``POLL_MS`` and when the app becomes active again, one tiny query on a worker asks
whether anything was written (``core.store.data_version``). Only then are the tree and the
rows on screen read again and laid in place: the chosen topic or feed, the chosen item, what
the reader shows, the scroll position and the search all stay, and nothing takes the focus.
Items stored without a tone get one from the area's background pass, as after its own refresh.

Started a few seconds after the area's first content is on screen, never before it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import ngettext
from ambtenaar20.core.store.data_version import DataVersion
from ambtenaar20.gui.areas.following.queries import (
    PAGE,
    Lists,
    Rows,
    load_lists,
    load_rows_keeping,
)
from ambtenaar20.gui.on_screen_watch import OnScreenWatch
from ambtenaar20.gui.workers import run_in_background

if TYPE_CHECKING:
    from ambtenaar20.gui.areas.following.area import FollowingArea

log = logging.getLogger(__name__)

#: How often the area, while on screen, asks whether another process wrote, in ms.
POLL_MS = 10_000
#: A look whose rows could not be laid in (a page on its way, a mark set meanwhile) is
#: repeated after this, in ms.
RETRY_MS = 300


@dataclass(frozen=True)
class Stored:
    """What the area shows, as stored now, and the data version it was read at."""

    version: int
    lists: Lists
    total: int
    rows: Rows
    #: Items still without a tone.
    pending: int


class StoreFollower(QObject):
    def __init__(self, area: FollowingArea) -> None:
        super().__init__(area)
        self.area = area
        self.version = DataVersion(area.context.paths.database)
        # Its own connection: closed with the area (a look still running then gets None).
        self.destroyed.connect(self.version.close)
        #: The data version the area was last brought up to; None: not yet (the first look
        #: compares everything, as a command may have written before this started).
        self.seen: int | None = None
        #: The next rows laid in follow the area's own refresh, which has spoken already.
        self._quiet = False
        self._running = False
        self._again = False
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.look)
        # "shown": what was written while another area was on screen.
        self.watch = OnScreenWatch(self, area, POLL_MS, self.look, shown=self.look,
                                   hidden=self._retry.stop)
        self.poll = self.watch.poll
        self.look()

    def on_screen(self) -> bool:
        return self.watch.on_screen()

    def look(self, after_refresh: bool = False) -> None:
        """Ask on a worker whether anything was written; if so, read what the area shows.
        ``after_refresh``: the area's own refresh has just stored its items."""
        area = self.area
        if not self.on_screen():
            return
        if not after_refresh and area.refresh_task is not None and not area.refresh_task.done:
            return  # it shows what it stored when it ends; the next look sees the rest
        if after_refresh:
            # The refresh has said what it found ("4 nieuwe berichten · …"): the new count
            # must not replace that at once.
            self._quiet = True
        if self._running:
            self._again = True
            return
        model, context, seen = area.model, area.context, self.seen
        current = area.table.currentIndex()
        keep = model.row(current.row())["id"] if current.isValid() else None
        selection, count = model.selection, max(model.rowCount(), PAGE)
        asked = (model.generation, model.edits, area._lists_generation)

        def work(_cancel, _progress) -> Stored | None:
            # The version first: what is written while the rest is read is seen next time.
            version = self.version.current()
            if version is None or version == seen:
                return None
            lists = load_lists(context)
            try:
                total, rows = load_rows_keeping(context, selection, count, keep)
            except UsageError:
                # The topic on screen was removed elsewhere: the new lists no longer hold it,
                # and laying them in falls back to all items (``FollowingArea._fill_tree``).
                total, rows = 0, []
            return Stored(version, lists, total, rows, context.items.pending_count())

        self._running = True
        run_in_background(work, on_success=lambda stored: self._arrived(asked, stored),
                          on_error=self._failed, owner=self)

    def _arrived(self, asked: tuple[int, int, int], stored: Stored | None) -> None:
        self._running = False
        if stored is not None:
            self._lay_in(asked, stored)
        if self._again:
            self._again = False
            self.look()

    def _failed(self, error: Exception) -> None:
        # Asked every few seconds: a database busy for a moment is not worth a message box.
        self._running = False
        log.warning("looking for stored changes failed: %s", error)

    def _lay_in(self, asked: tuple[int, int, int], stored: Stored) -> None:
        area, model = self.area, self.area.model
        generation, edits, lists_generation = asked
        # Not over a list load begun since (fresher); over one begun before, which is dropped.
        if lists_generation == area._lists_generation and stored.lists != area.lists:
            area._lists_generation += 1
            area._fill_tree(stored.lists)
        if generation == model.generation and (model.busy or edits != model.edits):
            # A page on its way, or a mark set here meanwhile (which the rows read before it
            # would undo on screen): read again in a moment.
            self._retry.start()
            return
        if generation == model.generation:
            self._lay_in_rows(stored.total, stored.rows)
        # Otherwise another list was chosen meanwhile: it is being read as stored now.
        self.seen = stored.version
        refreshing = area.refresh_task is not None and not area.refresh_task.done
        if stored.pending and not refreshing:  # else the pass after that refresh scores them
            area.score_pending(on_error=self._failed_scoring)

    def _lay_in_rows(self, total: int, rows: Rows) -> None:
        area, model, table = self.area, self.area.model, self.area.table
        loaded = [model.row(row) for row in range(model.rowCount())]
        if loaded == rows and total == model.total:
            return
        ids = {record["id"] for record in rows}
        current = table.currentIndex()
        if current.isValid() and model.row(current.row())["id"] not in ids:
            # Gone (its feed removed): no neighbour is chosen (and marked read) in its place.
            table.selectionModel().clear()
        place = table.top_place()
        top = model.row(place[0])["id"] if place is not None else None
        feeds = {record["feed"] for record in rows} - {record["feed"] for record in loaded}
        before = model.total
        model.merge(total, rows)
        if top is not None and (row := model.row_of(top)) >= 0:
            table.keep_at_top(row, place[1])
        if feeds and not table.widths_chosen:
            table.fit_columns()  # a new feed's name, as a new list would be fitted
        shown = area.reader.item
        if shown is not None:
            row = model.row_of(shown["id"])
            if row < 0:
                area.reader.show_item(None)  # not in this list: it would be read as part of it
            else:
                area.reader.update_marks(model.row(row))
        area._explain_list()
        if model.total != before and not self._quiet:
            area._say(ngettext("{n} item", "{n} items", model.total).format(n=model.total))
        self._quiet = False

    def _failed_scoring(self, error: Exception) -> None:
        log.warning("scoring the items stored elsewhere failed: %s", error)
