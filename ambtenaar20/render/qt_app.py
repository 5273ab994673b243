"""A ``QGuiApplication`` for painting outside the window: fonts and images need one.

The CLI renders PDFs without any window, often on a machine without a display; the offscreen
platform is chosen then, unless the caller set ``QT_QPA_PLATFORM`` explicitly. In the GUI the
running ``QApplication`` is reused.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_keep: list[QGuiApplication] = []


def ensure_gui_application() -> QCoreApplication:
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(["ambtenaar20-render"])
    _keep.append(app)  # lives as long as the process; Qt allows only one
    return app
