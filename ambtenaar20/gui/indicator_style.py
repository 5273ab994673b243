"""Check boxes that stay visible in a dark palette.

Qt's Fusion style (used on Linux and for Windows' dark mode) outlines a check box in the
window colour made darker. On a dark window that outline is nearly black on a nearly black box:
the empty boxes of the Schrijven checklist disappeared, and the platform boxes were faint. In a
dark palette this style draws the outline in a grey between the text and the box (about 5:1
against the box, above the 3:1 that WCAG asks of controls). In a light palette, and with other
styles, which draw their own indicators, nothing changes. Installed by ``palette_watch`` once
the palette is dark.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from ambtenaar20.gui.palette_watch import is_dark

#: How far the outline goes from the box's colour towards the text's.
TEXT_SHARE = 0.55

_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
               QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)


def outline_colour(palette: QPalette) -> QColor:
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    mix = [round(b + (t - b) * TEXT_SHARE) for b, t in zip(base.getRgb()[:3],
                                                             text.getRgb()[:3], strict=True)]
    return QColor(*mix)


class VisibleIndicatorStyle(QProxyStyle):
    """Fusion, with a clear check box outline when the palette is dark."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark(option.palette):
            return
        # Over Fusion's own outline, on the same pixels (an item view's check is drawn as a
        # check box too, so this may run twice for it: an opaque colour looks the same).
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(outline_colour(option.palette), 1))
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()


def install_indicator_style(app: QApplication) -> None:
    """Wraps the application's style when it is Fusion (see the module's docstring)."""
    if isinstance(app.style(), VisibleIndicatorStyle):
        return
    if app.style().name().lower() == "fusion":
        app.setStyle(VisibleIndicatorStyle("fusion"))
