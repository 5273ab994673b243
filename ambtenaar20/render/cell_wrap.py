"""How the text of a report table's cell wraps: at spaces, and inside a word too wide for it.

Word wrap alone leaves a word wider than its column ("@bewonersraad_oost" in the counterpart
column, a long link or compound) on one line: it was cut off at the column's edge. Break chances
put into the text (zero-width spaces) fix that only for the words they were put in, and every
word got them at fixed places. ``WrapAtWordBoundaryOrAnywhere`` breaks a word only where it
reaches the column's edge, and the text stays as written, so the PDF holds the real text.

``QFontMetricsF.boundingRect`` measures with flags, which cannot ask for this wrap; the height
is measured here with ``QTextLayout``, stacking lines as ``QPainter.drawText`` does (leading
between lines, each line on a whole pixel), so a row is as tall as what is painted in it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter, QTextLayout, QTextOption

WRAP = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
#: ``drawText`` treats a newline as a line separator; ``QTextLayout`` needs the separator itself.
LINE_SEPARATOR = "\u2028"


def cell_option(alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextOption:
    option = QTextOption(alignment | Qt.AlignmentFlag.AlignTop)
    option.setWrapMode(WRAP)
    return option


def cell_layout(text: str, font: QFont, device: QPaintDevice, width: float) -> QTextLayout:
    """``text`` laid out in lines ``width`` wide, as a cell wraps it."""
    layout = QTextLayout(text.replace("\n", LINE_SEPARATOR), font, device)
    layout.setTextOption(cell_option())
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
    layout.endLayout()
    return layout


def text_height(text: str, font: QFont, device: QPaintDevice, width: float) -> float:
    """The height ``draw_cell`` takes for ``text`` wrapped ``width`` wide."""
    leading = QFontMetricsF(font, device).leading()
    layout = cell_layout(text, font, device, width)
    height = -leading
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        # ``QTextLine.height`` is rounded up; drawText adds the unrounded height.
        height = math.ceil(height + leading) + line.ascent() + line.descent()
    return max(height, 0.0)


def draw_cell(painter: QPainter, box: QRectF, text: str,
              alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    """``text`` wrapped in ``box``; drawText clips to the box itself, so a cell never runs into
    the next one even when a row is cut at the bottom of a page."""
    painter.drawText(box, text, cell_option(alignment))
