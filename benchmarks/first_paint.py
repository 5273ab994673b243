"""Quits the application once a watched window has been painted: the end of a start-up run.

Shared by the start-up references (``bare_qmainwindow.py``, ``plain_window.py``), so both stop
at the same moment the app's smoke test reports its first paint.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False
