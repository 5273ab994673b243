"""The report's table of entries, measured and painted row by row with ``QPainter``.

A ``QTextDocument`` table is laid out and painted as one frame: every page walks all rows again,
which made 10,000 entries take minutes. Measuring each row once and painting only the rows of
the current page keeps the report linear in the number of entries (seconds for 10,000).
The header row is painted again at the top of every page.

Nothing is cut: the report must be complete, so a row taller than a page continues on the next
pages (``row_split``), and a word too wide for its column wraps inside it (``cell_wrap``)
instead of being clipped at the column's edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

from ambtenaar20.core.i18n import _
from ambtenaar20.render.cell_wrap import draw_cell, text_height
from ambtenaar20.render.row_split import Piece, RowSplitter

HEADER_FILL = QColor("#dde6f2")
STRIPE_FILL = QColor("#f4f6f9")
RULE = QColor("#b8b8b8")


@dataclass(frozen=True)
class Column:
    title: str
    percent: float
    right_aligned: bool = False


class TablePainter:
    def __init__(self, device: QPaintDevice, columns: Sequence[Column], width: float,
                 font: QFont, continued: str | None = None) -> None:
        """``continued`` marks the pages a row continues on (default "(continued)")."""
        self.columns = columns
        self.font = font
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.device = device
        self.metrics = QFontMetricsF(font, device)
        self.bold_metrics = QFontMetricsF(self.bold, device)
        self.padding = self.metrics.height() * 0.25
        total = sum(column.percent for column in columns)
        self.widths = [width * column.percent / total for column in columns]
        self.header_height = self._height([c.title for c in columns], self.bold)
        self.splitter = RowSplitter(device, font, self.widths, self.padding, self._height_of,
                                    _("(continued)") if continued is None else continued)

    def _height(self, cells: Sequence[str], font: QFont) -> float:
        metrics = self.bold_metrics if font is self.bold else self.metrics
        tallest = metrics.height()
        for text, width in zip(cells, self.widths, strict=True):
            room = width - 2 * self.padding
            # Most cells are one short line; measuring the wrapped text is the slow path.
            if text and ("\n" in text or metrics.horizontalAdvance(text) > room):
                tallest = max(tallest, text_height(text, font, self.device, room))
        return tallest + 2 * self.padding

    def paginate(self, rows: Sequence[Sequence[str]], page_height: float,
                 measured: Callable[[], None] | None = None) -> list[list[int]]:
        """Indexes into ``cells``/``heights`` per page: one per row, except for a row taller
        than a page, which is cut into pieces that continue on the following pages.
        ``measured`` is called after each row (an export's progress; it may cancel)."""
        room = page_height - self.header_height
        self.cells: list[list[str]] = []
        self.heights: list[float] = []
        self.continues: list[bool] = []  # the row goes on on the next page
        self.striped: list[bool] = []
        pages: list[list[int]] = [[]]
        used = self.header_height
        shade = 0  # every other row of a page is shaded, from the first (0) or the second (1)
        for row in rows:
            cells = list(row)
            height = self._height(cells, self.font)
            pieces = [Piece(cells, continues=False)]
            if height > room:
                if pages[-1] and page_height - used < self.splitter.least_room:
                    pages.append([])
                    used = self.header_height
                    shade = 0
                pieces = list(self.splitter.pieces(cells, page_height - used, room))
            for number, piece in enumerate(pieces):
                if len(pieces) > 1:
                    height = self._height(piece.cells, self.font)
                # A row's later pieces start a page of their own, under a header of their own.
                if number or (pages[-1] and used + height > page_height):
                    pages.append([])
                    used = self.header_height
                    # A continued row keeps its shade, so its pieces read as one row.
                    shade = int(self.striped[-1]) if number else 0
                self.striped.append((len(pages[-1]) + shade) % 2 == 1)
                pages[-1].append(len(self.cells))
                self.cells.append(piece.cells)
                self.heights.append(height)
                self.continues.append(piece.continues)
                used += height
            if measured is not None:
                measured()
        return pages

    def _height_of(self, text: str, width: float) -> float:
        return text_height(text, self.font, self.device, width - 2 * self.padding) + \
            2 * self.padding

    def paint(self, painter: QPainter, rows: Sequence[Sequence[str]], indexes: Sequence[int],
              top: float, page_height: float) -> None:
        """Paint one page, ``indexes`` as ``paginate`` gave them (``rows`` is what it got)."""
        y = top
        self._paint_row(painter, [c.title for c in self.columns], y, self.header_height,
                        self.bold, HEADER_FILL)
        y += self.header_height
        for index in indexes:
            height = min(self.heights[index], top + page_height - y)
            fill = STRIPE_FILL if self.striped[index] else None
            self._paint_row(painter, self.cells[index], y, height, self.font, fill,
                            rule=not self.continues[index])
            y += height

    def _paint_row(self, painter: QPainter, cells: Sequence[str], y: float, height: float,
                   font: QFont, fill: QColor | None, rule: bool = True) -> None:
        """One row; without the rule under it when the row continues on the next page, so
        the page does not look as if the entry ended there."""
        total = sum(self.widths)
        if fill is not None:
            painter.fillRect(QRectF(0, y, total, height), fill)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        x = 0.0
        for text, width, column in zip(cells, self.widths, self.columns, strict=True):
            align = Qt.AlignmentFlag.AlignRight if column.right_aligned else \
                Qt.AlignmentFlag.AlignLeft
            box = QRectF(x + self.padding, y + self.padding, width - 2 * self.padding,
                         height - 2 * self.padding)
            draw_cell(painter, box, text, align)
            x += width
        if rule:
            painter.setPen(QPen(RULE, max(1.0, self.padding / 6)))
            painter.drawLine(0, int(y + height), int(total), int(y + height))
