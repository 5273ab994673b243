"""The Logboek and Rapportage areas with qtbot: quick-add, edit history, undo, export."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ambtenaar20.core.logbook.model import LogFilter
from ambtenaar20.gui.areas.registry import AREAS


def log_view(window):
    window.show_area("log")
    return window.areas["log"]


def wait_loaded(qtbot, view):
    qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)


@pytest.mark.parametrize("area", [spec.key for spec in AREAS])
def test_quick_add_with_ctrl_l_from_every_area(qtbot, window, context, area):
    window.show_area(area)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.current_area_key() == area)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = log_view(window)
    qtbot.waitUntil(lambda: view.quick_add_dialog is not None
                    and view.quick_add_dialog.isVisible(), timeout=3000)
    dialog = view.quick_add_dialog
    dialog.form.platform_edit.setCurrentText("Mastodon")
    dialog.form.kind_combo.setCurrentIndex(dialog.form.kind_combo.findData("vraag_beantwoord"))
    dialog.form.topic_edit.setCurrentText("Afval")
    dialog.form.summary_edit.setPlainText(f"vanuit {area}")
    dialog.form.minutes_spin.setValue(6)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    entries = context.logbook.list()
    assert [(e.platform, e.kind, e.topic, e.summary, e.minutes) for e in entries] == \
        [("Mastodon", "vraag_beantwoord", "Afval", f"vanuit {area}", 6)]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)


def test_quick_add_shows_the_reason_when_input_is_wrong(qtbot, window, context):
    view = log_view(window)
    dialog = view.open_quick_add()
    dialog.form.platform_edit.setCurrentText("")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=3000)
    assert "platform" in dialog.error_label.text()
    assert dialog.isVisible() and context.logbook.count() == 0


def test_edit_in_detail_pane_keeps_history(qtbot, window, context):
    entry = context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie",
                                summary="eerste versie")
    view = log_view(window)
    view.refresh()
    wait_loaded(qtbot, view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.entry is not None and view.detail.entry.id == entry.id)
    view.detail.form.summary_edit.setPlainText("tweede versie")
    view.detail.save_button.click()
    qtbot.waitUntil(lambda: context.logbook.get(entry.id).summary == "tweede versie",
                    timeout=3000)
    qtbot.waitUntil(lambda: view.detail.history_list.count() == 2, timeout=3000)
    texts = [view.detail.history_list.item(row).text() for row in range(2)]
    assert "created" in texts[0]
    assert "eerste versie → tweede versie" in texts[1]
    history = context.logbook.history(entry.id)
    assert history[-1].old_values == {"summary": "eerste versie"}


def test_delete_asks_and_undo_brings_it_back(qtbot, window, context):
    entry = context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie")
    view = log_view(window)
    view.refresh()
    wait_loaded(qtbot, view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.entry is not None)
    questions = []
    view.confirm = lambda question: questions.append(question) or False
    view.detail.delete_button.click()
    assert questions and context.logbook.count() == 1  # declined: nothing happens
    view.confirm = lambda question: True
    view.detail.delete_button.click()
    qtbot.waitUntil(lambda: context.logbook.count() == 0, timeout=3000)
    qtbot.waitUntil(lambda: not view.undo_button.isHidden() and view.model.rowCount() == 0,
                    timeout=3000)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: context.logbook.count() == 1, timeout=3000)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert view.undo_button.isHidden()
    assert [line.action for line in context.logbook.history(entry.id)] == \
        ["created", "deleted", "restored"]
    # Once more, now with the button.
    view.delete_entry(entry.id)
    qtbot.waitUntil(lambda: not view.undo_button.isHidden(), timeout=3000)
    view.undo_button.click()
    qtbot.waitUntil(lambda: context.logbook.count() == 1 and view.undo_button.isHidden(),
                    timeout=3000)


def test_filters_and_follow_up_highlight(qtbot, window, context):
    service = context.logbook
    service.add(platform="X", kind="reactie", topic="Afval", follow_up="2020-01-01")
    service.add(platform="LinkedIn", kind="bericht", topic="Parkeren")
    view = log_view(window)
    view.refresh()
    wait_loaded(qtbot, view)
    qtbot.waitUntil(lambda: view.filter_bar.topic_combo.count() == 3, timeout=3000)
    assert "1 follow-up" in view.follow_up_label.text()
    overdue_row = next(row for row in range(2) if view.model.entry(row).topic == "Afval")
    assert view.model.index(overdue_row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    bar = view.filter_bar
    bar.topic_combo.setCurrentIndex(bar.topic_combo.findData("Parkeren"))
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=3000)
    assert view.model.entry(0).topic == "Parkeren"
    bar.topic_combo.setCurrentIndex(0)
    bar.search_edit.setText("zzz-niets")
    qtbot.waitUntil(lambda: view.model.log_filter.search == "zzz-niets"
                    and not view.model.loading and view.model.rowCount() == 0, timeout=3000)


def test_table_model_loads_pages_lazily(qtbot, context):
    from ambtenaar20.gui.logbook.entry_table_model import PAGE_SIZE, EntryTableModel

    db = context.store.db
    with db.atomic():
        for number in range(PAGE_SIZE * 2 + 5):
            context.logbook.add(occurred_at=f"2026-01-01T{number // 60 % 24:02d}:"
                                f"{number % 60:02d}", platform="X", kind="overig",
                                summary=f"n{number}")
    model = EntryTableModel(context.logbook)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE * 2 + 5, timeout=5000)
    last = model.rowCount() - 1
    assert model.entry(last) is None  # not loaded yet: asked for in the background
    qtbot.waitUntil(lambda: model.entry(last) is not None, timeout=3000)
    assert model.entry(last).summary == "n0"  # newest first


def test_report_view_exports_a_file(qtbot, window, context, tmp_path):
    service = context.logbook
    service.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie", topic="Afval",
                counterpart="@buurman", minutes=5)
    service.add(occurred_at="2026-03-03T10:00", platform="X", kind="bericht", topic="Parkeren")
    window.show_area("report")
    view = window.area("report")
    view.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == 2,
                    timeout=3000)
    assert "Afval" in view.summary_label.text()
    view.format_combo.setCurrentIndex(view.format_combo.findData("csv"))
    target = tmp_path / "maart.csv"
    view.choose_target = lambda suggested: target
    view.export_button.click()
    qtbot.waitUntil(lambda: view.last_export == target, timeout=5000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) == 3 and "'@buurman" in rows[1]
    assert str(target) in view.result_label.text()


def test_report_view_will_not_export_over_the_database(qtbot, window, context, monkeypatch):
    context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie")
    view = window.area("report")
    view.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == 1,
                    timeout=3000)
    view.format_combo.setCurrentIndex(view.format_combo.findData("csv"))
    database = context.paths.database
    before = database.stat().st_size
    view.choose_target = lambda suggested: database
    view.export_button.click()
    qtbot.waitUntil(lambda: str(database) in view.result_label.text(), timeout=5000)
    assert not view.exporting
    assert view.last_export is None
    assert database.stat().st_size >= before
    assert context.logbook.count(LogFilter()) == 1


def test_report_view_exports_pdf_off_the_gui_thread(qtbot, window, context, tmp_path):
    context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie")
    view = window.area("report")
    view.set_period(date(2026, 3, 1), date(2026, 3, 31))
    view.format_combo.setCurrentIndex(view.format_combo.findData("pdf"))
    target = tmp_path / "maart.pdf"
    view.choose_target = lambda suggested: target
    view.export()
    qtbot.waitUntil(lambda: view.last_export == target, timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")
    assert context.logbook.count(LogFilter()) == 1


def test_detail_pane_says_where_an_entry_came_from(qtbot, window, context):
    context.logbook.record_published(41, "https://www.gemeente.nl/nieuws/1", "Website", "Afval",
                                     ["te lange zin", "jargon"])
    view = log_view(window)
    view.refresh()
    wait_loaded(qtbot, view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.entry is not None)
    assert "41" in view.detail.title.text() and "2" in view.detail.title.text()


def test_report_presets_set_the_period_and_topics_narrow_the_summary(qtbot, window, context):
    from ambtenaar20.core.logbook.presets import preset_period

    today = date.today()
    context.logbook.add(platform="X", kind="reactie", topic="Afval", minutes=4)
    context.logbook.add(platform="X", kind="bericht", topic="Parkeren", minutes=6)
    window.show_area("report")
    view = window.area("report")
    view.preset_combo.setCurrentIndex(view.preset_combo.findData("this_quarter"))
    quarter = preset_period("this_quarter", today)
    assert view.period() == quarter
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == 2,
                    timeout=3000)
    qtbot.waitUntil(lambda: view.topic_list.count() == 2, timeout=3000)
    view.topic_list.item(0).setCheckState(Qt.CheckState.Checked)  # "Afval"
    # While the narrower summary loads, there is none (Exporteren is off meanwhile).
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == 1
                    and view.summary.minutes == 4, timeout=3000)
    view.preset_combo.setCurrentIndex(view.preset_combo.findData("last_month"))
    assert view.period() == preset_period("last_month", today)


def test_column_titles_fit_also_in_a_large_font(qtbot, window, context):
    from PySide6.QtGui import QFont

    from ambtenaar20.core import i18n

    i18n.set_language("nl")  # the long titles: "Gesprekspartner", "Minuten"
    context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie")
    from PySide6.QtWidgets import QApplication

    previous = QApplication.font()
    font = QFont(previous)
    font.setPointSize(14)  # what a larger system font gives every widget
    QApplication.setFont(font)
    try:
        _check_titles_fit(qtbot, window)
    finally:
        QApplication.setFont(previous)


def _check_titles_fit(qtbot, window):
    from PySide6.QtWidgets import QHeaderView


    view = log_view(window)
    wait_loaded(qtbot, view)
    header = view.table.horizontalHeader()
    assert header.font().pointSize() == 14
    for column in range(view.model.columnCount()):
        if view.table.isColumnHidden(column) or \
                header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue  # the summary takes what room is left
        title = view.model.headerData(column, Qt.Orientation.Horizontal)
        # The header's own measure of the room its title needs, margins included.
        assert view.table.columnWidth(column) >= header.sectionSizeHint(column), title
    assert view.model.headerData(5, Qt.Orientation.Horizontal) == "Gesprekspartner"
