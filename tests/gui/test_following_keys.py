"""Volgen by the keys mail users try first: Ctrl+F (and Outlook's Ctrl+E) to the search box,
F5 to refresh; from any pane, and only while Volgen is on screen. Neither existed: an officer
had to Tab through five buttons to reach the search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ambtenaar20.gui.main_window import MainWindow
from tests.feeds.feed_server import rss


def _window_on_volgen(qtbot, make_context, feed_server) -> MainWindow:
    context = make_context("nl")
    items = [{"title": f"Hittestress in wijk {n}", "guid": f"g{n}",
              "link": f"https://example.org/{n}",
              "pubDate": f"Mon, {n + 1:02d} Sep 2025 10:00:00 +0000"} for n in range(3)]
    context.feeds.add_feed(feed_server.add("/hitte.xml", rss("Gemeente Zwolle", items)))
    assert context.feeds.refresh().new_items == 3
    window = MainWindow(context)
    window.remember_state = False
    window.warm_up_delay_ms = None
    qtbot.addWidget(window)
    window.populate_areas()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    area = window.area("follow")
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1 and area.model.rowCount() == 3,
                    timeout=10_000)
    return window


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def test_ctrl_f_and_ctrl_e_go_to_the_search_box_with_its_text_selected(qtbot, make_context,
                                                                       feed_server):
    window = _window_on_volgen(qtbot, make_context, feed_server)
    area = window.area("follow")
    area.search.setText("hitte*")
    for keys, start in ((Qt.Key.Key_F, area.table), (Qt.Key.Key_E, area.tree),
                        (Qt.Key.Key_F, area.reader.browser)):
        _focus(qtbot, start)
        area.search.deselect()
        QTest.keyClick(start, keys, Qt.KeyboardModifier.ControlModifier)
        assert area.search.hasFocus(), (keys, start)
        assert area.search.selectedText() == "hitte*"  # typing replaces the last search


def test_f5_refreshes_from_the_list_and_the_tree(qtbot, make_context, feed_server):
    window = _window_on_volgen(qtbot, make_context, feed_server)
    area = window.area("follow")
    for start in (area.table, area.tree):
        _focus(qtbot, start)
        QTest.keyClick(start, Qt.Key.Key_F5)
        assert area.refresh_task is not None  # the same action as "Vernieuwen"
        task = area.refresh_task
        qtbot.waitUntil(lambda task=task: task.done, timeout=10_000)
        qtbot.waitUntil(area.refresh_button.isEnabled, timeout=10_000)
        area.refresh_task = None


def test_the_keys_are_volgens_own(qtbot, make_context, feed_server):
    window = _window_on_volgen(qtbot, make_context, feed_server)
    area = window.area("follow")
    window.show_area("log")
    log_view = window.area("log")
    qtbot.waitUntil(log_view.isVisible, timeout=3000)
    _focus(qtbot, log_view)
    focused = window.focusWidget()
    QTest.keyClick(focused, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(focused, Qt.Key.Key_F5)
    assert not area.search.hasFocus()  # Volgen, not on screen, took neither key
    assert area.refresh_task is None


def test_the_reader_tabs_have_a_name(qtbot, make_context, feed_server):
    area = _window_on_volgen(qtbot, make_context, feed_server).area("follow")
    assert area.tabs.tabBar().accessibleName()  # was the one nameless control in Volgen


def test_the_guide_lists_the_keys(make_context):
    from ambtenaar20.gui.dialogs.getting_started_dialog import guide_html

    make_context("en")
    text = guide_html("/data")
    assert "Ctrl+F / Ctrl+E" in text and "search, in Follow" in text
    assert "F5" in text and "fetch new items, in Follow" in text


def test_the_guide_lists_the_keys_in_dutch(make_context):
    from ambtenaar20.gui.dialogs.getting_started_dialog import guide_html

    make_context("nl")
    text = guide_html("/data")
    assert "zoeken, in Volgen" in text and "nieuwe berichten ophalen, in Volgen" in text
