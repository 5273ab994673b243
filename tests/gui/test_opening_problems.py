"""What the window says when a data folder cannot be opened as it is: a lock file that cannot be
made, a damaged database (with and without a backup), a settings file that was reset."""

import pytest
from PySide6.QtWidgets import QMessageBox

from ambtenaar20.core.errors import InstanceLockedError, StoreError
from ambtenaar20.core.store import backups
from ambtenaar20.gui import app as gui_app
from ambtenaar20.gui.dialogs.database_problem_dialog import Recovery, recovery_box
from ambtenaar20.gui.instance_lock import acquire_instance_lock


def test_a_lock_file_that_cannot_be_made_is_no_second_window(tmp_path):
    """Runs as any user: QLockFile really fails to create its file (UnknownError)."""
    in_the_way = tmp_path / "data"
    in_the_way.write_text("a file where the data folder should be")
    with pytest.raises(StoreError) as caught:
        acquire_instance_lock(in_the_way / "gui.lock")
    assert not isinstance(caught.value, InstanceLockedError)
    assert "al geopend" not in str(caught.value)
    assert str(caught.value).startswith(f"De gegevensmap {in_the_way} kan niet worden gebruikt")
    assert str(caught.value).endswith("een bestand, geen map")


def test_a_lock_held_by_another_window_is_still_a_second_window(tmp_path):
    first = acquire_instance_lock(tmp_path / "gui.lock")
    try:
        # QLockFile's own lock in this process counts as held: a second one is refused.
        with pytest.raises(InstanceLockedError, match="al geopend"):
            acquire_instance_lock(tmp_path / "gui.lock")
    finally:
        first.unlock()


def texts(box):
    return box.text(), box.informativeText(), [b.text() for b in box.buttons()]


def test_without_a_backup_none_is_mentioned(qtbot):
    box, choices = recovery_box("De database is beschadigd.", None)
    qtbot.addWidget(box)
    _text, info, buttons = texts(box)
    assert "back-up" not in " ".join(buttons).lower()
    assert "Er is geen back-up om terug te zetten." in info
    assert "nieuwste back-up terugzetten" not in info
    assert sorted(choices.values(), key=lambda c: c.value) == [Recovery.START_FRESH,
                                                               Recovery.QUIT]


def test_a_backup_is_named_by_when_it_was_made(qtbot, tmp_path):
    backup = tmp_path / "ambtenaar20-20261127-232047-597948-daily.zip"
    box, choices = recovery_box("De database is beschadigd.", backup)
    qtbot.addWidget(box)
    _text, info, buttons = texts(box)
    restore = next(b for b, c in choices.items() if c is Recovery.RESTORE_BACKUP)
    assert restore.text() == "Back-up van 27-11-2026 23:20 &terugzetten"
    assert "de back-up van 27-11-2026 23:20 terugzetten" in info
    assert backup.name not in " ".join([info, *buttons])
    assert backup.name in restore.toolTip()  # which file, for IT


def test_the_window_offers_the_backup_it_restores_by_its_time(qtbot, make_context,
                                                               monkeypatch):
    context = make_context()
    made = backups.backup_database(context.store.db.conn, context.paths.backups_dir, "daily")
    context.close()
    context.paths.database.write_bytes(b"garbage" * 100)
    shown = []

    def exec_and_look(box):
        shown.append(texts(box))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_and_look)
    error = _corrupt_error(context)
    assert not gui_app.recover_database(context, error)  # nothing clicked: quit, untouched
    stamp = made.name.split("-")  # ambtenaar20-YYYYmmdd-HHMMSS-...
    moment = f"{stamp[1][6:8]}-{stamp[1][4:6]}-{stamp[1][:4]} {stamp[2][:2]}:{stamp[2][2:4]}"
    assert any(moment in button for button in shown[0][2])


def _corrupt_error(context):
    from ambtenaar20.core.errors import CorruptDatabaseError
    from ambtenaar20.core.store import database

    try:
        database.check_file(context.paths.database)
    except CorruptDatabaseError as error:
        return error
    raise AssertionError("the database should be damaged")


def test_a_reset_settings_file_is_shown_whole_after_the_first_paint(qtbot, make_context):
    from PySide6.QtWidgets import QApplication

    from ambtenaar20.gui.main_window import MainWindow

    data = make_context().paths.data_dir
    (data / "settings.json").write_text('{"profile": {"name": "Marieke Hoekstra", "funct',
                                        "utf-8")
    context = make_context()
    window = MainWindow(context)
    qtbot.addWidget(window)
    startup = gui_app.StartUp(QApplication.instance(), context, window, smoke_test=False)
    assert startup.settings_notice is None
    window.show()
    startup.start()
    qtbot.waitUntil(lambda: startup.first_screen_done, timeout=10_000)
    box = startup.settings_notice
    assert box is not None and box.isVisible()
    assert not box.isModal()  # the window stays usable
    assert box.text() == context.settings_problem
    assert "apart gezet als settings.json.damaged-" in box.text()
    assert "Uw profiel (naam, functie, organisatie)" in box.text()
    assert window.statusBar().currentMessage() == ""  # not drawn over "0 berichten"
    opened = []
    window.open_preferences = lambda: opened.append(True)
    preferences = next(b for b in box.buttons() if "Voorkeuren" in b.text())
    assert preferences.accessibleName() == "Voorkeuren openen…"
    preferences.click()
    qtbot.waitUntil(lambda: opened == [True], timeout=2000)


def test_a_read_only_data_folder_is_said_without_a_command_line_option(qtbot, tmp_path,
                                                                        monkeypatch):
    """The window is started from a menu: "--data-dir" is no advice its officer can follow."""
    from tests.cli.test_data_folder_problems import read_only_folder

    with read_only_folder(tmp_path / "ro") as seal:
        data = tmp_path / "ro" / "data"
        data.mkdir()
        seal()
        with pytest.raises(StoreError) as caught:
            acquire_instance_lock(data / "gui.lock")
        assert "--data-dir" in str(caught.value)  # the command line keeps its option
        shown = []
        monkeypatch.setattr(QMessageBox, "warning",
                            lambda _parent, _title, text: shown.append(text))
        assert gui_app.refuse_to_start(caught.value, smoke_test=False) == 2
    assert len(shown) == 1
    assert shown[0].startswith(f"De gegevensmap {data} is alleen-lezen")
    assert "--data-dir" not in shown[0]
    assert shown[0].endswith(
        "Vraag de IT-afdeling de map schrijfbaar te maken, of Ambtenaar 2.0 te starten met een "
        "andere gegevensmap (in de snelkoppeling, of met de omgevingsvariabele "
        "AMBTENAAR20_DATA_DIR).")
