"""Starts the GUI: Qt application, translations, single-instance lock, database, main window."""

from __future__ import annotations

import json
import logging
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ambtenaar20 import APP_ID, APP_NAME, APP_SLUG, __version__
from ambtenaar20.core import process_clock
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.errors import CorruptDatabaseError, InstanceLockedError, StoreError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.store import backups, database
from ambtenaar20.gui.crash_dialog import install_excepthook
from ambtenaar20.gui.dialogs.database_problem_dialog import Recovery, ask_recovery
from ambtenaar20.gui.instance_lock import acquire_instance_lock
from ambtenaar20.gui.main_window import MainWindow
from ambtenaar20.gui.qt_translations import install_qt_translations

log = logging.getLogger(__name__)

EXIT_USAGE = 2


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setDesktopFileName(APP_ID)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_SLUG)
    return app


def open_store_interactively(context: AppContext, interactive: bool) -> bool:
    """Open the database; on damage ask how to recover. False means: do not start."""
    while True:
        try:
            context.store  # noqa: B018 - opening is the point
            return True
        except CorruptDatabaseError as error:
            log.error("database problem: %s (%s)", error, error.detail)
            if not interactive:
                print(f"{APP_SLUG}: {error}", file=sys.stderr)
                return False
            newest = next(iter(backups.list_backups(context.paths.backups_dir)), None)
            choice = ask_recovery(str(error), newest)
            if choice is Recovery.QUIT:
                return False
            moved = database.set_aside(error.path)
            log.warning("damaged database moved to %s", moved)
            if choice is Recovery.RESTORE_BACKUP and newest is not None:
                database.restore_backup(error.path, newest)
                log.warning("restored backup %s", newest)
        except StoreError as error:
            log.error("database problem: %s", error)
            if interactive:
                QMessageBox.critical(None, _("The database cannot be opened"), str(error))
            else:
                print(f"{APP_SLUG}: {error}", file=sys.stderr)
            return False


class FirstPaintWatcher(QObject):
    """Prints the smoke-test line once the window has been painted, then quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            print(json.dumps({"ready_ms": process_clock.ms_since_process_start()}), flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def run_gui(context: AppContext, *, smoke_test: bool = False) -> int:
    app = ensure_application()
    translators = install_qt_translations(app, context.language)
    install_excepthook(context.paths.log_file)
    try:
        lock = acquire_instance_lock(context.paths.gui_lock)
    except InstanceLockedError as error:
        if smoke_test:
            print(f"{APP_SLUG}: {error}", file=sys.stderr)
        else:
            QMessageBox.information(None, APP_NAME, str(error))
        return EXIT_USAGE
    try:
        if not open_store_interactively(context, interactive=not smoke_test):
            return EXIT_USAGE
        window = MainWindow(context)
        if context.settings_problem:
            window.statusBar().showMessage(context.settings_problem, 15_000)
        if smoke_test:
            watcher = FirstPaintWatcher(app)
            window.installEventFilter(watcher)
        window.show()
        code = app.exec()
        window.save_window_state()
        return code
    finally:
        lock.unlock()
        del translators
