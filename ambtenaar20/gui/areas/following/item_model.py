"""The item list as a lazy table model: a count and pages of rows, never 100,000 widgets.

Rows are loaded a page at a time on a worker thread (``run_in_background``) when the view
scrolls near the end (``canFetchMore``/``fetchMore``). Each load carries a generation number,
so a page that arrives after the selection changed is dropped instead of mixed in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from ambtenaar20.core.analysis.sentiment import sentiment_name
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.following.queries import PAGE, Selection
from ambtenaar20.gui.local_time import full_moment, local_moment
from ambtenaar20.gui.workers import run_in_background, while_alive

_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOL_TIP = int(Qt.ItemDataRole.ToolTipRole)
_HEADER_WORD_ROLES = frozenset({_TOOL_TIP, int(Qt.ItemDataRole.AccessibleTextRole)})


@cache
def _bold_font() -> QFont:
    """The font of unread rows; Qt copies what ``data`` returns, so one serves every cell."""
    font = QFont()
    font.setBold(True)
    return font


#: Dated within this, a short date is day-month (``compact_moment``): no year is meant twice.
RECENT = timedelta(days=183)

#: ``load(selection, offset, limit) -> (total, rows)``; runs on a worker thread.
Loader = Callable[[Selection, int, int], tuple[int, list[dict[str, Any]]]]


class ItemListModel(QAbstractTableModel):
    COLUMNS = ("title", "feed", "published", "sentiment", "flags")
    ItemIdRole = Qt.ItemDataRole.UserRole + 1
    #: The roles ``data`` answers; Qt asks for more, which get nothing.
    _answered_roles = frozenset({_DISPLAY, _FONT, _TOOL_TIP, int(ItemIdRole)})
    loaded = Signal()
    failed = Signal(object)
    #: Stored items changed (their tone): told by ``reread_rows``, for other views of them.
    items_changed = Signal()

    def __init__(self, load: Loader, parent=None) -> None:
        super().__init__(parent)
        self._load = load
        self._rows: list[dict[str, Any]] = []
        self._total = 0
        self._selection = Selection()
        self._generation = 0
        self._fetching = False
        #: Grows with every change made here to a row (``update_row``): a read of the stored
        #: rows begun before such a change must not undo it on screen (``merge``).
        self.edits = 0
        #: Dates in their short form (``compact_moment``), for a list short of room.
        self.compact = False

    # -- loading -----------------------------------------------------------------------------

    def set_selection(self, selection: Selection) -> None:
        """Show ``selection``: clears the list now, fills it when the first page arrives."""
        self._selection = selection
        self._generation += 1
        self.beginResetModel()
        self._rows, self._total, self._fetching = [], 0, True
        self.endResetModel()
        self._request(0, reset=True)

    def show_page(self, selection: Selection, total: int, rows: list[dict[str, Any]]) -> None:
        """Show ``selection`` with its first page already loaded (the first screen at start-up)."""
        self._selection = selection
        self._generation += 1
        self._arrived(self._generation, 0, True, (total, rows))

    def reload(self) -> None:
        self.set_selection(self._selection)

    def reread_rows(self) -> None:
        """Read the rows on screen again and update them in place (their tone, analysed after
        a refresh): no reset, so the selection and the scroll position stay."""
        self.items_changed.emit()
        if not self._rows:
            return
        generation, selection, count = self._generation, self._selection, len(self._rows)
        run_in_background(
            lambda _cancel, _progress: self._load(selection, 0, count),
            on_success=while_alive(self, lambda result: self._reread(generation, result)))

    def _reread(self, generation: int, result: tuple[int, list[dict[str, Any]]]) -> None:
        if generation != self._generation or not self._rows:
            return  # another list is shown (or on its way) meanwhile: it is read fresh anyway
        fresh = {record["id"]: record for record in result[1]}
        changed = [row for row, record in enumerate(self._rows)
                   if record["id"] in fresh and fresh[record["id"]] != record]
        for row in changed:
            self._rows[row] = fresh[self._rows[row]["id"]]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.COLUMNS) - 1))

    def merge(self, total: int, rows: list[dict[str, Any]]) -> None:
        """Make the loaded rows ``rows`` (the list's first rows as stored now) by removing,
        inserting and updating rows, never a reset: the view keeps its current row, its
        selection and its place. The caller takes the current row away first if it is gone."""
        fresh = {record["id"]: record for record in rows}
        gone = [row for row, record in enumerate(self._rows) if record["id"] not in fresh]
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(_ROOT, first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        present = {record["id"] for record in self._rows}
        new = [position for position, record in enumerate(rows) if record["id"] not in present]
        for first, last in _runs(new):
            # Every row before ``first`` is in place already (kept or inserted before).
            at = min(first, len(self._rows))
            self.beginInsertRows(_ROOT, at, at + last - first)
            self._rows[at:at] = rows[first:last + 1]
            self.endInsertRows()
        if [record["id"] for record in self._rows] != [record["id"] for record in rows]:
            self._reorder(rows)  # a date corrected at the source: rarely
        changed = [row for row, record in enumerate(self._rows) if fresh[record["id"]] != record]
        for row in changed:
            self._rows[row] = fresh[self._rows[row]["id"]]
        self._total = max(total, len(self._rows))
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.COLUMNS) - 1))

    def _reorder(self, rows: list[dict[str, Any]]) -> None:
        """The same rows in the order of ``rows``; persistent indexes (the view's current row
        and selection) move with their rows."""
        self.layoutAboutToBeChanged.emit()
        old_ids = [record["id"] for record in self._rows]
        self._rows = list(rows)
        position = {record["id"]: row for row, record in enumerate(self._rows)}
        before = self.persistentIndexList()
        after = [self.index(position[old_ids[index.row()]], index.column()) for index in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    @property
    def generation(self) -> int:
        """Grows with every new list (another selection, a reload)."""
        return self._generation

    @property
    def selection(self) -> Selection:
        return self._selection

    @property
    def total(self) -> int:
        return self._total

    @property
    def busy(self) -> bool:
        """A page is on its way (the first of a new list, or the next)."""
        return self._fetching

    def _request(self, offset: int, reset: bool) -> None:
        generation, selection = self._generation, self._selection
        self._fetching = True
        run_in_background(
            lambda _cancel, _progress: self._load(selection, offset, PAGE),
            on_success=while_alive(
                self, lambda result: self._arrived(generation, offset, reset, result)),
            on_error=while_alive(self, self._on_error))

    def _on_error(self, error: Exception) -> None:
        self._fetching = False
        self.failed.emit(error)

    def _arrived(self, generation: int, offset: int, reset: bool,
                 result: tuple[int, list[dict[str, Any]]]) -> None:
        if generation != self._generation:
            return  # the selection changed meanwhile: this page belongs to the old one
        total, rows = result
        self._fetching = False
        if reset:
            self.beginResetModel()
            self._rows, self._total = list(rows), total
            self.endResetModel()
        elif offset == len(self._rows) and rows:
            self._total = total
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._request(len(self._rows), reset=False)

    # -- reading -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == _DISPLAY:
            # "Markering" was wider than the marks below it ("★ reactie"): the column was as
            # wide as its header, where a 1024-pixel screen has no pixel to spare.
            return (_("Title"), _("Feed"), _("Date"), _("Tone"), _("Marks"))[section]
        if role in _HEADER_WORD_ROLES and self.COLUMNS[section] == "flags":
            return _("Flags")  # the whole word, for the tool tip and for screen readers
        return None

    def row(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def column_texts(self, column: int, compact: bool | None = None) -> list[str]:
        """The texts ``column`` shows, to size it by: every one it can show where they are few
        (dates, tones, flags), those of the loaded rows where they are not (feeds).
        ``compact``: the dates in that form rather than in the list's own."""
        name = self.COLUMNS[column]
        if name == "published":  # each form compact_moment gives, with its widest digits
            short = self.compact if compact is None else compact
            moment = datetime(2000, 12, 28, 23, 58)
            return [compact_moment(moment, now, short) for now in
                    (moment, moment.replace(day=29), moment.replace(year=2001, month=1),
                     moment.replace(year=2002))]
        if name == "sentiment":
            return [sentiment_name(label) for label in ("positive", "neutral", "negative")]
        if name == "flags":
            return [self._display({"starred": 1, "needs_response": 1}, name)]
        return sorted({self._display(record, name) for record in self._rows})

    def row_of(self, item_id: int) -> int:
        for index, record in enumerate(self._rows):
            if record["id"] == item_id:
                return index
        return -1

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for seven roles per visible cell at every paint, five of them never answered:
        # those return before any other work (the first screen paints ~150 cells).
        if role not in self._answered_roles or not index.isValid() or \
                index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == _DISPLAY:
            return self._display(record, self.COLUMNS[index.column()])
        if role == _FONT:
            return None if record["read"] else _bold_font()
        if role == _TOOL_TIP:
            column = self.COLUMNS[index.column()]
            if column == "title":
                # A tool tip that looks like HTML is drawn as HTML; a title is text.
                title = record["title"]
                return f"<p>{html.escape(title)}</p>" if "<" in title else title
            if column == "published":
                return full_moment(record["published"])
            return None
        return record["id"]  # ItemIdRole

    def _display(self, record: dict[str, Any], column: str) -> str:
        if column == "published":
            moment = local_moment(record["published"])
            if moment is None:
                return record["published"]
            return compact_moment(moment, datetime.now().astimezone(), self.compact)
        if column == "sentiment":
            return sentiment_name(record.get("sentiment"))
        if column == "flags":
            marks = []
            if record["starred"]:
                marks.append("★")
            if record["needs_response"]:
                marks.append(_("reply"))
            return " ".join(marks)
        return str(record.get(column) or "")

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            if self._rows:
                column = self.COLUMNS.index("published")
                self.dataChanged.emit(self.index(0, column),
                                      self.index(len(self._rows) - 1, column))

    def update_row(self, item_id: int, **changes: Any) -> None:
        """Reflect a change made through the service (read, starred...) without reloading."""
        row = self.row_of(item_id)
        if row < 0:
            return
        self._rows[row].update(changes)
        self.edits += 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Ascending ``numbers`` as runs of consecutive ones: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def compact_moment(moment: datetime, now: datetime, short: bool = False) -> str:
    """As mail programs show dates: the time for today, day-month and time this year, else the
    full date. Keeps the date column narrow so the title has room.

    ``short`` (a list short of room): the time for today, day-month for the last half year,
    else the year: no wider than the column's header. The tool tip has the full moment.
    """
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if short:
        return moment.strftime("%d-%m" if now - moment < RECENT else "%Y")
    if moment.year == now.year:
        return moment.strftime("%d-%m %H:%M")
    return moment.strftime("%d-%m-%Y")
