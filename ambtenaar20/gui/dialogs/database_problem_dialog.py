"""When the database cannot be opened: say what happened and let the officer choose what to do.

The damaged file is never deleted: both recovery choices first move it aside under a new name.
A backup is offered, and mentioned, only when there is one, by the moment it was made: that
tells the officer what a restore would lose. Its file name is the restore button's tooltip, and
SQLite's own words are in the log file, for IT: a "Show Details" button would squeeze the
buttons (QMessageBox is at most 800 pixels wide on a 1280-pixel screen) until they are cut off.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.local_time import FULL_FORMAT


class Recovery(enum.Enum):
    START_FRESH = "fresh"
    RESTORE_BACKUP = "restore"
    QUIT = "quit"


def ask_recovery(message: str, newest_backup: Path | None,
                 parent: QWidget | None = None) -> Recovery:
    """Ask, and wait for the answer."""
    box, choices = recovery_box(message, newest_backup, parent)
    box.exec()
    return choices.get(box.clickedButton(), Recovery.QUIT)


def recovery_box(message: str, newest_backup: Path | None, parent: QWidget | None = None
                 ) -> tuple[QMessageBox, dict[QAbstractButton, Recovery]]:
    """The question, not yet shown, and what each of its buttons means."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("The database cannot be opened"))
    box.setText(message)
    choices: dict[QAbstractButton, Recovery] = {}
    fresh = box.addButton(_("Move aside and start &fresh"), QMessageBox.ButtonRole.AcceptRole)
    choices[fresh] = Recovery.START_FRESH
    if newest_backup is None:
        box.setInformativeText(
            _("You can move the damaged file aside (it is kept, renamed with the date and "
              "time) and start with an empty database. There is no backup to restore."))
    else:
        made = backup_moment(newest_backup)
        box.setInformativeText(
            _("You can move the damaged file aside (it is kept, renamed with the date and "
              "time) and start with an empty database, or restore the backup of {moment}: "
              "what you changed after that moment is then lost.").format(moment=made))
        # Short, to fit beside the others; the text above says the file is set aside first.
        restore = box.addButton(_("&Restore the backup of {moment}").format(moment=made),
                                QMessageBox.ButtonRole.AcceptRole)
        restore.setToolTip(_("Backup: {path}").format(path=newest_backup))
        choices[restore] = Recovery.RESTORE_BACKUP
    quit_button = box.addButton(_("&Quit without changes"), QMessageBox.ButtonRole.RejectRole)
    choices[quit_button] = Recovery.QUIT
    box.setDefaultButton(quit_button)
    return box, choices


def backup_moment(backup: Path) -> str:
    """When ``backup`` was made, as dates are shown elsewhere ("27-11-2026 23:20")."""
    from ambtenaar20.core.backup.service import made_at

    moment = made_at(backup)
    return moment.strftime(FULL_FORMAT) if moment else backup.name
