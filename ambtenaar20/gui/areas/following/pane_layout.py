"""Volgen's three panes: the tree, then the item list with the reader beside or under it.

Two splitters: the tree beside the rest, and the list and the reader side by side or above
each other (``reader_position``). The widths are shared out by ``pane_shares``' rule once the
first lists are known; after that the officer's drags stand, except that the automatic
position moves the reader when the window crosses the width where the list would turn compact.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget

from ambtenaar20.gui.areas.following.item_table import (
    LEAST_TITLE_CHARACTERS,
    ItemTable,
    TitleRoom,
)
from ambtenaar20.gui.areas.following.pane_shares import Needs, below_shares, first_shares
from ambtenaar20.gui.areas.following.reader import ReaderPane
from ambtenaar20.gui.areas.following.reader_position import (
    below_heights,
    chosen_position,
    reader_below,
)
from ambtenaar20.gui.areas.following.source_tree import SourceTree

#: How much of each title (in average characters) the item list keeps room for when the panes
#: are first shared out (``pane_shares``): before the reader gets more than its minimum, and
#: (the least, ``LEAST_TITLE_CHARACTERS``) before the tree gets more than 15 % and the reader's
#: labels go on one line.
TITLE_CHARACTERS = 20
#: How much of each feed's row (in average characters, unread count included) the tree makes
#: room for where the list can spare it: "De Stentor – Zwolle (14)" whole, but not one very
#: long name (or an address) at the titles' cost. At 28 the titles lost too much at 1400 px.
TREE_FEED_CHARACTERS = 26
#: The most lines the reader's buttons may take beside the list before the automatic position
#: puts it under the list: two rows of three, one of them wrapped.
CRAMPED_LINES = 3


@dataclass(frozen=True)
class _Measured:
    """What the panes need in the current font, measured when the first lists arrived."""

    needs: Needs
    room: TitleRoom


class PaneLayout:
    """The tree, the list and the reader (in its tabs) in their two splitters."""

    def __init__(self, tree: SourceTree, table: ItemTable, tabs: QTabWidget,
                 reader: ReaderPane, position: str) -> None:
        self.tree, self.table, self.tabs, self.reader = tree, table, tabs, reader
        self.position = chosen_position(position)
        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.inner = QSplitter(Qt.Orientation.Horizontal)
        self.inner.addWidget(table)
        self.inner.addWidget(tabs)
        self.inner.setStretchFactor(0, 3)
        self.inner.setStretchFactor(1, 2)
        self.inner.setSizes([620, 520])
        self.outer.addWidget(tree)
        self.outer.addWidget(self.inner)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.outer.setSizes([230, 1145])
        self._measured: _Measured | None = None

    @property
    def reader_is_below(self) -> bool:
        return self.inner.orientation() == Qt.Orientation.Vertical

    def widths(self) -> tuple[int, int, int]:
        """The tree's, the list's and the reader's widths (under the list: the list's)."""
        tree = self.outer.sizes()[0]
        if self.reader_is_below:
            return tree, self.table.width(), self.tabs.width()
        listing, reader = self.inner.sizes()
        return tree, listing, reader

    def share_out(self, width: int, height: int, feeds: list[str]) -> None:
        """Measure what the panes need and share ``width`` (the area's) among them; ``height``:
        the panes' height, for whether the reader fits under the list; ``feeds``: the names
        the feed column will show."""
        room = self.table.room_for_title(feeds, self.tree.cell_margins())
        wrapped_reader = self.tabs.minimumSizeHint().width()
        least_reader = self.reader.least_one_line_width() + (  # and the tabs' frame
            wrapped_reader - self.reader.minimumSizeHint().width())
        needs = Needs(tree=self.tree.content_width(), least_reader=least_reader,
                      listing=room.width(TITLE_CHARACTERS),
                      least_listing=room.width(LEAST_TITLE_CHARACTERS),
                      wrapped_reader=wrapped_reader,
                      named_tree=self.tree.content_width(TREE_FEED_CHARACTERS),
                      feed_growth=room.feed_growth)
        self._measured = _Measured(needs, room)
        self._arrange(width, height)

    def set_position(self, position: str, width: int, height: int) -> None:
        """The officer's choice (Beeld → Leesvenster), applied at once when the panes have
        been shared out, else at the first share."""
        self.position = chosen_position(position)
        if self._measured is not None:
            self._arrange(width, height)

    def resized(self, width: int, height: int) -> None:
        """The area's new size: the automatic position may move the reader."""
        if self._measured is None:
            return
        if self._below(width, height) != self.reader_is_below:
            self._arrange(width, height)

    def _pane_width(self, width: int) -> int:
        return width - self.outer.handleWidth() - self.inner.handleWidth()

    def _beside(self, width: int) -> tuple[list[int], bool]:
        measured = self._measured
        assert measured is not None
        return first_shares(self._pane_width(width), measured.needs,
                            measured.room.width(TITLE_CHARACTERS, True),
                            measured.room.width(LEAST_TITLE_CHARACTERS, True))

    def _below(self, width: int, height: int) -> bool:
        line = max(self.table.verticalHeader().defaultSectionSize(),
                   self.table.fontMetrics().height())
        sizes, compact = self._beside(width)
        measured = self._measured
        assert measured is not None
        # Cramped beside the list: the list compact, or the reader so narrow that its buttons
        # take four lines or more (a button a line left the text a few lines at 14 pt).
        frame = self.tabs.minimumSizeHint().width() - self.reader.minimumSizeHint().width()
        cramped = compact or self.reader.button_lines(sizes[2] - frame) > CRAMPED_LINES
        return reader_below(self.position, cramped, height, line)

    def _arrange(self, width: int, height: int) -> None:
        measured = self._measured
        assert measured is not None
        if self._below(width, height):
            # The whole width for the list: its titles first, then the tree's names.
            tree, listing = below_shares(width - self.outer.handleWidth(), measured.needs)
            self.inner.setOrientation(Qt.Orientation.Vertical)
            self.table.set_compact(listing < measured.room.width(LEAST_TITLE_CHARACTERS))
            self.outer.setSizes([tree, listing])
            self.inner.setSizes(below_heights(height - self.inner.handleWidth()))
            return
        sizes, compact = self._beside(width)
        self.inner.setOrientation(Qt.Orientation.Horizontal)
        self.table.set_compact(compact)  # before the first rows: they are fitted once
        self.outer.setSizes([sizes[0], sizes[1] + self.inner.handleWidth() + sizes[2]])
        self.inner.setSizes(sizes[1:])
