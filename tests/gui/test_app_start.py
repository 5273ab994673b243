"""Start-up paths: damaged database recovery choices, crash dialog, background work."""

import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from ambtenaar20.core.store import backups
from ambtenaar20.gui import app as gui_app
from ambtenaar20.gui.dialogs import database_problem_dialog
from ambtenaar20.gui.dialogs.database_problem_dialog import Recovery


def write_garbage_database(context):
    context.paths.database.write_bytes(b"garbage" * 100)


def start_up(qtbot, context):
    """Run the real start-up sequence and wait until it filled the window or gave up."""
    from PySide6.QtWidgets import QApplication

    from ambtenaar20.gui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    startup = gui_app.StartUp(QApplication.instance(), context, window, smoke_test=False)
    startup.start()
    qtbot.waitUntil(lambda: window.populated or startup.exit_code != 0, timeout=10_000)
    return window, startup


@pytest.mark.parametrize("choice", [Recovery.QUIT, Recovery.START_FRESH])
def test_damaged_database_choices(qtbot, make_context, monkeypatch, choice):
    context = make_context()
    write_garbage_database(context)
    monkeypatch.setattr(database_problem_dialog, "ask_recovery", lambda message, newest: choice)
    window, startup = start_up(qtbot, context)
    moved = list(context.paths.data_dir.glob("ambtenaar20-damaged-*.sqlite3"))
    if choice is Recovery.QUIT:
        assert startup.exit_code == 2
        assert not window.populated
        assert context.paths.database.read_bytes() == b"garbage" * 100
        assert moved == []
    else:
        assert window.populated
        assert [p.read_bytes() for p in moved] == [b"garbage" * 100]
        assert "app_meta" in context.store.db.table_names()


def test_damaged_database_restore_newest_backup(qtbot, make_context, monkeypatch):
    context = make_context()
    context.store.db["app_meta"].insert({"key": "marker", "value": "from backup"})
    backups.backup_database(context.store.db.conn, context.paths.backups_dir, "daily")
    context.close()
    write_garbage_database(context)
    asked = {}

    def ask(message, newest):
        asked["message"] = message
        asked["newest"] = newest
        return Recovery.RESTORE_BACKUP

    monkeypatch.setattr(database_problem_dialog, "ask_recovery", ask)
    window, _startup = start_up(qtbot, context)
    assert window.populated
    assert "geen SQLite-bestand" in asked["message"]
    assert asked["newest"].name.endswith("-daily.sqlite3")
    assert context.store.db["app_meta"].get("marker")["value"] == "from backup"


def test_uncaught_exception_is_logged_and_shown(qtbot, make_context, monkeypatch, root_logger):
    from ambtenaar20.core.logging_setup import configure_file_logging
    from ambtenaar20.gui.crash_dialog import install_excepthook

    context = make_context()
    configure_file_logging(context.paths.log_file)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    previous = sys.excepthook
    install_excepthook(context.paths.log_file)
    try:
        try:
            raise ValueError("kapotte knop")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert shown and "kapotte knop" in shown[0]
    for handler in root_logger.handlers:
        handler.flush()
    assert "ValueError: kapotte knop" in context.paths.log_file.read_text("utf-8")


def test_background_work_runs_off_the_gui_thread(qtbot):
    from ambtenaar20.gui.workers import run_in_background

    gui_thread = threading.get_ident()
    results = []

    def work(cancel, progress):
        progress(1, 2, "half")
        return threading.get_ident()

    progress = []
    run_in_background(work, on_success=results.append,
                      on_progress=lambda *args: progress.append(args))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert progress == [(1, 2, "half")]
    assert results[0] != gui_thread


def test_cancel_returns_at_once_and_reports_cancelled(qtbot):
    from ambtenaar20.gui.workers import run_in_background

    started = threading.Event()
    outcome = []

    def work(cancel, progress):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            threading.Event().wait(0.01)

    task = run_in_background(work, on_success=lambda r: outcome.append("done"),
                             on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)


def test_window_appears_first_and_areas_fill_in_after_the_database_opens(qtbot, make_context):
    from PySide6.QtWidgets import QApplication

    from ambtenaar20.gui.main_window import MainWindow

    context = make_context()
    window = MainWindow(context)
    qtbot.addWidget(window)
    startup = gui_app.StartUp(QApplication.instance(), context, window, smoke_test=False)
    window.show()
    assert not window.populated
    assert not context.store_is_open
    note = window.areas["follow"].note
    assert "geopend" in note.text_label.text()  # "Uw gegevens worden geopend…"
    # The other areas' notes are laid out only if they are ever seen.
    assert window.areas["write"].note is None
    with qtbot.waitSignal(window.areas_populated, timeout=10_000):
        startup.start()
    assert context.store_is_open
    assert "Nog geen feeds" in window.areas["follow"].empty.accessibleName()
    assert window.stack.count() == 4


def test_damaged_database_offers_the_newest_daily_whole_state_backup(qtbot, make_context,
                                                                    monkeypatch):
    context = make_context()
    context.store.db["app_meta"].insert({"key": "marker", "value": "old copy"})
    backups.backup_database(context.store.db.conn, context.paths.backups_dir,
                            "before-migration")
    context.store.db["app_meta"].upsert({"key": "marker", "value": "daily"}, pk="key")
    context.settings.profile.name = "Anne"
    context.save_settings()
    daily = context.backup.make_automatic("daily", keep=7)
    context.close()
    write_garbage_database(context)
    context.settings.profile.name = "Anne (changed after the backup)"
    context.save_settings()
    offered = []

    def ask(message, newest):
        offered.append(newest)
        return Recovery.RESTORE_BACKUP

    monkeypatch.setattr(database_problem_dialog, "ask_recovery", ask)
    assert gui_app.recover_database(context, _corrupt_error(context))
    assert offered == [daily]
    assert context.store.db["app_meta"].get("marker")["value"] == "daily"
    # Only the database came from the backup; the settings were not damaged and stay.
    from ambtenaar20.core.settings import SettingsStore

    assert SettingsStore(context.paths.settings).load().settings.profile.name.endswith(
        "(changed after the backup)")


def _corrupt_error(context):
    from ambtenaar20.core.errors import CorruptDatabaseError
    from ambtenaar20.core.store import database

    try:
        database.check_file(context.paths.database)
    except CorruptDatabaseError as error:
        return error
    raise AssertionError("the database should be damaged")
