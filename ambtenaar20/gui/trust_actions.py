"""File → Back-up maken / Terugzetten / a person's data, Help → Diagnose, daily tasks at start.

The work runs on the thread pool (``run_in_background``) behind a progress dialog; the window
only asks the questions. After a restore every area is rebuilt so none shows the old data. The
dialogs are loaded when a command is chosen, not with the window.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ambtenaar20 import APP_NAME
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.workers import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from ambtenaar20.core.backup.archive import ArchiveInfo
    from ambtenaar20.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def start_daily_backup(context: AppContext) -> BackgroundTask:
    """Off the GUI thread: the daily automatic backup if one is due, then the retention purge.

    The backup comes first, so what the purge removes is still in that day's backup.
    """

    def work(cancel, progress):
        made = context.backup.run_daily_if_due()
        purged = context.privacy.purge_expired()
        return made, purged

    def failed(error: Exception) -> None:
        log.error("daily backup or retention failed: %s", error)

    return run_in_background(work, on_error=failed)


class TrustActions(QObject):
    """The backup, restore and diagnostics commands of one main window."""

    backup_done = Signal(object)
    restore_done = Signal(object)
    erased = Signal(object)
    failed = Signal(str)

    def __init__(self, window: MainWindow, file_menu: QMenu, help_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.context: AppContext = window.context
        self.progress: QProgressDialog | None = None
        self.task: BackgroundTask | None = None
        before = _first_separator(file_menu)
        self.backup_action = QAction(_("Make &backup…"), window)
        self.backup_action.setStatusTip(_("Save all your data in one file"))
        self.backup_action.triggered.connect(lambda: self.make_backup())
        self.restore_action = QAction(_("&Restore backup…"), window)
        self.restore_action.setStatusTip(_("Replace all your data by a backup file"))
        self.restore_action.triggered.connect(lambda: self.restore_backup())
        self.erase_action = QAction(_("Delete a person's &data…"), window)
        self.erase_action.setStatusTip(_("Erase one person's data everywhere in the app (AVG "
                                         "request)"))
        self.erase_action.triggered.connect(lambda: self.erase_person())
        file_menu.insertSeparator(before)
        file_menu.insertActions(before, [self.backup_action, self.restore_action,
                                         self.erase_action])
        self.diagnostics_action = QAction(_("&Diagnostics"), window)
        self.diagnostics_action.triggered.connect(self.open_diagnostics)
        help_menu.insertAction(_first_separator(help_menu), self.diagnostics_action)

    # -- backup --------------------------------------------------------------------------------
    def make_backup(self, target: Path | None = None) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        if target is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            suggested = Path(folder) / f"ambtenaar20-backup-{datetime.date.today():%Y%m%d}.zip"
            name, _filter = QFileDialog.getSaveFileName(
                self.window, _("Make backup"), str(suggested), _("Backups (*.zip)"))
            if not name:
                return
            target = Path(name)
        self._run(_("Making the backup…"),
                  lambda cancel, progress: self.context.backup.create(target, cancel, progress),
                  self._backup_succeeded, cancellable=True)

    def _backup_succeeded(self, result) -> None:
        self._close_progress()
        self.window.statusBar().showMessage(
            _("Backup saved in {path}.").format(path=result.path), 15_000)
        self.backup_done.emit(result)

    # -- restore -------------------------------------------------------------------------------
    def restore_backup(self, source: Path | None = None) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        if source is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            name, _filter = QFileDialog.getOpenFileName(
                self.window, _("Restore backup"), folder, _("Backups (*.zip)"))
            if not name:
                return
            source = Path(name)
        self._run(_("Checking the backup…"),
                  lambda cancel, progress: self.context.backup.inspect(source, cancel),
                  lambda info: self._confirm_restore(source, info), cancellable=True)

    def confirm(self, info: ArchiveInfo) -> bool:
        """Ask before replacing everything (tests replace this method)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, _("Restore backup"),
                          _("Restore the backup made at {created} (version {version})?")
                          .format(created=info.created_local, version=info.app_version),
                          parent=self.window)
        box.setInformativeText(_("All your current data is replaced by the backup. Your "
                                 "current data is first saved as an automatic backup in the "
                                 "backups folder."))
        restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def _confirm_restore(self, source: Path, info: ArchiveInfo) -> None:
        self._close_progress()
        if not self.confirm(info):
            return
        self._run(_("Restoring the backup…"),
                  lambda cancel, progress: self.context.backup.restore(source, cancel, progress),
                  self._restore_succeeded, cancellable=False)

    def _restore_succeeded(self, result) -> None:
        self._close_progress()
        rebuild_areas(self.window)
        self.window.statusBar().showMessage(
            _("Backup restored. The previous data was saved as {name}.").format(
                name=result.previous_state.name), 20_000)
        self.restore_done.emit(result)

    # -- AVG request ---------------------------------------------------------------------------
    def erase_person(self, name: str | None = None) -> None:
        from PySide6.QtWidgets import QInputDialog

        if name is None:
            name, ok = QInputDialog.getText(
                self.window, _("Delete a person's data"),
                _("Name of the person whose data is to be deleted or pseudonymised, as used "
                  "in the app:"))
            if not ok or not name.strip():
                return
        if not self.confirm_erase(name.strip()):
            return
        self._run(_("Deleting personal data…"),
                  lambda cancel, progress: self.context.privacy.erase_counterpart(name),
                  lambda request: self._erase_succeeded(request, name.strip()),
                  cancellable=False)

    def confirm_erase(self, name: str) -> bool:
        """Ask before deleting (tests replace this method)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self.window, _("Delete a person's data"),
            _("Erase {name} from everything in the app? The name becomes [verwijderd] and their "
              "own records lose their contact details; the records themselves stay. This cannot "
              "be undone. Older backups still contain the data.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _erase_succeeded(self, request, name: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ambtenaar20.core.privacy import describe_counts

        self._close_progress()
        if request.id is None:  # nothing matched: nothing changed, nothing recorded
            message = _("Nothing mentioned {name}, so nothing was changed and nothing recorded. "
                        "Check the spelling.").format(name=name)
            self.window.statusBar().showMessage(message, 20_000)
            self._show_erase_result(QMessageBox.Icon.Warning, message)
            self.erased.emit(request)
            return
        rebuild_areas(self.window)
        counts = describe_counts(request.affected)
        self.window.statusBar().showMessage(
            _("Personal data deleted: {counts}.").format(counts=counts), 20_000)
        # The same words as ``erase-person`` prints: what was affected, and the record made.
        self._show_erase_result(
            QMessageBox.Icon.Information,
            _("Done: {counts}. Recorded as request {id} (without the name).").format(
                counts=counts, id=request.id),
            _("Older backups still contain the data."))
        self.erased.emit(request)

    def _show_erase_result(self, icon, text: str, details: str = "") -> None:
        """The outcome in a message that stays until the officer closes it: an AVG request
        may have to be reported on, and a status-bar line is gone before it is noted down."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, _("Delete a person's data"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setInformativeText(details)
        box.setAccessibleName(_("Delete a person's data"))
        box.setAccessibleDescription(" ".join(filter(None, (text, details))))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Window-modal but not blocking: the areas rebuilt behind it stay live, and tests run on.
        box.open()

    # -- diagnostics ---------------------------------------------------------------------------
    def open_diagnostics(self) -> None:
        from ambtenaar20.gui.dialogs.diagnostics_dialog import DiagnosticsDialog

        DiagnosticsDialog(self.context, self.window).exec()

    # -- shared --------------------------------------------------------------------------------
    def _run(self, label: str, work, on_success, cancellable: bool) -> None:
        from PySide6.QtWidgets import QProgressDialog

        self._set_enabled(False)
        progress = QProgressDialog(label, _("Cancel") if cancellable else "", 0, 0, self.window)
        progress.setWindowTitle(label.rstrip("…"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        if not cancellable:
            progress.setCancelButton(None)
        self.progress = progress
        self.task = run_in_background(work, on_success=on_success, on_error=self._failed,
                                      on_cancelled=self._close_progress,
                                      on_progress=self._progressed)
        progress.canceled.connect(self.task.cancel)

    def _progressed(self, done: int, total: int, what: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 0))
            self.progress.setValue(done if total else 0)

    def _set_enabled(self, enabled: bool) -> None:
        # One piece of work at a time: a restore must not start while a backup runs.
        for action in (self.backup_action, self.restore_action, self.erase_action):
            action.setEnabled(enabled)

    def _close_progress(self) -> None:
        self._set_enabled(True)
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._close_progress()
        message = str(error)
        self.failed.emit(message)
        QMessageBox.warning(self.window, APP_NAME, message)


def rebuild_areas(window: MainWindow) -> None:
    """Replace the area widgets by new ones built on the (restored) data."""
    if window.populated:
        window.rebuild_areas()


def _first_separator(menu: QMenu) -> QAction | None:
    return next((action for action in menu.actions() if action.isSeparator()), None)
