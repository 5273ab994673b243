"""Check boxes (in forms and in lists such as the Schrijven checklist) stay visible when dark."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionButton, QStyleOptionViewItem

from ambtenaar20.gui.indicator_style import VisibleIndicatorStyle, install_indicator_style
from tests.gui.test_dark_palette import dark_palette

ELEMENTS = [QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck]


def draw(style: QStyle, palette: QPalette, element, checked: bool = False) -> QImage:
    image = QImage(36, 36, QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
        option = QStyleOptionButton()
    else:
        option = QStyleOptionViewItem()
        option.checkState = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    option.rect = QRect(10, 10, 16, 16)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
    painter = QPainter(image)
    style.drawPrimitive(element, option, painter, None)
    painter.end()
    return image


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                + 0.0722 * channel(colour.blueF()))

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def edge_contrast(image: QImage) -> float:
    """The empty box's left edge against its inside, where the eye finds the box."""
    return contrast(QColor(image.pixel(10, 18)), QColor(image.pixel(18, 18)))


@pytest.mark.parametrize("element", ELEMENTS)
def test_an_empty_check_box_is_clearly_outlined_in_a_dark_palette(qapp, element):
    fusion = QStyleFactory.create("fusion")
    assert edge_contrast(draw(fusion, dark_palette(), element)) < 1.5  # what officers saw
    assert edge_contrast(draw(VisibleIndicatorStyle("fusion"), dark_palette(), element)) >= 3


@pytest.mark.parametrize("element", ELEMENTS)
@pytest.mark.parametrize("checked", [False, True])
def test_light_palette_check_boxes_are_drawn_as_before(qapp, element, checked):
    light = QStyleFactory.create("fusion").standardPalette()
    assert (draw(VisibleIndicatorStyle("fusion"), light, element, checked)
            == draw(QStyleFactory.create("fusion"), light, element, checked))


def test_the_application_gets_it_only_over_fusion(qapp):
    previous = qapp.style().name()
    try:
        qapp.setStyle("windows")
        install_indicator_style(qapp)
        assert not isinstance(qapp.style(), VisibleIndicatorStyle)  # draws its own boxes
        qapp.setStyle("fusion")
        install_indicator_style(qapp)
        install_indicator_style(qapp)
        assert isinstance(qapp.style(), VisibleIndicatorStyle)
        assert isinstance(qapp.style().baseStyle(), type(QStyleFactory.create("fusion")))
    finally:
        qapp.setStyle(previous or "fusion")


def test_a_light_start_does_not_load_the_style():
    """The style costs start-up time (Qt's style classes, a Python call per drawn element)."""
    probe = ("import sys\n"
             "from ambtenaar20.gui.app import ensure_application\n"
             "ensure_application()\n"
             "print('ambtenaar20.gui.indicator_style' in sys.modules)\n")
    light = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True)
    assert light.stdout.strip() == "False"


def test_the_window_follows_a_switch_to_a_dark_palette(qapp, qtbot, make_context):
    from ambtenaar20.gui.main_window import MainWindow

    previous_style, previous_palette = qapp.style().name(), qapp.palette()
    try:
        qapp.setStyle("fusion")
        window = MainWindow(make_context("nl"))
        qtbot.addWidget(window)
        assert not isinstance(qapp.style(), VisibleIndicatorStyle)
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: isinstance(qapp.style(), VisibleIndicatorStyle), timeout=2000)
    finally:
        qapp.setPalette(previous_palette)
        qapp.setStyle(previous_style or "fusion")
