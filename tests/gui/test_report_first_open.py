"""Rapportage as an officer first opens it: a period that holds their entries, a reason when a
period has none, and a Save dialog for the chosen file format."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit

from ambtenaar20.core.logbook.presets import preset_period

EMPTY_HINT = "Geen regels in deze periode — kies een andere periode"


def report(window, qtbot, entries: int, period=None):
    window.show_area("report")
    view = window.area("report")
    if period is not None:
        view.set_period(period.start, period.end)
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == entries,
                    timeout=5000)
    return view


def visible_texts(view) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel) if label.isVisible()]


def test_an_entry_made_today_is_what_rapportage_opens_on(qtbot, window):
    window.context.logbook.add(platform="X", kind="reactie", topic="Afval")
    view = report(window, qtbot, entries=1)
    assert view.preset_combo.currentData() == "this_month"
    assert view.period() == preset_period("this_month", date.today())
    assert view.export_button.isEnabled()
    # The officer is told why it is not last month.
    assert any("Vorige maand heeft geen regels" in text for text in visible_texts(view))


def test_last_month_with_entries_stays_the_period_it_opens_on(qtbot, window):
    last_month = preset_period("last_month", date.today())
    day = last_month.start + timedelta(days=9)
    window.context.logbook.add(occurred_at=f"{day.isoformat()}T10:00", platform="X",
                               kind="reactie")
    window.context.logbook.add(platform="X", kind="bericht")  # today
    view = report(window, qtbot, entries=1)
    assert view.preset_combo.currentData() == "last_month"
    assert not any("Vorige maand heeft geen regels" in text for text in visible_texts(view))


def test_a_period_without_entries_says_why_export_is_off(qtbot, window):
    window.context.logbook.add(occurred_at="2020-01-15T10:00", platform="X", kind="reactie")
    view = report(window, qtbot, entries=0)
    assert not view.export_button.isEnabled()
    assert EMPTY_HINT in visible_texts(view)
    assert view.export_button.accessibleDescription() == EMPTY_HINT
    view.set_period(date(2020, 1, 1), date(2020, 1, 31))
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == 1,
                    timeout=5000)
    assert view.export_button.isEnabled()
    assert EMPTY_HINT not in visible_texts(view)


def test_the_officers_own_period_is_not_replaced(qtbot, window):
    window.context.logbook.add(platform="X", kind="reactie")  # today only
    window.show_area("report")
    view = window.area("report")
    view.preset_combo.setCurrentIndex(view.preset_combo.findData("last_week"))
    qtbot.waitUntil(lambda: view.summary is not None, timeout=5000)
    qtbot.wait(300)  # a late summary of the first choice would arrive now
    assert view.preset_combo.currentData() == "last_week"


def fill_save_dialog(name: str, seen: list) -> QTimer:
    """Types ``name`` in the Save dialog as soon as it is open, and saves."""
    timer = QTimer(interval=20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            return
        timer.stop()
        seen.append((dialog.nameFilters(), dialog.selectedNameFilter()))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(name)
        dialog.accept()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_save_dialog_offers_the_format_first_and_adds_its_extension(qtbot, window, tmp_path):
    window.context.logbook.add(platform="X", kind="reactie")
    view = report(window, qtbot, entries=1, period=preset_period("this_month", date.today()))
    view.format_combo.setCurrentIndex(view.format_combo.findData("pdf"))
    seen: list = []
    timer = fill_save_dialog(str(tmp_path / "rapport"), seen)
    target = view.choose_target(str(tmp_path / "logboek-maart.pdf"))
    timer.stop()
    assert seen[0][0] == ["PDF-bestanden (*.pdf)", "Alle bestanden (*)"]
    assert seen[0][1] == "PDF-bestanden (*.pdf)"
    assert target == tmp_path / "rapport.pdf"


def test_a_name_without_extension_is_exported_with_the_formats(qtbot, window, tmp_path):
    window.context.logbook.add(platform="X", kind="reactie")
    view = report(window, qtbot, entries=1, period=preset_period("this_month", date.today()))
    view.format_combo.setCurrentIndex(view.format_combo.findData("csv"))
    view.choose_target = lambda suggested: tmp_path / "rapport"
    view.export()
    qtbot.waitUntil(lambda: view.last_export is not None, timeout=10_000)
    assert view.last_export == tmp_path / "rapport.csv"
    assert (tmp_path / "rapport.csv").exists() and not (tmp_path / "rapport").exists()


def test_suggested_file_name_is_in_the_interface_language(qtbot, make_context, tmp_path):
    from ambtenaar20.gui.logbook.report_view import ReportView

    for language, expected in (("en", "log-2026-03-01-2026-03-31.xlsx"),
                               ("nl", "logboek-2026-03-01-2026-03-31.xlsx")):
        view = ReportView(make_context(language))
        qtbot.addWidget(view)
        view.set_period(date(2026, 3, 1), date(2026, 3, 31))
        suggested: list[str] = []
        view.choose_target = lambda name, into=suggested: into.append(name)
        view.export()
        assert Path(suggested[0]).name == expected
