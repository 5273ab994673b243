"""Fixes for a dark palette, loaded only when the palette is dark.

The check-box fix (``indicator_style``) is a style written in Python: Qt calls it for every
element it draws, and building Qt's style classes for it costs start-up time (~10 ms). A light
palette needs none of it, so it is only loaded at start or at a palette change to dark.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


def is_dark(palette: QPalette) -> bool:
    return palette.base().color().lightness() < 128


def follow_palette(app: QApplication) -> None:
    """Installs the dark-palette fixes when ``app``'s palette is dark; once is enough."""
    if is_dark(app.palette()):
        from ambtenaar20.gui.indicator_style import install_indicator_style

        install_indicator_style(app)
