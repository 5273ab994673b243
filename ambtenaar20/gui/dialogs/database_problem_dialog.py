"""When the database cannot be opened: say what happened and let the officer choose what to do.

The damaged file is never deleted: both recovery choices first move it aside under a new name.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ambtenaar20.core.i18n import _


class Recovery(enum.Enum):
    START_FRESH = "fresh"
    RESTORE_BACKUP = "restore"
    QUIT = "quit"


def ask_recovery(message: str, newest_backup: Path | None,
                 parent: QWidget | None = None) -> Recovery:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("The database cannot be opened"))
    box.setText(message)
    box.setInformativeText(
        _("You can move the damaged file aside (it is kept, renamed with the date and time) and "
          "start with an empty database, or restore the newest backup.")
    )
    fresh = box.addButton(_("Move aside and start &fresh"), QMessageBox.ButtonRole.AcceptRole)
    restore = None
    if newest_backup is not None:
        restore = box.addButton(
            _("Move aside and &restore backup of {name}").format(name=newest_backup.name),
            QMessageBox.ButtonRole.AcceptRole,
        )
    quit_button = box.addButton(_("&Quit without changes"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is fresh:
        return Recovery.START_FRESH
    if restore is not None and clicked is restore:
        return Recovery.RESTORE_BACKUP
    return Recovery.QUIT
