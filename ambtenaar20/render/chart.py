"""The weekly activity chart of the report: bars per ISO week, painted into an image.

Painted with ``QPainter`` so it needs nothing beyond QtGui and looks the same in every PDF viewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen


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
    unit = height / 20
    font = QFont()
    font.setPixelSize(max(8, int(unit * 0.9)))
    painter.setFont(font)
    painter.setPen(colors.text)
    painter.drawText(QRectF(0, 0, width, unit * 1.6), Qt.AlignmentFlag.AlignLeft, title)
    left, right, top, bottom = unit * 3, width - unit, unit * 2.5, height - unit * 2.5
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
    label_every = max(1, int(len(counts) / max(1, (right - left) / (unit * 5))) + 1)
    for index, (week, count) in enumerate(counts.items()):
        x = left + index * slot
        bar_height = (bottom - top) * count / top_value
        painter.fillRect(QRectF(x + slot * 0.15, bottom - bar_height, slot * 0.7, bar_height),
                         colors.bar)
        painter.setPen(colors.text)
        if count:
            painter.drawText(QRectF(x, bottom - bar_height - unit * 1.3, slot, unit * 1.2),
                             Qt.AlignmentFlag.AlignCenter, str(count))
        if index % label_every == 0:
            painter.drawText(QRectF(x - slot, bottom + unit * 0.3, slot * 3, unit * 1.5),
                             Qt.AlignmentFlag.AlignCenter, week.split("-", 1)[-1])
    painter.end()
    return image


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10_000
