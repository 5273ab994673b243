"""Tells the officer, once the window is on screen, that the settings file had to be reset.

A status-bar line was easy to miss (it went after 15 s) while the profile, the name on every
report, may be gone with it. A message box that does not block the window stays until it is
read, and offers the preferences at once. It is shown after the first paint, so it costs the
start-up nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.accessible import name_after_text

if TYPE_CHECKING:
    from ambtenaar20.gui.main_window import MainWindow


def show_settings_problem(window: MainWindow, message: str) -> QMessageBox:
    """Show ``message`` (``AppContext.settings_problem``) beside ``window``; returns the box."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Preferences"), message,
                      QMessageBox.StandardButton.Ok, window)
    box.setAccessibleName(_("Preferences"))
    preferences = box.addButton(_("Open &Preferences…"), QMessageBox.ButtonRole.ActionRole)
    name_after_text(preferences)
    name_after_text(box.button(QMessageBox.StandardButton.Ok))
    box.setDefaultButton(QMessageBox.StandardButton.Ok)

    def chosen(button) -> None:
        if button is preferences:
            # After the box has closed: the preferences dialog is modal.
            QTimer.singleShot(0, window.open_preferences)

    box.buttonClicked.connect(chosen)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box
