"""Everything is reachable by keyboard: Tab leaves tables and the draft editor, each Alt key
opens one thing in whatever the window shows, and Qt's file dialog speaks Dutch."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.gui.areas.registry import AREAS
from ambtenaar20.gui.areas.writing.editor import DraftEditor
from ambtenaar20.gui.main_window import MainWindow


def focus_on(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def test_tab_leaves_the_log_table(qtbot, make_context):
    context = make_context("nl")
    for number in range(3):
        context.logbook.add(occurred_at=f"2026-03-0{number + 1}T10:00", platform="X",
                            kind="reactie", summary=f"regel {number}")
    window = MainWindow(context)
    window.populate_areas()
    qtbot.addWidget(window)
    window.show()
    window.show_area("log")
    view = window.area("log")
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 3, timeout=5000)
    view.table.setCurrentIndex(view.model.index(0, 0))
    focus_on(qtbot, view.table)
    QTest.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus()
    assert view.table.currentIndex().column() == 0  # Tab did not walk to the next cell


def test_tab_leaves_the_draft_editor_without_typing_a_tab(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    editor = DraftEditor()
    after = QPushButton("Volgende")
    layout.addWidget(editor)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    editor.setPlainText("Beste inwoner,")
    focus_on(qtbot, editor)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert "\t" not in editor.toPlainText()
    assert after.hasFocus()


# -- Alt keys ----------------------------------------------------------------------------------

def alt_key(text: str) -> str | None:
    """The Alt key an ``&`` in ``text`` gives (``&&`` is a literal ampersand)."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_keys_on_screen(window: MainWindow) -> dict[str, list[str]]:
    """Each Alt key of what is on screen now: menu titles, buttons, captions with a buddy
    (a caption without one has no Alt key) and tab titles."""
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if action.isVisible() and (key := alt_key(action.text())):
            keys[key].append(f"menu {action.text()!r}")
    add_alt_keys_of(window.centralWidget(), window, keys)
    return keys


def add_alt_keys_of(parent: QWidget, window: QWidget, keys: dict[str, list[str]]) -> None:
    """Add the Alt keys of ``parent``'s visible controls to ``keys``."""
    for widget in parent.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        texts = []
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel)
                                                   and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(index) for index in range(widget.count())]
        for text in texts:
            if key := alt_key(text):
                keys[key].append(f"{type(widget).__name__} {text!r}")


def clashes(window: MainWindow) -> dict[str, list[str]]:
    return {key: where for key, where in alt_keys_on_screen(window).items() if len(where) > 1}


def each_area(qtbot, window):
    for spec in AREAS:
        window.show_area(spec.key)
        area = window.area(spec.key)
        qtbot.waitUntil(lambda area=area: getattr(area, "has_content", True) is not None,
                        timeout=3000)
        qtbot.wait(300)  # each area's first lists arrive from a worker thread
        yield spec.key, area


@pytest.fixture
def full_window(qtbot, make_context, request):
    """The window in ``language``, ``"empty"`` or ``"with data"``."""
    language, contents = request.param
    context = make_context(language)
    if contents == "with data":
        context.logbook.add(platform="X", kind="reactie", topic="Afval", summary="vraag")
        context.feeds.add_feed("http://127.0.0.1:9/feed.xml")  # never fetched here
    window = MainWindow(context)
    window.remember_state = False
    window.populate_areas()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


LANGUAGES_AND_CONTENTS = [pytest.param((language, contents), id=f"{language}-{contents}")
                          for language in ("nl", "en") for contents in ("empty", "with data")]


@pytest.mark.parametrize("full_window", LANGUAGES_AND_CONTENTS, indirect=True)
def test_no_two_things_on_screen_share_an_alt_key(qtbot, full_window):
    window = full_window
    found = {}
    for key, area in each_area(qtbot, window):
        found[key] = clashes(window)
        if key == "follow":
            # The reader's buttons change their text (and Alt key) with their state.
            reader = area.reader
            reader.show_item({"id": 1, "title": "t", "feed": "f", "published": "2026-01-01T10:00Z",
                              "lang": "nl", "sentiment": None, "sentiment_override": None,
                              "html": "", "link": "https://example.org/", "read": True,
                              "starred": True, "needs_response": True})
            found["follow, item read and starred"] = clashes(window)
            reader.show_item({**reader.item, "read": False, "starred": False,
                              "needs_response": False})
            found["follow, item unread"] = clashes(window)
            reader.show_item(None)
        if key == "log":
            area.undo_label.show()
            area.undo_button.show()
            area.detail.setEnabled(True)
            found["log, after a delete"] = clashes(window)
            area.undo_label.hide()
            area.undo_button.hide()
    assert {where: clash for where, clash in found.items() if clash} == {}


def menu_clashes(window: MainWindow) -> dict[str, dict[str, list[str]]]:
    """Per menu of the menu bar: Alt keys that more than one of its items has."""
    found = {}
    for title in window.menuBar().actions():
        keys: dict[str, list[str]] = defaultdict(list)
        for action in title.menu().actions():
            if not action.isSeparator() and action.isVisible() and (key := alt_key(action.text())):
                keys[key].append(action.text())
        if clash := {key: texts for key, texts in keys.items() if len(texts) > 1}:
            found[title.text()] = clash
    return found


@pytest.mark.parametrize("full_window", LANGUAGES_AND_CONTENTS[::2], indirect=True)
def test_no_two_items_of_a_menu_share_an_alt_key(qtbot, full_window):
    window = full_window
    assert [action.menu() is not None for action in window.menuBar().actions()] == [True] * 4
    for _key, _area in each_area(qtbot, window):
        assert menu_clashes(window) == {}


def dialogs(window: MainWindow) -> dict[str, QWidget]:
    from ambtenaar20.gui.areas.following.dialogs import AddFeedDialog, AddTopicDialog
    from ambtenaar20.gui.dialogs.preferences_dialog import PreferencesDialog
    from ambtenaar20.gui.logbook.quick_add_dialog import QuickAddDialog

    return {"preferences": PreferencesDialog(window.context, window),
            "add feed": AddFeedDialog(window), "add topic": AddTopicDialog(window),
            "add to the log": QuickAddDialog(window.context.logbook, [], window)}


@pytest.mark.parametrize("full_window", LANGUAGES_AND_CONTENTS[::2], indirect=True)
def test_no_two_things_in_a_dialog_share_an_alt_key(qtbot, full_window):
    found = {}
    for name, dialog in dialogs(full_window).items():
        qtbot.addWidget(dialog)
        dialog.show()
        keys: dict[str, list[str]] = defaultdict(list)
        add_alt_keys_of(dialog, dialog, keys)
        assert keys, name  # the dialog was walked
        found[name] = {key: where for key, where in keys.items() if len(where) > 1}
        dialog.close()
    assert {name: clash for name, clash in found.items() if clash} == {}


def test_the_clash_finder_sees_a_clash(qtbot, make_context):
    """The check above is only worth something if it notices two buttons on one key."""
    window = MainWindow(make_context("nl"))
    window.populate_areas()
    qtbot.addWidget(window)
    window.show()
    area = window.area(window.current_area_key())
    extra = QPushButton(window.menuBar().actions()[0].text(), area)
    extra.show()
    assert alt_key(extra.text()) in clashes(window)


# -- Qt's own dialogs --------------------------------------------------------------------------

def test_file_dialog_labels_are_dutch(qtbot, make_context):
    from ambtenaar20.gui.qt_translations import install_qt_translations

    make_context("nl")
    translators = install_qt_translations(QApplication.instance(), "nl")
    try:
        dialog = QFileDialog(None, "Opslaan")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"&Look in:", "Files of &type:"} & texts == set()
        assert {"&Zoeken in:", "Bestands&type:", "Bestands&naam:", "Op&slaan"} <= texts | {
            button.text() for button in dialog.findChildren(QPushButton)}
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)


@pytest.mark.parametrize("full_window", LANGUAGES_AND_CONTENTS[::2], indirect=True)
def test_every_button_of_schrijven_has_an_alt_key(qtbot, full_window):
    """The other areas had Alt keys; Schrijven's buttons had none."""
    from PySide6.QtWidgets import QAbstractButton

    window = full_window
    window.show_area("write")
    area = window.area("write")
    qtbot.waitUntil(lambda: area.draft is not None, timeout=5000)
    suggestions = set(area.panel.findChildren(QAbstractButton, "suggestion"))
    without = [button.text() for button in area.findChildren(QAbstractButton)
               if button.text() and not button.isCheckable() and button not in suggestions
               and alt_key(button.text()) is None]
    assert without == []
