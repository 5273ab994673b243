"""The Rapportage chart of entries per week, drawn at the width the window gives it.

It was a picture of a fixed size in a label, sized once from the area's width: a label is never
narrower than its picture, so after the window became narrower (or with a large font, when the
summary column is narrower) the picture kept the area wide and it scrolled sideways. This view
draws the chart for its current width instead, in the current palette's colours, and asks for
the height that goes with that width.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ambtenaar20.core.i18n import _

#: The chart is never wider than this (taller bars say nothing more) ...
MAX_WIDTH = 720
#: ... nor narrower than this, where the week labels would no longer be readable.
MIN_WIDTH = 320
#: Its height as a share of its width, as in the PDF.
ASPECT = 0.4


class WeeklyChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] | None = None
        self._image: QImage | None = None
        self._drawn_for: tuple[int, int] | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def show_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        self._changed()

    def clear(self) -> None:
        """No chart (the period is not valid): the last one would seem to belong to it."""
        self._counts = None
        self._changed()

    def counts(self) -> dict[str, int] | None:
        return self._counts

    def _changed(self) -> None:
        self._image = None
        self.updateGeometry()  # from no chart to a chart the height changes
        self.update()

    @staticmethod
    def chart_width(width: int) -> int:
        return max(1, min(MAX_WIDTH, width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return 0 if self._counts is None else round(self.chart_width(width) * ASPECT)

    def sizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, self.heightForWidth(MIN_WIDTH))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._counts is None:
            return
        width = self.chart_width(self.width())
        # Drawn again for a new size or palette (the system switched to dark); not per paint.
        key = (width, self.palette().cacheKey())
        if self._image is None or self._drawn_for != key:
            from ambtenaar20.render.chart import ChartColors, weekly_chart

            self._image = weekly_chart(self._counts, width, round(width * ASPECT),
                                       _("Entries per week"), _("No entries in this period"),
                                       ChartColors.from_palette(self.palette()))
            self._drawn_for = key
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()
