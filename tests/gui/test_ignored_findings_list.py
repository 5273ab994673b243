"""The ignored findings' list in a narrow panel: every entry shows whole, reason included, and
one is always selected so "Count again" works without a click (QA s4 round 2, findings 1 and 3).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ambtenaar20.core.drafting.drafts import Dismissal
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.gui.areas.writing.ignored_findings import MOST_LINES, IgnoredFindings

REASON = "eigen nummer van het klantcontactcentrum"


def entry(number: int, reason: str = REASON) -> tuple[Finding, Dismissal]:
    text = f"06123456{number:02d}"
    return (Finding("pii.phone", "error", 0, len(text), text, "Dit lijkt een telefoonnummer."),
            Dismissal(number, 1, "pii.phone", text, "nl-gemeente", reason,
                      "2026-11-02T09:30:00+00:00"))


@pytest.fixture
def panel(qtbot):
    """The list in a column as narrow as the Schrijven panel on a 1024×768 screen."""
    host = QWidget()
    layout = QVBoxLayout(host)
    ignored = IgnoredFindings()
    layout.addWidget(ignored)
    layout.addStretch(1)
    qtbot.addWidget(host)
    host.resize(260, 600)
    host.show()
    qtbot.waitExposed(host)
    return host, ignored


def rows_hidden(ignored: IgnoredFindings) -> list[int]:
    """Rows not wholly inside the list's visible area, once the list has laid them out."""
    view = ignored.list
    view.doItemsLayout()
    visible = view.viewport().rect()
    return [row for row in range(view.count())
            if not visible.contains(view.visualItemRect(view.item(row)))]


def test_a_wrapped_entry_shows_whole_with_its_reason(qtbot, panel):
    host, ignored = panel
    ignored.set_entries([entry(1)])
    qtbot.keyClick(ignored.toggle, Qt.Key.Key_Space)
    view = ignored.list
    line = view.fontMetrics().lineSpacing()
    assert view.visualItemRect(view.item(0)).height() >= 3 * line  # it does wrap here
    assert rows_hidden(ignored) == []
    assert view.verticalScrollBar().maximum() == 0
    # Wider (a larger window): the entry takes fewer lines and the list shrinks with it.
    host.resize(900, 600)
    qtbot.waitUntil(lambda: view.width() > 800)
    assert rows_hidden(ignored) == []
    assert view.height() < 3 * line + 2 * view.frameWidth()
    # As narrow as the panel gets: the list grows again with the wrapping.
    host.resize(host.minimumSizeHint().width(), 600)
    qtbot.waitUntil(lambda: view.width() < 300)
    assert rows_hidden(ignored) == [] and view.verticalScrollBar().maximum() == 0


def test_many_entries_scroll_within_a_most_height(qtbot, panel):
    _host, ignored = panel
    ignored.set_entries([entry(number) for number in range(1, 9)])
    ignored.toggle.setChecked(True)
    view = ignored.list
    most = view.fontMetrics().lineSpacing() * MOST_LINES + 2 * view.frameWidth()
    assert view.height() <= most
    assert view.verticalScrollBar().maximum() > 0  # the rest is a scroll away


def test_the_first_entry_is_selected_so_count_again_works_at_once(qtbot, panel):
    _host, ignored = panel
    asked: list[Dismissal] = []
    ignored.undo_requested.connect(asked.append)
    ignored.set_entries([entry(1), entry(2, "openbaar nummer")])
    ignored.toggle.setFocus()
    qtbot.keyClick(ignored.toggle, Qt.Key.Key_Space)  # opened from the keyboard
    assert ignored.list.currentRow() == 0 and ignored.undo_button.isEnabled()
    qtbot.keyClick(ignored.undo_button, Qt.Key.Key_Space)
    assert [dismissal.id for dismissal in asked] == [1]
    # The finding counts again; the list that is left has its first entry selected again.
    ignored.set_entries([entry(2, "openbaar nummer")])
    assert ignored.list.currentRow() == 0 and ignored.undo_button.isEnabled()
    # A chosen entry stays chosen when the list is filled anew.
    ignored.set_entries([entry(2, "openbaar nummer"), entry(3)])
    ignored.list.setCurrentRow(1)
    ignored.set_entries([entry(2, "openbaar nummer"), entry(3)])
    assert ignored.list.currentRow() == 1
