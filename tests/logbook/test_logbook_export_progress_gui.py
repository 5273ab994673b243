"""The Rapportage area while exporting: a progress bar, and a cancel button that answers at once.

The worker is held at its first progress report until the test has cancelled, so the cancel
always lands in the middle of the export, however fast or slow the machine is.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ambtenaar20.core.export.progress import CHECK_EVERY, ExportSteps
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.logbook.report_view import ReportView
from tests.logbook.export_fixtures import add_many

COUNT = 4 * CHECK_EVERY + 30


@pytest.fixture
def view(qtbot, context):
    add_many(context.logbook, COUNT)
    report = ReportView(context)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitExposed(report)
    report.activateWindow()
    report.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: report.summary is not None and report.summary.entries == COUNT,
                    timeout=5000)
    return report


@pytest.fixture
def held(monkeypatch):
    """Holds the export's worker after its first report of rows done, until released."""
    reported, release = threading.Event(), threading.Event()
    original = ExportSteps._report

    def report_and_wait(steps: ExportSteps) -> None:
        original(steps)
        if steps.done > 0 and not reported.is_set():
            reported.set()
            release.wait(10)

    monkeypatch.setattr(ExportSteps, "_report", report_and_wait)
    yield release
    release.set()


def start_export(view, target, file_format="pdf") -> None:
    view.format_combo.setCurrentIndex(view.format_combo.findData(file_format))
    view.choose_target = lambda suggested: target
    assert view.export_progress.isHidden()
    view.export_button.click()


def test_cancel_returns_at_once_and_no_file_is_written(qtbot, view, held, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "maart.pdf"
    start_export(view, target)
    bar, cancel = view.export_progress.bar, view.export_progress.cancel_button
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=10_000)  # the first report is on screen
    task = view.export_task
    assert bar.isVisible() and bar.maximum() == 2 * COUNT and bar.accessibleName()
    assert cancel.isVisible() and cancel.accessibleName() and not view.export_button.isEnabled()
    # Keyboard: the cancel button has the focus, Space presses it.
    assert cancel.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cancel, timeout=3000)
    QTest.keyClick(cancel, Qt.Key.Key_Space)
    # At once, while the worker is still held in the middle of the export.
    assert not task.done
    assert "cancelled" in view.result_label.text() and "no file" in view.result_label.text()
    assert view.export_progress.isHidden() and view.export_button.isEnabled()
    assert not view.exporting
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        held.set()
    assert list(folder.iterdir()) == []
    assert view.last_export is None
    assert "cancelled" in view.result_label.text()
    assert view.export_progress.isHidden()


def test_progress_reaches_its_maximum_and_the_bar_hides_after(qtbot, view, tmp_path):
    target = tmp_path / "maart.pdf"
    values: list[int] = []
    view.export_progress.bar.valueChanged.connect(values.append)
    start_export(view, target)
    assert view.export_progress.isVisible()
    qtbot.waitUntil(lambda: view.last_export == target, timeout=30_000)
    bar = view.export_progress.bar
    assert values == sorted(values) and len(values) > 2
    assert values[-1] == bar.maximum() == 2 * COUNT
    assert view.export_progress.isHidden() and view.export_button.isEnabled()
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in view.result_label.text()


def test_a_pseudonymised_export_shows_and_stops_while_it_recognises_people(qtbot, view, held,
                                                                          tmp_path):
    """The first step of a pseudonymised export, learning who the log's people are, is named
    in the bar and moves it; cancelling there leaves no file."""
    folder = tmp_path / "out"
    folder.mkdir()
    view.pseudonymize_check.setChecked(True)
    start_export(view, folder / "maart.xlsx", "xlsx")
    bar = view.export_progress.bar
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=10_000)  # held in the middle of the step
    assert _("Recognising people") in bar.format()
    assert 0 < bar.value() < bar.maximum()
    task = view.export_task
    view.export_progress.cancel_button.click()
    assert view.export_progress.isHidden() and "cancelled" in view.result_label.text()
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        held.set()
    assert task.token.cancelled
    assert list(folder.iterdir()) == []
    assert view.last_export is None


def test_pseudonymising_says_what_it_does_not_recognise(qtbot, view):
    # A summary naming someone who is no counterpart keeps that name: the officer is told
    # where the choice is made (the Dutch text is checked by the catalogue's tests).
    note = view.pseudonymize_note
    assert note.isHidden()
    view.pseudonymize_check.click()
    assert note.isVisible()
    assert "Other people named in a summary or outcome are not recognised unless you list " \
        "them below" in note.text()
    assert note.width() >= note.minimumSizeHint().width()
    view.pseudonymize_check.click()
    assert note.isHidden()
