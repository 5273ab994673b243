"""Starts the GUI: Qt application, translations, single-instance lock, database, main window."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ambtenaar20 import APP_ID, APP_NAME, APP_SLUG, __version__
from ambtenaar20.core import collector_pause, process_clock
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.errors import Ambtenaar20Error, CorruptDatabaseError, InstanceLockedError
from ambtenaar20.core.i18n import _, current_language
from ambtenaar20.gui.areas.first_content import has_shown_content
from ambtenaar20.gui.crash_dialog import install_excepthook
from ambtenaar20.gui.instance_lock import acquire_instance_lock
from ambtenaar20.gui.main_window import MainWindow
from ambtenaar20.gui.opening import Opening
from ambtenaar20.gui.palette_watch import follow_palette
from ambtenaar20.gui.qt_translations import install_qt_translations
from ambtenaar20.gui.trust_actions import start_daily_backup
from ambtenaar20.gui.workers import BackgroundTask, run_in_background

log = logging.getLogger(__name__)

EXIT_USAGE = 2
SMOKE_TEST_TIMEOUT_MS = 60_000
#: How long a built window waits for its data before it is shown with "Opening your data…".
FIRST_SCREEN_WAIT_S = 0.25
#: The latest moment after the data is in at which the daily tasks start, painted or not.
AFTER_START_MS = 10_000
APP_ICON = Path(__file__).resolve().parent.parent / "icons" / "ambtenaar20.svg"


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setDesktopFileName(APP_ID)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_SLUG)
    # The same icon as the installers' shortcuts, for the title bar and task switcher.
    app.setWindowIcon(QIcon(str(APP_ICON)))
    follow_palette(app)  # check boxes that stay visible in a dark palette
    return app


def recover_database(context: AppContext, error: CorruptDatabaseError) -> bool:
    """Ask the officer what to do with a damaged database; False means: quit, untouched."""
    from PySide6.QtWidgets import QMessageBox

    from ambtenaar20.core.backup.service import newest_database_backup, restore_database_only
    from ambtenaar20.core.errors import BackupError
    from ambtenaar20.core.store import database
    from ambtenaar20.gui.dialogs.database_problem_dialog import Recovery, ask_recovery

    # The newest of the copies made before updates and the automatic daily backups.
    newest = newest_database_backup(context.paths.backups_dir)
    choice = ask_recovery(str(error), newest)
    if choice is Recovery.QUIT:
        return False
    moved = database.set_aside(error.path)
    log.warning("damaged database moved to %s", moved)
    if choice is Recovery.RESTORE_BACKUP and newest is not None:
        try:
            if newest.suffix == ".zip":
                restore_database_only(newest, error.path)
            else:
                database.restore_backup(error.path, newest)
            log.warning("restored backup %s", newest)
        except (BackupError, OSError) as problem:
            log.error("restoring %s failed: %s", newest, problem)
            QMessageBox.warning(None, _("The database cannot be opened"), str(problem))
    return True


class StartUp(QObject):
    """Fills the window with the data ``Opening`` loads, before it is shown when that is quick.

    The opening began before Qt was imported. When it has finished by the time the window is
    built (or soon after), the window is filled first and appears with its data. When it takes
    longer (a large file to check, a migration), the window appears at once with "Opening your
    data…" and fills in when the data is there; the wait happens off the GUI thread.
    """

    def __init__(self, app: QApplication, context: AppContext, window: MainWindow,
                 smoke_test: bool, opening: Opening | None = None) -> None:
        super().__init__()
        self.app = app
        self.context = context
        self.window = window
        self.smoke_test = smoke_test
        self.opening = opening
        #: Every opening begun, to let none be cut off when the window closes.
        self.openings: list[Opening] = [opening] if opening is not None else []
        self.exit_code = 0
        #: First paint of the window, and first paint that shows the area's data.
        self.ready_ms: int | None = None
        self.populated_ms: int | None = None
        self.first_screen_done = False
        self.reported = False
        #: The message about a reset settings file, once it is shown (see ``settings_notice``).
        self.settings_notice: QObject | None = None
        #: The pass scoring items again under new tone rules, once started (after first paint).
        self.tone_upgrade: BackgroundTask | None = None
        #: Takes in settings saved elsewhere, once the first screen is shown.
        self.settings_watch: QObject | None = None
        window.installEventFilter(self)
        if smoke_test:  # however the opening goes, the smoke test ends
            QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, self._smoke_test_timed_out)

    def fill_before_showing(self, wait_seconds: float = FIRST_SCREEN_WAIT_S) -> None:
        """Fill the window now if the opening ends within ``wait_seconds`` without an error."""
        opening = self._next_opening()
        if opening.wait(wait_seconds) and not opening.failed:
            self._on_store_open(opening.key, opening.first_screen())

    def start(self) -> None:
        """Once the event loop runs: wait for the opening in the background unless it is done."""
        if self.window.populated:
            return
        # The window waits for its data: start-up is over as far as the collector goes.
        collector_pause.resume()
        opening = self._next_opening()
        self.opening = None  # a retry after recovery opens again
        run_in_background(lambda cancel, progress: opening.first_screen(),
                          on_success=lambda data: self._on_store_open(opening.key, data),
                          on_error=self._on_store_failed)

    def _next_opening(self) -> Opening:
        """The opening begun before Qt loaded, or a new one (tests, a retry after recovery)."""
        if self.opening is None:
            self.opening = Opening(self.context)
            self.openings.append(self.opening)
        return self.opening

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if self.ready_ms is None:
                self.ready_ms = process_clock.ms_since_process_start()
            if self.populated_ms is None and self.window.populated and \
                    has_shown_content(self.window.area(self.window.current_area_key())):
                self.populated_ms = process_clock.ms_since_process_start()
                # Once this paint has reached the screen, not from inside it.
                QTimer.singleShot(0, self._first_screen_shown)
        return False

    def _first_screen_shown(self) -> None:
        """The area's data has been painted (or, at the latest, ``AFTER_START_MS`` passed)."""
        if self.first_screen_done:
            return
        self.first_screen_done = True
        collector_pause.resume()
        if self.smoke_test:
            self._report_and_quit()
            return
        import shiboken6

        if not shiboken6.isValid(self.window):
            return  # closed before (``AFTER_START_MS``): nothing to start for it
        # Not before: the copy would compete with drawing the window.
        start_daily_backup(self.context)
        from ambtenaar20.gui.tone_upgrade import start_tone_rules_upgrade

        # Items stored under older tone rules are scored again: likewise only now.
        self.tone_upgrade = start_tone_rules_upgrade(self.window)
        from ambtenaar20.gui.settings_watch import watch_settings

        # From now on, settings the command line saves are taken in at once.
        self.settings_watch = watch_settings(self.window)
        if self.context.settings_problem:
            from ambtenaar20.gui.settings_notice import show_settings_problem

            self.settings_notice = show_settings_problem(self.window,
                                                         self.context.settings_problem)

    def _on_store_open(self, loaded_for: str, first_screen: object) -> None:
        """The store is open; ``first_screen`` is what was loaded for area ``loaded_for``."""
        self.window.populate_areas({loaded_for: first_screen})
        key = self.window.current_area_key()
        # The first paint that shows the area's data ends start-up. Filled before the window
        # was shown, that is its first paint; otherwise the next one once the data is in.
        area = self.window.area(key)
        if not has_shown_content(area):
            area.content_shown.connect(self.window.update)
        elif self.window.isVisible():
            self.window.update()
        if not self.smoke_test:
            # Should the window never be painted (started minimised), the daily tasks still run.
            QTimer.singleShot(AFTER_START_MS, self._first_screen_shown)

    def finish(self) -> None:
        """The window has closed: wait for any opening still writing (see ``Opening.finish``)."""
        for opening in self.openings:
            opening.finish()

    def _report_and_quit(self) -> None:
        if self.reported:
            return
        self.reported = True
        report = {"ready_ms": self.ready_ms, "populated_ms": self.populated_ms}
        print(json.dumps(report), flush=True)
        self.app.quit()

    def _smoke_test_timed_out(self) -> None:
        if not self.reported:
            self.reported = True
            print(f"{APP_SLUG}: the window did not show its data within "
                  f"{SMOKE_TEST_TIMEOUT_MS // 1000} s", file=sys.stderr)
            self.exit_code = 1
            self.app.quit()

    def _on_store_failed(self, error: Exception) -> None:
        if isinstance(error, CorruptDatabaseError) and not self.smoke_test:
            log.error("database problem: %s (%s)", error, error.detail)
            if recover_database(self.context, error):
                self.start()
                return
        else:
            log.error("database problem: %s", error)
            if self.smoke_test:
                print(f"{APP_SLUG}: {error}", file=sys.stderr)
            else:
                from PySide6.QtWidgets import QMessageBox

                text = error.for_window() if isinstance(error, Ambtenaar20Error) else str(error)
                QMessageBox.critical(self.window, _("The database cannot be opened"), text)
        self.exit_code = EXIT_USAGE
        self.app.quit()


def refuse_to_start(error: Ambtenaar20Error, smoke_test: bool) -> int:
    """The window cannot have this data folder (another window has it, or it is read-only):
    say so, touch nothing, exit with 2."""
    if smoke_test:
        print(f"{APP_SLUG}: {error}", file=sys.stderr)
    else:
        from PySide6.QtWidgets import QMessageBox

        app = ensure_application()
        translators = install_qt_translations(app, current_language())
        if isinstance(error, InstanceLockedError):
            QMessageBox.information(None, APP_NAME, str(error))
        else:
            QMessageBox.warning(None, APP_NAME, error.for_window())
        del translators
    return EXIT_USAGE


def run_gui(context: AppContext, *, smoke_test: bool = False, opening: Opening | None = None,
            lock: QLockFile | None = None) -> int:
    """Run the window until it is closed.

    ``lock`` is the data folder's instance lock and ``opening`` the data's opening, when the
    caller has begun them before the rest of Qt loaded; otherwise both begin here.
    """
    if lock is None:
        try:
            lock = acquire_instance_lock(context.paths.gui_lock)
        except Ambtenaar20Error as error:
            return refuse_to_start(error, smoke_test)
    app = ensure_application()
    translators = install_qt_translations(app, context.language)
    install_excepthook(context.paths.log_file)
    try:
        window = MainWindow(context)
        if smoke_test:
            window.remember_state = False
            window.warm_up_delay_ms = None
        startup = StartUp(app, context, window, smoke_test, opening)
        startup.fill_before_showing()
        window.show()
        QTimer.singleShot(0, startup.start)
        code = app.exec()
        if window.populated:
            window.save_window_state()
        QThreadPool.globalInstance().waitForDone()
        startup.finish()
        return startup.exit_code or code
    finally:
        collector_pause.resume()
        lock.unlock()
        del translators
