"""Help → Aan de slag: a short guide in the window, in Dutch and English, from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from tests.helpers import run_python


def open_guide(window) -> tuple[str, str, str]:
    """Trigger Help → Aan de slag; (window title, guide text, guide's accessible name)."""
    seen: list[tuple[str, str, str]] = []
    timer = QTimer(interval=20)

    ticks = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        guide = dialog.findChild(QTextBrowser) if isinstance(dialog, QDialog) else None
        if guide is None:
            return  # not (yet) the guide
        ticks[0] += 1
        if not guide.hasFocus() and ticks[0] < 100:
            return  # the window system activates the dialog a moment after it is shown
        timer.stop()
        try:  # closed whatever happens: an open guide would hold the test run for ever
            seen.append((dialog.windowTitle(), guide.toPlainText(), guide.accessibleName(),
                         guide.hasFocus()))
        finally:
            dialog.reject()

    timer.timeout.connect(poll)
    timer.start()
    window.getting_started_action.trigger()
    timer.stop()
    title, text, name, focused = seen[0]
    assert focused  # arrow keys read on at once; Escape closes
    return title, text, name


def test_help_menu_has_aan_de_slag_first_with_f1(window):
    actions = [action for action in window.help_menu.actions() if not action.isSeparator()]
    assert actions[0].text() == "&Aan de slag"
    assert actions[0].shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert not actions[0].shortcut().isEmpty()


def test_guide_names_the_areas_steps_shortcuts_and_data_folder_in_dutch(qtbot, window):
    title, text, name = open_guide(window)
    assert title == "Aan de slag" and name == "Handleiding Aan de slag"
    for words in ("Volgen (Ctrl+1)", "Schrijven (Ctrl+2)", "Logboek (Ctrl+3)",
                  "Rapportage (Ctrl+4)", "Uw eerste drie stappen", "Feed toevoegen",
                  "Markeer als gepubliceerd", "Ctrl+L", "Sneltoetsen",
                  str(window.context.paths.data_dir), "Back-up maken"):
        assert words in text, words
    assert " je " not in f" {text} " and " jij " not in f" {text} "


def test_guide_in_english(qtbot, make_context):
    from ambtenaar20.gui.main_window import MainWindow

    window = MainWindow(make_context("en"))
    qtbot.addWidget(window)
    assert window.getting_started_action.text() == "&Getting started"
    title, text, _name = open_guide(window)
    assert title == "Getting started"
    for words in ("Follow (Ctrl+1)", "Reports (Ctrl+4)", "Your first three steps", "Add feed",
                  "Ctrl+L", "File → Make backup"):
        assert words in text, words


def test_guide_is_not_loaded_with_the_window(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ambtenaar20.core.app_context import create_app_context\n"
        "from ambtenaar20.gui.main_window import MainWindow\n"
        f"context = create_app_context({str(tmp_path / 'data')!r}, 'nl')\n"
        "window = MainWindow(context)\n"
        "guide = 'ambtenaar20.gui.dialogs.getting_started_dialog'\n"
        "print(guide in sys.modules, window.getting_started_action.text())\n"
        "context.close()\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "&Aan", "de", "slag"]
