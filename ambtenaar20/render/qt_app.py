"""A ``QGuiApplication`` for painting outside the window: fonts and images need one.

The CLI renders PDFs without any window, often on a machine without a display; the offscreen
platform is chosen then, unless the caller set ``QT_QPA_PLATFORM`` explicitly. In the GUI the
running ``QApplication`` is reused.

``guard_none_refcount`` works around a binding bug seen with PySide6 6.12 on Python 3.11: every
call of a Qt method that returns nothing drops one reference to ``None``; a report with thousands
of painted cells brings the count to zero and the interpreter aborts ("none_dealloc"). Python
3.12 made ``None`` immortal (PEP 683); the guard gives 3.11 the same by raising the count far out
of reach, which is harmless because ``None`` is never freed anyway.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_keep: list[QGuiApplication] = []


def guard_none_refcount() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    # ob_refcnt is the first field of every object in a CPython release build.
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < 1 << 40:
        count.value += 1 << 40


def ensure_gui_application() -> QCoreApplication:
    guard_none_refcount()
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(["ambtenaar20-render"])
    _keep.append(app)  # lives as long as the process; Qt allows only one
    return app
