"""The Logboek table: a model over all entries that loads pages of rows off the GUI thread.

Only the row count and the pages the view actually shows are fetched, each in the background, so
scrolling through 100,000 entries never blocks the window. A new filter starts a new
"generation"; answers that arrive for an older one are dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from ambtenaar20.core.i18n import N_, _
from ambtenaar20.core.logbook.kinds import direction_label, kind_label
from ambtenaar20.core.logbook.model import Interaction, LogFilter
from ambtenaar20.core.logbook.platforms import platform_label
from ambtenaar20.core.logbook.service import LogbookService
from ambtenaar20.gui.readable_colour import row_tint
from ambtenaar20.gui.workers import run_in_background

PAGE_SIZE = 200
COLUMNS = (
    ("occurred_at", N_("Date and time")), ("platform", N_("Platform")), ("kind", N_("Kind")),
    ("direction", N_("Direction")), ("topic", N_("Topic")), ("counterpart", N_("Counterpart")),
    ("summary", N_("Summary")), ("minutes", N_("Minutes")), ("follow_up", N_("Follow-up")),
)
OVERDUE = QColor("#f8d7da")
DUE_TODAY = QColor("#fff3cd")
_Index = QModelIndex | QPersistentModelIndex


class EntryTableModel(QAbstractTableModel):
    #: Emitted after the count and first page for the current filter arrived.
    reloaded = Signal()
    failed = Signal(str)

    def __init__(self, service: LogbookService, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.log_filter = LogFilter()
        self._count = 0
        self._pages: dict[int, list[Interaction]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.today = date.today()
        self.loading = False

    # -- loading -------------------------------------------------------------------------------
    def set_filter(self, log_filter: LogFilter) -> None:
        self.log_filter = log_filter
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation, log_filter, service = self._generation, self.log_filter, self.service
        self.loading = True
        self.today = date.today()

        def work(_cancel, _progress):
            return (service.count(log_filter),
                    service.list(log_filter, limit=PAGE_SIZE, newest_first=True))

        run_in_background(work, on_success=lambda result: self._loaded(generation, result),
                          on_error=self._failed, owner=self)

    def _loaded(self, generation: int, result: tuple[int, list[Interaction]]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count, first = result
        self._pages = {0: first}
        self._pending.clear()
        self.endResetModel()
        self.loading = False
        self.reloaded.emit()

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.failed.emit(str(error))

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation, log_filter, service = self._generation, self.log_filter, self.service

        def work(_cancel, _progress):
            return service.list(log_filter, limit=PAGE_SIZE, offset=page * PAGE_SIZE,
                                newest_first=True)

        run_in_background(work, on_success=lambda rows: self._page_loaded(generation, page, rows),
                          on_error=self._failed, owner=self)

    def _page_loaded(self, generation: int, page: int, rows: list[Interaction]) -> None:
        if generation != self._generation:
            return
        self._pages[page] = rows
        self._pending.discard(page)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def entry(self, row: int) -> Interaction | None:
        """The entry at ``row``, or ``None`` while its page is still loading."""
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def row_of(self, entry_id: int) -> int | None:
        for page, rows in self._pages.items():
            for offset, entry in enumerate(rows):
                if entry.id == entry_id:
                    return page * PAGE_SIZE + offset
        return None

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        name = COLUMNS[index.column()][0]
        if entry is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(entry, name, role == Qt.ItemDataRole.ToolTipRole)
        state = entry.follow_up_state(self.today)
        if role == Qt.ItemDataRole.BackgroundRole and state in ("overdue", "due"):
            # Asked at every paint: follows a switch between a light and a dark palette.
            return QBrush(row_tint(OVERDUE if state == "overdue" else DUE_TODAY,
                                   QGuiApplication.palette()))
        if role == Qt.ItemDataRole.FontRole and state == "overdue" and name == "follow_up":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "minutes":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def _display(self, entry: Interaction, name: str, tooltip: bool) -> str | None:
        if name == "occurred_at":
            return entry.occurred_at.strftime("%d-%m-%Y %H:%M")
        if name == "kind":
            return kind_label(entry.kind)
        if name == "platform":
            return platform_label(entry.platform)
        if name == "direction":
            return direction_label(entry.direction)
        if name == "minutes":
            return str(entry.minutes)
        if name == "follow_up":
            if entry.follow_up is None:
                return ""
            text = entry.follow_up.strftime("%d-%m-%Y")
            state = entry.follow_up_state(self.today)
            if state == "overdue":
                return text + " " + _("(overdue)") if tooltip else "⚠ " + text
            if state == "due":
                return text + " " + _("(today)") if tooltip else "● " + text
            return text
        if name == "summary" and not tooltip:
            return entry.summary.replace("\n", " ")[:200]
        return str(getattr(entry, name))
