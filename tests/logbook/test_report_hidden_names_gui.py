"""Rapportage's "Ook deze namen verbergen": listed under the pseudonymise checkbox, used by the
export, and kept in the settings for the next time."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from ambtenaar20.core.settings import SettingsStore
from ambtenaar20.gui.logbook.report_view import ReportView
from tests.helpers import run_cli

SUMMARY = "Gesprek over de aanvraag van Jan de Vries en Piet Paulusma"


@pytest.fixture
def view(qtbot, context):
    context.logbook.add(occurred_at="2026-03-05T10:00", platform="X", kind="reactie",
                        counterpart="@buurman", summary=SUMMARY)
    report = ReportView(context)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitExposed(report)
    report.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: report.summary is not None and report.summary.entries == 1,
                    timeout=5000)
    return report


def export_csv(qtbot, view, target) -> list[list[str]]:
    view.format_combo.setCurrentIndex(view.format_combo.findData("csv"))
    view.choose_target = lambda suggested: target
    view.export_button.click()
    qtbot.waitUntil(lambda: view.last_export == target, timeout=5000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_the_names_field_shows_only_when_pseudonymising(qtbot, view):
    field = view.pseudonymize_choice.names_edit
    assert field.isHidden()
    view.pseudonymize_check.click()
    assert field.isVisible() and field.isEnabled()
    assert field.accessibleName()
    assert field.placeholderText()
    caption = view.pseudonymize_choice.names_caption
    assert caption.isVisible() and caption.buddy() is field and "&" in caption.text()
    view.pseudonymize_check.click()
    assert field.isHidden()


def test_names_typed_are_hidden_by_the_export_and_kept(qtbot, view, context, tmp_path):
    view.pseudonymize_check.click()
    field = view.pseudonymize_choice.names_edit
    field.setFocus()
    QTest.keyClicks(field, "Jan de Vries")
    QTest.keyClick(field, Qt.Key.Key_Return)
    QTest.keyClicks(field, "  piet paulusma ")
    rows = export_csv(qtbot, view, tmp_path / "maart.csv")
    assert "Gesprek over de aanvraag van Persoon 2 en Persoon 3" in rows[1]
    assert "vries" not in str(rows).casefold() and "paulusma" not in str(rows).casefold()
    saved = SettingsStore(context.paths.settings).load().settings.privacy.hidden_names
    assert saved == ["Jan de Vries", "piet paulusma"]

    # The next window shows them again.
    again = ReportView(context)
    qtbot.addWidget(again)
    assert again.pseudonymize_choice.names_edit.toPlainText() == "Jan de Vries\npiet paulusma"


def test_names_are_saved_when_the_field_is_left(qtbot, view, context):
    view.pseudonymize_check.click()
    field = view.pseudonymize_choice.names_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    field.insertPlainText("Zoë Berg")  # typed: keyClicks only types ASCII
    view.export_button.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=2000)
    assert SettingsStore(context.paths.settings).load().settings.privacy.hidden_names == \
        ["Zoë Berg"]


def test_unticked_the_listed_names_do_not_apply(qtbot, view, context, tmp_path):
    context.settings.privacy.hidden_names = ["Jan de Vries"]
    fresh = ReportView(context)
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: fresh.summary is not None and fresh.summary.entries == 1,
                    timeout=5000)
    rows = export_csv(qtbot, fresh, tmp_path / "plain.csv")
    assert SUMMARY in rows[1]


def _report_with_names(qtbot, context, names):
    context.settings.privacy.hidden_names = list(names)
    context.save_settings()
    report = ReportView(context)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitExposed(report)
    report.activateWindow()
    qtbot.waitUntil(report.isActiveWindow, timeout=2000)
    report.pseudonymize_check.click()
    return report


def test_an_erasure_from_the_command_line_is_not_undone_by_the_field(qtbot, context):
    report = _report_with_names(qtbot, context, ["Klaas Vries", "Jeroen Smit"])
    field = report.pseudonymize_choice.names_edit
    assert field.toPlainText() == "Klaas Vries\nJeroen Smit"
    result = run_cli("--data-dir", str(context.paths.data_dir), "erase-person", "Jeroen Smit",
                     "--yes")
    assert result.returncode == 0, result.stderr
    # The officer, not knowing, adds a name in the field still showing the erased one.
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    field.moveCursor(QTextCursor.MoveOperation.End)
    field.insertPlainText("\nIngrid Mulder")
    report.export_button.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=2000)
    saved = SettingsStore(context.paths.settings).load().settings.privacy.hidden_names
    assert saved == ["Klaas Vries", "Ingrid Mulder"]
    assert field.toPlainText() == "Klaas Vries\nIngrid Mulder"


def test_back_on_screen_the_field_shows_names_added_elsewhere(qtbot, context):
    report = _report_with_names(qtbot, context, ["Klaas Vries"])
    result = run_cli("--data-dir", str(context.paths.data_dir), "hidden-names", "add",
                     "Ingrid Mulder")
    assert result.returncode == 0, result.stderr
    report.hide()
    report.show()
    field = report.pseudonymize_choice.names_edit
    assert field.toPlainText() == "Klaas Vries\nIngrid Mulder"
