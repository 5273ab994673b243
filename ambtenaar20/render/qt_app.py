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


def load_image_plugins() -> None:
    """Load Qt's image-format plugins on the calling (GUI) thread, before a worker paints.

    The first PDF or chart with an image asks Qt which image formats exist; Qt then creates
    the plugin objects and moves them to the GUI thread. Done from a worker while the GUI
    thread was deleting widgets, that deadlocked: the worker waited for a Qt lock holding the
    interpreter lock, the GUI thread for the interpreter lock holding the Qt lock (seen in
    CI). Called on the GUI thread first, the worker finds the plugins loaded.
    """
    from PySide6.QtGui import QImageReader, QImageWriter

    QImageReader.supportedImageFormats()
    QImageWriter.supportedImageFormats()
