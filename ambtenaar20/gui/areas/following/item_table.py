"""The item list's view: one line a row, the title column taking what the others leave.

The other columns were fixed pixel widths, chosen for a 1400-pixel window at the normal font:
with a 14 pt font their headers were cut, and on a 1024-pixel screen the title kept a few
pixels. Now each is as wide as its texts in the current font (the feed column with a cap, a
feed's name can be long), so the title gets the rest at any screen and font size.

They were fitted again at every new list, which undid a width the officer had dragged at the
next click in the tree. Now the fitting stops for the session at the officer's first drag; a
change of font (texts of another size) still fits them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.following.item_model import ItemListModel

#: A feed's name longer than this many average characters is cut ("…"), for the title's sake.
FEED_CHARACTERS = 14


class ItemTable(QTableView):
    def __init__(self, model: ItemListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(_("Items"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the list (arrow keys move within it), else keyboard users are trapped.
        self.setTabKeyNavigation(False)
        # One line a row: with word wrap (Qt's default) a long text breaks after its first word
        # onto a second line the row height hides, and is cut with "…" though there is room.
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        #: Set by the officer's first drag of a column's edge: their widths stay from then on.
        self.widths_chosen = False
        #: True while ``fit_columns`` sizes the columns, so its resizes are not taken for a drag.
        self._fitting = False
        # Qt has no signal for a drag alone: see ``_section_resized``.
        header.sectionResized.connect(self._section_resized)
        # A new list may bring other feeds' names: fit them, unless the officer chose widths.
        model.modelReset.connect(self._list_replaced)

    def fit_columns(self) -> None:
        """Every column but the title as wide as its header and its texts, unread (bold)."""
        header = self.horizontalHeader()
        self._fitting = True
        try:
            for column in range(1, self.model().columnCount()):
                header.resizeSection(column, self._fitting_width(column))
        finally:
            self._fitting = False

    def _list_replaced(self) -> None:
        if not self.widths_chosen:
            self.fit_columns()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        """A drag is a resize of an interactive column (the title stretches with the view),
        not by ``fit_columns``, with the mouse button held: Qt itself widens a column to the
        header's least width at a larger font, between our fittings and without a button."""
        if (not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton
                and self.horizontalHeader().sectionResizeMode(column)
                == QHeaderView.ResizeMode.Interactive):
            self.widths_chosen = True

    def room_for_title(self, feeds: list[str]) -> Callable[[int], int]:
        """How wide the list must be to show n characters of each title beside the other
        columns and a vertical scroll bar: ``room(n)``. ``feeds``: the names the feed column
        will show (the first rows may still be on their way). The columns are measured once,
        however many widths are asked for (start-up asks two)."""
        metrics = self._bold_metrics()
        fixed = (sum(self._fitting_width(column, feeds)
                     for column in range(1, self.model().columnCount()))
                 + self._cell_extra() + self.verticalScrollBar().sizeHint().width()
                 + 2 * self.frameWidth())
        average = metrics.averageCharWidth()
        return lambda characters: fixed + math.ceil(average * characters)

    def _fitting_width(self, column: int, feeds: list[str] | None = None) -> int:
        """Its header's width or its widest text, whichever is wider; a feed's name is cut at
        ``FEED_CHARACTERS``. ``feeds``: the feed names to measure, instead of the rows'."""
        model = self.model()
        metrics = self._bold_metrics()
        feed_column = model.COLUMNS[column] == "feed"
        texts = feeds if feed_column and feeds is not None else model.column_texts(column)
        # Whole pixels up, as the views lay a text out: rounded down, "Feed 17" became "Feed …".
        widest = max((math.ceil(metrics.horizontalAdvance(text)) for text in texts), default=0)
        if feed_column:
            widest = min(widest, math.ceil(metrics.averageCharWidth() * FEED_CHARACTERS))
        return max(widest + self._cell_extra(), self.horizontalHeader().sectionSizeHint(column))

    def _bold_metrics(self) -> QFontMetricsF:
        bold = QFont(self.font())  # unread rows are bold
        bold.setBold(True)
        return QFontMetricsF(bold)

    def _cell_extra(self) -> int:
        """Room around a cell's text: the header's own margins, which every style makes at
        least as wide as a cell's (in Fusion 2 x 4 px against 2 x 3), plus the grid line.

        Asked of the header rather than of ``QStyle``: the first use of ``QStyle`` from Python
        builds its enums, ~3 ms of every start for two numbers.
        """
        header = self.horizontalHeader()
        text = str(self.model().headerData(0, Qt.Orientation.Horizontal) or "")
        margins = header.sectionSizeHint(0) - math.ceil(
            QFontMetricsF(header.font()).horizontalAdvance(text))
        return max(margins, 0) + (1 if self.showGrid() else 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # The header takes the new font after its view: measure once both have it.
            QTimer.singleShot(0, self, self.fit_columns)
