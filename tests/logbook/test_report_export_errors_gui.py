"""Rapportage says why an export failed in the officer's words, without the CLI's field key."""

from __future__ import annotations

from datetime import date

import pytest

from ambtenaar20.core.i18n import set_language
from ambtenaar20.gui.logbook.report_view import ReportView


@pytest.fixture
def view(qtbot, context):
    context.logbook.add(occurred_at="2026-03-05T10:00", platform="X", kind="reactie",
                        summary="Vraag over de ophaaldag")
    report = ReportView(context)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitExposed(report)
    report.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: report.summary is not None and report.summary.entries == 1,
                    timeout=5000)
    return report


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", "Exporteren is mislukt: de map {folder} bestaat niet"),
    ("en", "Export failed: the folder {folder} does not exist"),
])
def test_a_missing_folder_is_named_without_the_option_key(qtbot, view, tmp_path, language,
                                                         expected):
    set_language(language)  # the suite's fixture sets Dutch again after the test
    folder = tmp_path / "bestaat-niet"
    view.format_combo.setCurrentIndex(view.format_combo.findData("csv"))
    view.choose_target = lambda suggested: folder / "maart.csv"
    view.export_button.click()
    qtbot.waitUntil(lambda: not view.exporting, timeout=5000)
    assert view.result_label.text() == expected.format(folder=folder)
    assert not folder.exists()
