"""Reference for the start-up benchmark: a bare PySide6 QMainWindow, shown and painted once."""

import sys

from first_paint import FirstPaint
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
