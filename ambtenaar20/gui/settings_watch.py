"""Settings the command line saves while the window is open, taken in at once.

The window holds the settings in memory. ``tone-words add``, ``hidden-names add`` or an erasure
run in a terminal change the file: without this, the window scored new items with its old
words without tone, showed an erased name under "Ook deze namen verbergen" and filled
Voorkeuren from its old copy until it saved itself. The data folder is watched (the file is
replaced on every save, so the folder, not the file, sees it); a change is read after a short
pause and handed to the areas that hold settings (``settings_changed``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from ambtenaar20.core.errors import Ambtenaar20Error

if TYPE_CHECKING:
    from ambtenaar20.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Saves come as a burst of folder events (a temporary file, then the rename).
SETTLE_MS = 200


class SettingsWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.take_in)
        folder = str(window.context.settings_store.path.parent)
        self.watcher = QFileSystemWatcher([folder], self)
        self.watcher.directoryChanged.connect(self.timer.start)

    def take_in(self) -> bool:
        """Read what was saved elsewhere; tell the areas when anything changed."""
        try:
            changed = self.window.context.refresh_settings()
        except (OSError, Ambtenaar20Error):
            log.warning("the settings saved elsewhere could not be read", exc_info=True)
            return False
        if changed:
            self.window.settings_changed()
        return changed


def watch_settings(window: MainWindow) -> SettingsWatch:
    return SettingsWatch(window)
