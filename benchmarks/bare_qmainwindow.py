"""Reference for the start-up benchmark: a bare PySide6 QMainWindow, shown and painted once."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
