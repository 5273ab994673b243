"""Tab through Schrijven once: editor, its buttons, the findings, the checklist, the drafts.

The findings list used to hand the focus back to the editor when Tab made its first finding
current, so a keyboard user passed the editor's buttons twice before reaching the findings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

#: Jargon ("Indien", "reeds") and a phone number: the findings list has several rows.
TEXT = "Indien u vragen heeft, bel 06-12345678. Wij hebben reeds geantwoord."


def _area_with_findings(qtbot, window):
    window.show_area("write")
    area = window.area("write")
    qtbot.waitUntil(lambda: area.draft is not None, timeout=5000)
    area.editor.setPlainText(TEXT)
    qtbot.waitUntil(lambda: area.result is not None and area.result.text == TEXT
                    and area.panel.list.count() >= 2, timeout=5000)
    assert area.panel.list.currentItem() is None  # Tab is what makes the first one current
    window.activateWindow()
    area.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(area.editor.hasFocus, timeout=3000)
    return area


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}:{widget.accessibleName()}"


def test_tab_from_the_editor_visits_each_widget_once(qtbot, window):
    area = _area_with_findings(qtbot, window)
    visited: list[QWidget] = []
    for _step in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.wait(10)  # a signal that moves the focus (a finding made current) has run
        widget = QApplication.focusWidget()
        if widget is area.editor or widget in visited:
            break
        visited.append(widget)
    names = [_name(widget) for widget in visited]
    assert widget is area.editor, f"{_name(widget)} came twice: {names}"
    buttons = [area.preferences_button, area.install_pack_button, area.copy_button,
               area.publish_button]
    assert visited[:4] == buttons, names
    assert visited[4:5] == [area.panel.list], names  # Meldingen right after the buttons
    assert area.panel.checklist in visited and area.drafts_list.list in visited, names


def test_arrows_in_the_findings_mark_the_words_and_enter_goes_to_them(qtbot, window):
    area = _area_with_findings(qtbot, window)
    findings = area.panel.list
    findings.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(findings.hasFocus, timeout=3000)
    findings.setCurrentRow(0)
    QTest.keyClick(findings, Qt.Key.Key_Down)
    assert findings.hasFocus()  # the officer reads on through the findings
    second = area.panel.findings[1]
    cursor = area.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (second.start, second.end)
    QTest.keyClick(findings, Qt.Key.Key_Return)
    qtbot.waitUntil(area.editor.hasFocus, timeout=3000)  # to change the marked words
    assert area.editor.textCursor().selectedText() == second.text


def test_clicking_a_finding_goes_to_its_words(qtbot, window):
    area = _area_with_findings(qtbot, window)
    findings = area.panel.list
    first = area.panel.findings[0]
    qtbot.mouseClick(findings.viewport(), Qt.MouseButton.LeftButton,
                     pos=findings.visualItemRect(findings.item(0)).center())
    qtbot.waitUntil(area.editor.hasFocus, timeout=3000)
    assert area.editor.textCursor().selectedText() == first.text
