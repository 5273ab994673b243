"""Backup, restore and diagnostics from the window: menus, background work, rebuilt areas."""

import zipfile

from PySide6.QtWidgets import QMessageBox

from ambtenaar20.core.backup import service
from ambtenaar20.gui import trust_actions


def menu_texts(menu):
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_menus_in_dutch(window):
    file_menu = window.menuBar().actions()[0].menu()
    assert menu_texts(file_menu)[:3] == ["&Voorkeuren…", "Back-up &maken…", "&Terugzetten…"]
    assert "&Diagnose" in menu_texts(window.help_menu)


def test_backup_then_restore_from_the_window(qtbot, window, tmp_path, monkeypatch):
    actions = window.trust_actions
    context = window.context
    context.store.db["app_meta"].upsert({"key": "marker", "value": "in backup"}, pk="key")
    target = tmp_path / "venster.zip"
    with qtbot.waitSignal(actions.backup_done, timeout=20_000) as done:
        actions.make_backup(target)
    assert done.args[0].path == target
    assert "database/ambtenaar20.sqlite3" in zipfile.ZipFile(target).namelist()

    context.store.db["app_meta"].upsert({"key": "marker", "value": "later"}, pk="key")
    old_widget = window.areas["follow"]
    asked = []
    monkeypatch.setattr(actions, "confirm", lambda info: asked.append(info) or True)
    with qtbot.waitSignal(actions.restore_done, timeout=20_000):
        actions.restore_backup(target)
    assert asked and asked[0].app_version
    assert context.store.db["app_meta"].get("marker")["value"] == "in backup"
    assert window.areas["follow"] is not old_widget  # rebuilt on the restored data
    assert window.stack.count() == 4
    assert service.automatic_backups(context.paths.backups_dir, "before-restore")
    assert actions.backup_action.isEnabled() and actions.restore_action.isEnabled()


def test_declined_restore_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    actions = window.trust_actions
    target = tmp_path / "b.zip"
    window.context.backup.create(target)
    window.context.store.db["app_meta"].upsert({"key": "marker", "value": "keep"}, pk="key")
    declined = []
    monkeypatch.setattr(actions, "confirm", lambda info: declined.append(1) or False)
    actions.restore_backup(target)
    qtbot.waitUntil(lambda: declined == [1], timeout=20_000)
    assert window.context.store.db["app_meta"].get("marker")["value"] == "keep"


def test_bad_backup_shows_the_message(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "kapot.zip"
    bad.write_bytes(b"geen zip")
    with qtbot.waitSignal(window.trust_actions.failed, timeout=20_000):
        window.trust_actions.restore_backup(bad)
    assert shown and "kapot.zip" in shown[0] and "geen back-upbestand" in shown[0]


def test_daily_backup_and_retention_run_off_the_gui_thread_once_a_day(qtbot, window):
    context = window.context
    purged_with = []

    class Items:
        kind = "feed_items"

        def purge_older_than(self, days):
            purged_with.append(days)
            return 0

    context.privacy.register_retention(Items())
    first = trust_actions.start_daily_backup(context)
    qtbot.waitUntil(lambda: first.done, timeout=20_000)
    daily = service.automatic_backups(context.paths.backups_dir, "daily")
    assert len(daily) == 1
    second = trust_actions.start_daily_backup(context)
    qtbot.waitUntil(lambda: second.done, timeout=20_000)
    assert service.automatic_backups(context.paths.backups_dir, "daily") == daily
    assert purged_with == [365, 365]  # the default retention period, applied at each start


def test_diagnostics_dialog_shows_report_and_saves_for_it(qtbot, window, tmp_path):
    from ambtenaar20.gui.dialogs.diagnostics_dialog import DiagnosticsDialog

    window.context.settings.profile.name = "Anne de Vries"
    dialog = DiagnosticsDialog(window.context, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=20_000)
    text = dialog.text.toPlainText()
    assert "integrity_check): ok" in text and "Qt: " in text
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        dialog.save_to(tmp_path / "diagnose.txt")
    written = saved.args[0].read_text("utf-8")
    assert "Persoonsgegevens zijn weggelaten" in written
    assert "Anne" not in written


def test_preferences_set_daily_backups_and_retention(qtbot, window):
    from ambtenaar20.core.settings import SettingsStore
    from ambtenaar20.gui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    box = dialog.backup_box
    assert box.daily.isChecked() and box.keep.value() == 7 and box.item_days.value() == 365
    box.keep.setValue(3)
    box.item_days.setValue(0)
    box.daily.setChecked(False)
    assert not box.keep.isEnabled()
    dialog.accept()
    saved = SettingsStore(window.context.paths.settings).load().settings
    assert (saved.backup.daily, saved.backup.keep_daily, saved.retention.feed_item_days) == (
        False, 3, 0)
    assert box.item_days.text() == "nooit"


def test_erase_a_persons_data_from_the_window(qtbot, window, monkeypatch):
    context = window.context
    db = context.store.db
    db.execute("create table test_notes (id integer primary key, counterpart text)")
    db.execute("insert into test_notes (counterpart) values ('Pieter'), ('Els')")
    db.conn.commit()

    class Notes:
        kind = "log_entries"

        def erase_counterpart(self, name):
            return context.store.db.execute(
                "delete from test_notes where counterpart = ?", [name]).rowcount

    context.privacy.register_erasure(Notes())
    monkeypatch.setattr(window.trust_actions, "confirm_erase", lambda name: name == "Pieter")
    with qtbot.waitSignal(window.trust_actions.erased, timeout=20_000) as erased:
        window.trust_actions.erase_person("Pieter")
    assert erased.args[0].affected["log_entries"] == 1
    assert "logboekregels: 1" in window.statusBar().currentMessage()
    assert [r[0] for r in context.store.db.execute("select counterpart from test_notes")] == [
        "Els"]


def test_erasing_a_name_found_nowhere_says_so_and_records_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.trust_actions, "confirm_erase", lambda name: True)
    with qtbot.waitSignal(window.trust_actions.erased, timeout=20_000) as erased:
        window.trust_actions.erase_person("Niemand Bekend")
    assert erased.args[0].id is None
    message = window.statusBar().currentMessage()
    assert "Niemand Bekend" in message and "niets vastgelegd" in message
    assert window.context.privacy.requests() == []


def test_an_erased_person_leaves_the_names_to_hide_field(qtbot, window, monkeypatch):
    context = window.context
    context.settings.privacy.hidden_names = ["Pieter Zwanenburg", "Els Bakker"]
    window.rebuild_areas()
    window.show_area("report")

    def field_names():
        return window.area("report").pseudonymize_choice.names_edit.toPlainText().splitlines()

    assert field_names() == ["Pieter Zwanenburg", "Els Bakker"]
    monkeypatch.setattr(window.trust_actions, "confirm_erase", lambda name: True)
    monkeypatch.setattr(window.trust_actions, "_show_erase_result", lambda *args: None)
    with qtbot.waitSignal(window.trust_actions.erased, timeout=20_000) as erased:
        window.trust_actions.erase_person("Pieter Zwanenburg")
    assert erased.args[0].affected["hidden_names"] == 1
    # The field shows the list as it is now: editing it cannot bring the name back.
    assert field_names() == ["Els Bakker"]
    assert "Pieter" not in context.paths.settings.read_text(encoding="utf-8")
