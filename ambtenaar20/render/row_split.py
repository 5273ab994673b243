"""A table row taller than a page, cut at line boundaries into pieces that continue on next pages.

The manager's report must be complete, so an entry with a very long summary is not shortened:
its row is cut into pieces, one per page, and every piece shows from each cell the lines that
fit its page. Text is cut only where a line starts, so nothing is lost or shown twice, and the
rest wraps on the next page exactly as it would have: word wrap is greedy, so lines after a line
start do not depend on what came before it.

Each cell is laid out once with ``QTextLayout`` (the engine behind ``QPainter.drawText``),
wrapped as a cell wraps (``cell_wrap``), to know where its lines start and how tall they are;
that only predicts how much fits. What a piece finally holds is measured with the same call the
table measures every row with, so a piece never ends up taller than its page. Laying out once
and measuring only a page's text per piece keeps the work linear in the length of the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice

from ambtenaar20.render.cell_wrap import cell_layout

#: A row is started at the bottom of a page only if at least this many lines fit there;
#: otherwise it starts on the next page, so a page never ends with a scrap of a row.
LEAST_LINES_HERE = 3


@dataclass
class _Cell:
    """One cell's text with where its lines start (``starts[-1]`` is the end of the text)."""

    text: str
    starts: list[int]
    heights: list[float]
    line: int = 0  # the first line not yet shown

    @property
    def done(self) -> bool:
        return self.line >= len(self.heights)

    def lines(self, first: int, last: int) -> str:
        """Lines ``first`` up to ``last`` without the line break or space that ended them."""
        return self.text[self.starts[first]:self.starts[last]].rstrip()


@dataclass(frozen=True)
class Piece:
    """The part of a row on one page; ``continues`` when the row goes on on the next page."""

    cells: list[str]
    continues: bool


class RowSplitter:
    """Cuts rows for a table whose columns are ``widths`` wide, in ``font`` on ``device``.

    ``measure(text, width)`` is the table's own height of a cell, padding included; ``continued``
    is shown under the first cell's text on every page a row continues on.
    """

    def __init__(self, device: QPaintDevice, font: QFont, widths: Sequence[float], padding: float,
                 measure: Callable[[str, float], float], continued: str) -> None:
        self.device = device
        self.font = font
        self.widths = widths
        self.padding = padding
        self.measure = measure
        self.continued = continued
        metrics = QFontMetricsF(font, device)
        self.leading = metrics.leading()
        self.least_room = LEAST_LINES_HERE * metrics.lineSpacing() + 2 * padding

    def pieces(self, cells: Sequence[str], first_room: float, room: float) -> Iterator[Piece]:
        """``cells`` cut into pieces: the first at most ``first_room`` tall, the others ``room``."""
        columns = list(zip([self._lay_out(text, width)
                            for text, width in zip(cells, self.widths, strict=True)],
                           self.widths, strict=True))
        budget = first_room
        first = True
        while True:
            shown = []
            for number, (cell, width) in enumerate(columns):
                head = self._head(cells[0], cell, first) if number == 0 else ""
                shown.append(self._take(cell, width, budget, head))
            if not any(progress for _text, progress in shown):
                # Not one line fitted anywhere (a page shorter than a line): show a line of
                # every cell anyway, clipped, rather than never getting to the end of the row.
                shown = [self._force_line(cell, text)
                         for (cell, _width), (text, _progress) in zip(columns, shown, strict=True)]
            continues = not all(cell.done for cell, _width in columns)
            yield Piece([text for text, _progress in shown], continues)
            if not continues:
                return
            budget = room
            first = False

    def _head(self, original: str, cell: _Cell, first: bool) -> str:
        """What the first cell shows above its own text: on later pages "(continued)", with the
        first cell (the date) repeated when it was shown whole already."""
        if first:
            return ""
        return (original + "\n" + self.continued) if cell.done else self.continued

    def _take(self, cell: _Cell, width: float, budget: float, head: str) -> tuple[str, bool]:
        """The cell's text for this piece (``head`` first) and whether it showed new lines."""
        start = cell.line
        if cell.done:
            return head, False
        text_room = budget - 2 * self.padding
        if head:
            text_room -= self.measure(head, width) - 2 * self.padding + self.leading
        end = self._predicted_end(cell, start, text_room)

        def joined(last: int) -> str:
            part = cell.lines(start, last)
            return f"{head}\n{part}" if head and part else (head or part)

        # The prediction is checked with the table's own measure, line by line both ways.
        while end < len(cell.heights) and self.measure(joined(end + 1), width) <= budget:
            end += 1
        while end > start and self.measure(joined(end), width) > budget:
            end -= 1
        cell.line = end
        return joined(end), end > start

    def _predicted_end(self, cell: _Cell, start: int, text_room: float) -> int:
        """How many lines from ``start`` fit ``text_room``, stacked as ``drawText`` stacks them."""
        height = -self.leading
        end = start
        while end < len(cell.heights):
            height = math.ceil(height + self.leading) + cell.heights[end]
            if height > text_room:
                break
            end += 1
        return end

    def _force_line(self, cell: _Cell, text: str) -> tuple[str, bool]:
        if cell.done:
            return text, False
        cell.line += 1
        part = cell.lines(cell.line - 1, cell.line)
        return (f"{text}\n{part}" if text else part), True

    def _lay_out(self, text: str, width: float) -> _Cell:
        """Where the lines of ``text`` start when wrapped in a column ``width`` wide."""
        layout = cell_layout(text, self.font, self.device, width - 2 * self.padding)
        lines = [layout.lineAt(number) for number in range(layout.lineCount())]
        starts = [line.textStart() for line in lines]
        heights = [line.height() for line in lines]
        if not text:
            starts, heights = [], []  # an empty cell has nothing to show on any page
        return _Cell(text, [*starts, len(text)], heights)
