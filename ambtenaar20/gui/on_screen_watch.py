"""Looks again at stored data while a widget is on screen, since nothing tells this process
what another one wrote.

Shared by the Volgen area's store follower and the Verloop chart's follower: each asks every
few seconds while its widget is visible and the window not minimised, when the widget is
shown again, and when the app becomes active (back from the terminal where ``ambtenaar20
refresh`` ran); nothing is asked while the widget is hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ambtenaar20.gui.workers import while_alive


class OnScreenWatch(QObject):
    """Calls ``look`` every ``interval_ms`` while ``widget`` is on screen and when the app
    becomes active; ``shown`` when the widget comes back, ``hidden`` when it goes."""

    def __init__(self, owner: QObject, widget: QWidget, interval_ms: int,
                 look: Callable[[], None], shown: Callable[[], None],
                 hidden: Callable[[], None]) -> None:
        super().__init__(owner)
        self.widget = widget
        self._look, self._shown, self._hidden = look, shown, hidden
        self.poll = QTimer(self, interval=interval_ms)
        self.poll.timeout.connect(look)
        widget.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(while_alive(self, self._app_state))
        if widget.isVisible():
            self.poll.start()

    def on_screen(self) -> bool:
        return self.widget.isVisible() and not self.widget.window().isMinimized()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget:
            if event.type() == QEvent.Type.Show:
                self.poll.start()
                self._shown()
            elif event.type() == QEvent.Type.Hide:
                self.poll.stop()
                self._hidden()
        return False

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._look()
