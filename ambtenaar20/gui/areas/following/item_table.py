"""The item list's view: one line a row, the title column taking what the others leave.

The other columns were fixed pixel widths, chosen for a 1400-pixel window at the normal font:
with a 14 pt font their headers were cut, and on a 1024-pixel screen the title kept a few
pixels. Now each is as wide as its texts in the current font (the feed column with a cap, a
feed's name can be long), so the title gets the rest at any screen and font size.

They were fitted again at every new list, which undid a width the officer had dragged at the
next click in the tree. Now the fitting stops for the session at the officer's first drag; a
change of font (texts of another size) still fits them.

Where even that leaves the title less than ``LEAST_TITLE_CHARACTERS`` (a 1024-pixel screen at
14 pt) the list is *compact*: a feed's name is cut sooner and the dates are short (no time;
``compact_moment``). It is so while the list is that narrow: it is full again when the window
or the splitter gives it the room.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.following.item_model import ItemListModel

if TYPE_CHECKING:  # made when the list first has something to say, not at start-up
    from PySide6.QtWidgets import QLabel

#: A feed's name longer than this many average characters is cut ("…"), for the title's sake;
#: in the compact list (short of room) at the second.
FEED_CHARACTERS = 14
COMPACT_FEED_CHARACTERS = 8
#: The least of each title (in average characters) that is still of use: narrower than that
#: with its full columns, the list turns compact.
LEAST_TITLE_CHARACTERS = 12


@dataclass(frozen=True)
class TitleRoom:
    """How wide the list must be for n average characters of each title, measured once."""

    #: Every column but the title, the scroll bar and the frame: full, and compact.
    full: int
    compact: int
    average: float
    #: How much wider the full feed column would be with names as long as it shows (its cap).
    feed_growth: int = 0

    def width(self, characters: int, compact: bool = False) -> int:
        return (self.compact if compact else self.full) + math.ceil(self.average * characters)


def text_width(metrics: QFontMetricsF, text: str) -> int:
    """``text``'s width as a view lays it out: its advance and what its last letter overhangs
    (a bold "f"), in whole pixels up. Rounded down, "Feed 17" became "Feed …"."""
    overhang = max(0.0, -metrics.rightBearing(text[-1])) if text else 0.0
    return math.ceil(metrics.horizontalAdvance(text) + overhang)


def cell_margins(view: QAbstractItemView, index: QModelIndex, metrics: QFontMetricsF) -> int:
    """The room ``view``'s style keeps around a cell's text: ``index``'s size hint less its
    text (a plain one, in ``metrics``). Not asked of ``QStyle``: its first use from Python
    builds its enums, ~3 ms of every start for two numbers."""
    text = str(index.data() or "")
    return max(view.sizeHintForIndex(index).width() - text_width(metrics, text), 0)


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
        #: Short of room: feed names cut sooner, dates short (see the module docstring).
        self.compact = False
        #: The widths the list needs, from ``room_for_title``: when set, the list turns compact
        #: and back as its own width crosses what ``LEAST_TITLE_CHARACTERS`` need.
        self._room: TitleRoom | None = None
        #: The room the style keeps around a cell's text, once measured (``cell_margins``).
        self._margins: int | None = None
        #: True while ``fit_columns`` sizes the columns, so its resizes are not taken for a drag.
        self._fitting = False
        # Qt has no signal for a drag alone: see ``_section_resized``.
        header.sectionResized.connect(self._section_resized)
        # A new list may bring other feeds' names: fit them, unless the officer chose widths.
        model.modelReset.connect(self._list_replaced)
        #: Said in the list while it has no rows (``set_placeholder``).
        self.placeholder = ""
        #: Shows ``placeholder``; made when first needed.
        self.placeholder_label: QLabel | None = None

    def set_placeholder(self, text: str) -> None:
        """What the empty list says (why it is empty); "" says nothing. Also its accessible
        description: painted text is not read out.

        A label on the viewport, made the first time there is something to say: the first
        screen has rows and says nothing, and setting an accessible description (even "") or
        painting in Python cost ~14 ms of every start."""
        if text == self.placeholder:
            return
        self.placeholder = text
        self.setAccessibleDescription(text)
        if self.placeholder_label is None:
            from PySide6.QtWidgets import QLabel, QVBoxLayout

            label = QLabel(self.viewport())
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a search's words are shown as typed
            label.setAccessibleName(_("Why the list is empty"))
            margin = self.fontMetrics().height()
            layout = QVBoxLayout(self.viewport())
            layout.setContentsMargins(margin, margin, margin, margin)
            layout.addWidget(label)
            layout.addStretch(1)
            self.placeholder_label = label
            self.model().modelReset.connect(self._show_placeholder)
            self.model().rowsInserted.connect(self._show_placeholder)
        self.placeholder_label.setText(text)
        self._show_placeholder()

    def _show_placeholder(self) -> None:
        if self.placeholder_label is not None:
            self.placeholder_label.setVisible(bool(self.placeholder)
                                              and not self.model().rowCount())

    def fit_columns(self) -> None:
        """Every column but the title as wide as its header and its texts, unread (bold)."""
        header = self.horizontalHeader()
        model = self.model()
        if model.rowCount():  # the style's own margins, from a cell as the view sizes it
            metrics = QFontMetricsF(self.font()) if model.row(0)["read"] else \
                self._bold_metrics()
            self._margins = cell_margins(self, model.index(0, model.COLUMNS.index("published")),
                                         metrics)
        extra = self._cell_extra()
        self._fitting = True
        try:
            for column in range(1, self.model().columnCount()):
                header.resizeSection(column, self._fitting_width(column, extra))
        finally:
            self._fitting = False

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.model().set_compact(compact)
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Compared with figures measured before: no text is measured at a resize. The event
        # is the viewport's (without the frame and the scroll bar): the view's own width.
        if self._room is not None and not self.widths_chosen:
            self.set_compact(self.width() < self._room.width(LEAST_TITLE_CHARACTERS))

    def top_place(self) -> tuple[int, int] | None:
        """The row at the top of the view and its offset there (0 or less: partly scrolled
        past), to keep it there when rows come in above it; None at the very top of the list,
        where rows coming in should show."""
        if self.verticalScrollBar().value() == 0:
            return None
        row = self.rowAt(0)
        return (row, self.rowViewportPosition(row)) if row >= 0 else None

    def keep_at_top(self, row: int, offset: int) -> None:
        """Scroll so that ``row`` is where ``top_place`` found the row it shows now."""
        self.executeDelayedItemsLayout()  # the scroll range of the rows now in the list
        bar = self.verticalScrollBar()
        if self.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            bar.setValue(row)
        else:
            bar.setValue(bar.value() + self.rowViewportPosition(row) - offset)

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

    def room_for_title(self, feeds: list[str] | None = None,
                       margins: int | None = None) -> TitleRoom:
        """How wide the list must be to show n characters of each title beside the other
        columns and a vertical scroll bar, full and compact. ``feeds``: the names the feed
        column will show (the first rows may still be on their way; None: the rows' own);
        ``margins``: the style's cell margins, measured in another view before the list has
        rows. The columns are measured once, however many widths are asked for."""
        if margins is not None:
            self._margins = margins
        extra = self._cell_extra()
        columns = range(1, self.model().columnCount())
        around = extra + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        full = {column: self._widest(column, feeds, compact=False) for column in columns}
        dates = self.model().COLUMNS.index("published")  # the compact texts differ in dates
        compact = {**full, dates: self._widest(dates, compact=True)}
        self._room = TitleRoom(
            full=around + sum(self._column_width(column, widest, extra, compact=False)
                              for column, widest in full.items()),
            compact=around + sum(self._column_width(column, widest, extra, compact=True)
                                 for column, widest in compact.items()),
            average=self._bold_metrics().averageCharWidth(),
            feed_growth=self._feed_growth(full, extra))
        return self._room

    def _feed_growth(self, widest: dict[int, int], extra: int) -> int:
        """How much the feed column (its widest name in ``widest``) would grow with longer
        names: to its cap (``FEED_CHARACTERS``)."""
        feed = self.model().COLUMNS.index("feed")
        now = self._column_width(feed, widest[feed], extra, compact=False)
        return self._column_width(feed, 1 << 20, extra, compact=False) - now

    def _fitting_width(self, column: int, extra: int) -> int:
        return self._column_width(column, self._widest(column), extra, self.compact)

    def _widest(self, column: int, feeds: list[str] | None = None,
                compact: bool | None = None) -> int:
        """The widest text of ``column``, unread (bold). ``feeds``: the feed names to measure,
        instead of the rows'; ``compact``: the texts of that form, not of the list's own."""
        model = self.model()
        metrics = self._bold_metrics()
        feed_column = model.COLUMNS[column] == "feed"
        texts = feeds if feed_column and feeds is not None else \
            model.column_texts(column, compact)
        return max((text_width(metrics, text) for text in texts), default=0)

    def _column_width(self, column: int, widest: int, extra: int, compact: bool) -> int:
        """Its header's width or its widest text, whichever is wider; a feed's name is cut at
        ``FEED_CHARACTERS`` (``COMPACT_FEED_CHARACTERS`` when compact)."""
        if self.model().COLUMNS[column] == "feed":
            characters = COMPACT_FEED_CHARACTERS if compact else FEED_CHARACTERS
            widest = min(widest, math.ceil(self._bold_metrics().averageCharWidth() * characters))
        return max(widest + extra, self.horizontalHeader().sectionSizeHint(column))

    def _bold_metrics(self) -> QFontMetricsF:
        bold = QFont(self.font())  # unread rows are bold
        bold.setBold(True)
        return QFontMetricsF(bold)

    def _cell_extra(self) -> int:
        """Room around a cell's text, the grid line included: the style's cell margins once
        measured; before, an estimate from the header (its margins and what Qt adds for the
        bold it sizes sections in), more than a cell's at every size tried."""
        grid = 1 if self.showGrid() else 0
        if self._margins is not None:
            return self._margins + grid
        header = self.horizontalHeader()
        text = str(self.model().headerData(0, Qt.Orientation.Horizontal) or "")
        margins = header.sectionSizeHint(0) - math.ceil(
            QFontMetricsF(header.font()).horizontalAdvance(text))
        return max(margins, 0) + grid

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # The header takes the new font after its view: measure once both have it.
            QTimer.singleShot(0, self, self._font_changed)

    def _font_changed(self) -> None:
        if self._room is not None:  # measured in the old font: again, with the rows' feeds
            compact = self.width() < self.room_for_title().width(LEAST_TITLE_CHARACTERS)
            if compact != self.compact and not self.widths_chosen:
                self.set_compact(compact)  # fits the columns
                return
        self.fit_columns()
