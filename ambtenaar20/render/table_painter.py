"""The report's table of entries, measured and painted row by row with ``QPainter``.

A ``QTextDocument`` table is laid out and painted as one frame: every page walks all rows again,
which made 10,000 entries take minutes. Measuring each row once and painting only the rows of
the current page keeps the report linear in the number of entries (seconds for 10,000).
The header row is painted again at the top of every page.

Nothing is cut silently: a cell longer than ``MAX_CELL_CHARS`` or a row taller than a page ends
in "…", and a word too long for its column gets break chances so it wraps instead of being
clipped at the column's edge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

HEADER_FILL = QColor("#dde6f2")
STRIPE_FILL = QColor("#f4f6f9")
RULE = QColor("#b8b8b8")
#: A cell never needs more than this in a report; the exports keep the full text.
MAX_CELL_CHARS = 700
_WRAP = int(Qt.TextFlag.TextWordWrap)
ELLIPSIS = "…"
ZERO_WIDTH_SPACE = "\u200b"
#: Words longer than this get a break chance every this many characters.
_LONG_WORD = 24
_LONG_WORD_PATTERN = re.compile(rf"[^\s\u200b]{{{_LONG_WORD + 1},}}")


def shortened(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when something was cut."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + ELLIPSIS


def breakable(text: str) -> str:
    """Long words with zero-width spaces, where word wrap may break them."""
    return _LONG_WORD_PATTERN.sub(
        lambda match: ZERO_WIDTH_SPACE.join(
            match.group(0)[start:start + _LONG_WORD]
            for start in range(0, len(match.group(0)), _LONG_WORD)), text)


def prepared(text: str) -> str:
    return breakable(shortened(text))


@dataclass(frozen=True)
class Column:
    title: str
    percent: float
    right_aligned: bool = False


class TablePainter:
    def __init__(self, device: QPaintDevice, columns: Sequence[Column], width: float,
                 font: QFont) -> None:
        self.columns = columns
        self.font = font
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(font, device)
        self.bold_metrics = QFontMetricsF(self.bold, device)
        self.padding = self.metrics.height() * 0.25
        total = sum(column.percent for column in columns)
        self.widths = [width * column.percent / total for column in columns]
        self.header_height = self._height([c.title for c in columns], self.bold_metrics)

    def _height(self, cells: Sequence[str], metrics: QFontMetricsF) -> float:
        tallest = metrics.height()
        for text, width in zip(cells, self.widths, strict=True):
            room = width - 2 * self.padding
            # Most cells are one short line; measuring the wrapped text is the slow path.
            if text and ("\n" in text or metrics.horizontalAdvance(text) > room):
                box = QRectF(0, 0, room, 1e7)
                tallest = max(tallest, metrics.boundingRect(box, _WRAP, text).height())
        return tallest + 2 * self.padding

    def paginate(self, rows: Sequence[Sequence[str]], page_height: float) -> list[list[int]]:
        """Row indexes per page; a row taller than a page is shortened to fit one ("…")."""
        self.cells = [[prepared(cell) for cell in row] for row in rows]
        room = page_height - self.header_height
        self.heights = []
        for cells in self.cells:
            height = self._height(cells, self.metrics)
            if height > room:
                cells[:] = [self._fit(cell, width, room)
                            for cell, width in zip(cells, self.widths, strict=True)]
                height = self._height(cells, self.metrics)
            self.heights.append(height)
        pages: list[list[int]] = [[]]
        used = self.header_height
        for index, height in enumerate(self.heights):
            if pages[-1] and used + height > page_height:
                pages.append([])
                used = self.header_height
            pages[-1].append(index)
            used += height
        return pages

    def _fit(self, text: str, width: float, room: float) -> str:
        """The longest start of ``text`` (ending in "…") whose wrapped height fits ``room``."""
        if self._height_of(text, width) <= room:
            return text
        low, high = 0, len(text)
        while low < high:  # the most characters that still fit
            middle = (low + high + 1) // 2
            if self._height_of(text[:middle].rstrip() + ELLIPSIS, width) <= room:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + ELLIPSIS

    def _height_of(self, text: str, width: float) -> float:
        room = width - 2 * self.padding
        box = QRectF(0, 0, room, 1e7)
        return self.metrics.boundingRect(box, _WRAP, text).height() + 2 * self.padding

    def paint(self, painter: QPainter, rows: Sequence[Sequence[str]], indexes: Sequence[int],
              top: float, page_height: float) -> None:
        """Paint the rows ``indexes`` as prepared by ``paginate`` (``rows`` is what it got)."""
        y = top
        self._paint_row(painter, [c.title for c in self.columns], y, self.header_height,
                        self.bold, HEADER_FILL)
        y += self.header_height
        for position, index in enumerate(indexes):
            height = min(self.heights[index], top + page_height - y)
            fill = STRIPE_FILL if position % 2 else None
            self._paint_row(painter, self.cells[index], y, height, self.font, fill)
            y += height

    def _paint_row(self, painter: QPainter, cells: Sequence[str], y: float, height: float,
                   font: QFont, fill: QColor | None) -> None:
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
            # drawText clips to the box itself (no TextDontClip), so a word too long for its
            # column never runs into the next one.
            painter.drawText(box, int(align) | int(Qt.AlignmentFlag.AlignTop) | _WRAP, text)
            x += width
        painter.setPen(QPen(RULE, max(1.0, self.padding / 6)))
        painter.drawLine(0, int(y + height), int(total), int(y + height))
