"""The weekly activity chart of the report: bars per ISO week, painted into an image.

Painted with ``QPainter`` so it needs nothing beyond QtGui and looks the same in every PDF viewer.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

BAR = QColor("#1f5fa8")
GRID = QColor("#c8c8c8")
TEXT = QColor("#222222")


def weekly_chart(counts: dict[str, int], width: int, height: int, title: str,
                 empty_text: str) -> QImage:
    """Bars of ``counts`` (week label -> entries) in a ``width`` x ``height`` image."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = height / 20
    font = QFont()
    font.setPixelSize(max(8, int(unit * 0.9)))
    painter.setFont(font)
    painter.setPen(TEXT)
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
    painter.setPen(QPen(GRID, max(1, unit / 12)))
    value = 0
    while value <= top_value:
        y = bottom - (bottom - top) * value / top_value
        painter.drawLine(int(left), int(y), int(right), int(y))
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, y - unit, left - unit * 0.4, unit * 2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.setPen(QPen(GRID, max(1, unit / 12)))
        value += step
    slot = (right - left) / len(counts)
    label_every = max(1, int(len(counts) / max(1, (right - left) / (unit * 5))) + 1)
    for index, (week, count) in enumerate(counts.items()):
        x = left + index * slot
        bar_height = (bottom - top) * count / top_value
        painter.fillRect(QRectF(x + slot * 0.15, bottom - bar_height, slot * 0.7, bar_height), BAR)
        painter.setPen(TEXT)
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
