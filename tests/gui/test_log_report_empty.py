"""A new, empty data folder: Logboek and Rapportage say what to do next instead of showing an
empty table and a greyed form, and nothing can be exported while there is nothing to export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ambtenaar20.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, make_context):
    main = MainWindow(make_context("nl"))
    main.remember_state = False
    main.populate_areas()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_empty_log_says_how_to_add_an_entry(qtbot, window):
    window.show_area("log")
    view = window.area("log")
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.empty, timeout=5000)
    assert view.empty.isVisible() and not view.table.isVisible()
    view.empty.findChildren(type(view.add_button))[0].click()
    qtbot.waitUntil(lambda: view.quick_add_dialog is not None
                    and view.quick_add_dialog.isVisible(), timeout=3000)
    view.quick_add_dialog.reject()
    window.context.logbook.add(platform="X", kind="reactie", summary="eerste")
    view.refresh()
    qtbot.waitUntil(lambda: view.table.isVisible() and view.model.rowCount() == 1,
                    timeout=5000)


def test_empty_report_says_where_entries_come_from_and_cannot_export(qtbot, window):
    window.show_area("report")
    view = window.area("report")
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.empty, timeout=5000)
    assert not view.export_button.isEnabled()
    view.empty.findChildren(type(view.export_button))[0].click()
    assert window.current_area_key() == "log"

    yesterday = date.today() - timedelta(days=1)
    window.context.logbook.add(occurred_at=f"{yesterday.isoformat()}T10:00", platform="X",
                               kind="reactie")
    window.show_area("report")
    view.set_period(yesterday, yesterday)
    qtbot.waitUntil(lambda: view.pages.currentIndex() == 0 and view.summary is not None,
                    timeout=5000)
    assert view.export_button.isEnabled()
    # A period without entries: the summary says so, and there is nothing to export.
    view.set_period(yesterday - timedelta(days=60), yesterday - timedelta(days=50))
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.entries == 0,
                    timeout=5000)
    assert view.pages.currentIndex() == 0 and not view.export_button.isEnabled()
