"""The weekly activity chart of the report: bars per ISO week, painted into an image.

Painted with ``QPainter`` so it needs nothing beyond QtGui and looks the same in every PDF viewer.
Which bars get a label is decided by ``week_axis`` from the text widths in the chart's font, so
a year or two stays readable at the window's width and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QPen

from ambtenaar20.render.week_axis import AxisLabel, week_axis_labels


@dataclass(frozen=True)
class ChartColors:
    """Paper colours by default (the PDF); ``from_palette`` for the window, light or dark."""

    background: QColor = field(default_factory=lambda: QColor("white"))
    text: QColor = field(default_factory=lambda: QColor("#222222"))
    grid: QColor = field(default_factory=lambda: QColor("#c8c8c8"))
    bar: QColor = field(default_factory=lambda: QColor("#1f5fa8"))

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartColors:
        return cls(background=palette.color(QPalette.ColorRole.Base),
                   text=palette.color(QPalette.ColorRole.Text),
                   grid=palette.color(QPalette.ColorRole.Mid),
                   bar=palette.color(QPalette.ColorRole.Highlight))


def weekly_chart(counts: dict[str, int], width: int, height: int, title: str,
                 empty_text: str, colors: ChartColors | None = None) -> QImage:
    """Bars of ``counts`` (week label -> entries) in a ``width`` x ``height`` image."""
    colors = colors or ChartColors()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(colors.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit, left, right, top, bottom = _frame(width, height)
    font = chart_font(height)
    painter.setFont(font)
    painter.setPen(colors.text)
    painter.drawText(QRectF(0, 0, width, unit * 1.6), Qt.AlignmentFlag.AlignLeft, title)
    if not counts:
        painter.drawText(QRectF(left, top, right - left, bottom - top),
                         Qt.AlignmentFlag.AlignCenter, empty_text)
        painter.end()
        return image
    peak = max(max(counts.values()), 1)
    step = _nice_step(peak)
    top_value = step * -(-peak // step)
    painter.setPen(QPen(colors.grid, max(1, unit / 12)))
    value = 0
    while value <= top_value:
        y = bottom - (bottom - top) * value / top_value
        painter.drawLine(int(left), int(y), int(right), int(y))
        painter.setPen(colors.text)
        painter.drawText(QRectF(0, y - unit, left - unit * 0.4, unit * 2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.setPen(QPen(colors.grid, max(1, unit / 12)))
        value += step
    slot = (right - left) / len(counts)
    count_font = _count_font(font, str(peak), slot - unit * 0.3)
    for index, count in enumerate(counts.values()):
        x = left + index * slot
        bar_height = (bottom - top) * count / top_value
        painter.fillRect(QRectF(x + slot * 0.15, bottom - bar_height, slot * 0.7, bar_height),
                         colors.bar)
        painter.setPen(colors.text)
        if count and count_font is not None:
            painter.setFont(count_font)
            painter.drawText(QRectF(x, bottom - bar_height - unit * 1.3, slot, unit * 1.2),
                             Qt.AlignmentFlag.AlignCenter, str(count))
    painter.setFont(font)
    for label in axis_labels(list(counts), width, height):
        painter.drawText(QRectF(label.left, bottom + unit * 0.3, label.width, unit * 1.5),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip, label.text)
    painter.end()
    return image


def chart_font(height: int) -> QFont:
    font = QFont()
    font.setPixelSize(max(8, int(height / 20 * 0.9)))
    return font


def _count_font(font: QFont, widest: str, room: float) -> QFont | None:
    """The font for the numbers over the bars: smaller where a bar is narrow, none where even
    that would run into the next bar's number (the grid then tells the values)."""
    for scale in (1, 0.85, 0.7):
        smaller = QFont(font)
        smaller.setPixelSize(max(8, int(font.pixelSize() * scale)))
        if QFontMetricsF(smaller).horizontalAdvance(widest) <= room:
            return smaller
    return None


def axis_labels(weeks: list[str], width: int, height: int) -> list[AxisLabel]:
    """The labels under the bars as ``weekly_chart`` draws them, measured in its font."""
    unit, left, right, _top, _bottom = _frame(width, height)
    return week_axis_labels(weeks, left, right,
                            QFontMetricsF(chart_font(height)).horizontalAdvance, unit * 0.6)


def _frame(width: int, height: int) -> tuple[float, float, float, float, float]:
    """The unit of size and the plot area's left, right, top and bottom."""
    unit = height / 20
    return unit, unit * 3, width - unit, unit * 2.5, height - unit * 2.5


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10_000
