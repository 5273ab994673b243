"""Window defects found in a QA pass under Xvfb: where the focus goes, what the officer sees
while something runs, and what stays on screen after it no longer applies.

Buttons are clicked (QTest), not their slots called: a slot called directly once hid a crash.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.feeds.feed_server import rss


def _items(count: int) -> list[dict[str, str]]:
    return [{"title": f"Bericht {n} over de zorg", "guid": f"g{n}",
             "link": f"https://example.org/{n}", "description": f"Tekst {n}",
             "pubDate": "Mon, 01 Sep 2025 10:00:00 +0000"} for n in range(count)]


def _window_with_items(qtbot, make_context, feed_server, count=5):
    from ambtenaar20.gui.main_window import MainWindow

    context = make_context("nl")
    assert context.store
    context.feeds.add_feed(feed_server.add("/zorg.xml", rss("Zorg", _items(count))))
    main = MainWindow(context)
    main.populate_areas()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    follow = main.area("follow")
    task = follow.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: follow.model.rowCount() > 0, timeout=10_000)
    return main, follow


def test_reply_puts_the_focus_in_the_editor(qtbot, make_context, feed_server):
    main, follow = _window_with_items(qtbot, make_context, feed_server)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=3000)
    follow.table.setCurrentIndex(follow.model.index(0, 0))
    qtbot.waitUntil(lambda: follow.reader.item is not None, timeout=5000)
    qtbot.mouseClick(follow.reader.reply_button, Qt.MouseButton.LeftButton)
    write = main.area("write")
    qtbot.waitUntil(lambda: write.draft is not None and write.draft.feed_item_id is not None,
                    timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is write.editor, timeout=3000)
    qtbot.keyClicks(QApplication.focusWidget(), "Dank")
    assert write.editor.toPlainText().startswith("Dank")
    assert write.drafts_list.search.text() == ""


def test_new_draft_button_puts_the_focus_in_the_editor(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.show_area("write")
    write = window.area("write")
    qtbot.waitUntil(lambda: write.draft is not None, timeout=5000)
    first = write.draft.id
    write.editor.setPlainText("Begonnen")  # an empty draft would be reused, not a new one
    write.drafts_list.search.setFocus()
    qtbot.waitUntil(write.drafts_list.search.hasFocus, timeout=3000)
    qtbot.mouseClick(write.drafts_list.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: write.draft.id != first, timeout=5000)
    qtbot.waitUntil(write.editor.hasFocus, timeout=3000)


def _window(qtbot, context):
    from ambtenaar20.gui.main_window import MainWindow

    main = MainWindow(context)
    main.populate_areas()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_refresh_right_after_cancel_starts_a_new_refresh(qtbot, make_context, feed_server):
    context = make_context("nl")
    assert context.store
    context.feeds.add_feed(feed_server.add("/traag.xml", rss("Traag", _items(3)), delay=1.5))
    follow = _window(qtbot, context).area("follow")
    qtbot.mouseClick(follow.refresh_button, Qt.MouseButton.LeftButton)
    cancelled = follow.refresh_task
    assert cancelled is not None and not follow.refresh_button.isEnabled()
    qtbot.mouseClick(follow.cancel_button, Qt.MouseButton.LeftButton)
    assert follow.refresh_button.isEnabled()  # cancel returns at once
    qtbot.mouseClick(follow.refresh_button, Qt.MouseButton.LeftButton)
    # The click is seen: busy again, not a button that silently does nothing.
    assert not cancelled.done
    assert not follow.refresh_button.isEnabled() and follow.progress.isVisible()
    qtbot.waitUntil(lambda: follow.refresh_task is not cancelled, timeout=10_000)
    qtbot.waitUntil(lambda: follow.refresh_task.done, timeout=10_000)
    qtbot.waitUntil(lambda: follow.model.rowCount() == 3, timeout=10_000)
    assert follow.refresh_button.isEnabled() and not follow.progress.isVisible()


def test_checking_a_new_feed_address_shows_that_it_is_busy(qtbot, make_context, feed_server,
                                                           monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ambtenaar20.gui.areas.following import dialogs

    context = make_context("nl")
    assert context.store
    main = _window(qtbot, context)
    follow = main.area("follow")
    slow = feed_server.add("/weg.xml", "weg", status=404, content_type="text/plain", delay=1.5)
    answers = [slow, None]

    def exec_(dialog):
        address = answers.pop(0)
        if address is None:
            return dialogs.AddFeedDialog.DialogCode.Rejected
        dialog.url.setText(address)
        return dialogs.AddFeedDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.AddFeedDialog, "exec", exec_)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    qtbot.mouseClick(follow.add_feed_button, Qt.MouseButton.LeftButton)
    assert main.status_message.text() == "Adres wordt gecontroleerd…"
    assert follow.progress.isVisible() and follow.progress.maximum() == 0  # busy, no count
    assert not follow.cancel_button.isVisible()  # nothing to cancel: it is not a refresh
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert not follow.progress.isVisible()
    assert main.status_message.text() != "Adres wordt gecontroleerd…"


def test_tab_leaves_the_lists_of_my_lists_for_drafting(qtbot):
    from PySide6.QtTest import QTest

    from ambtenaar20.core.drafting.preferences import DraftingPreferences
    from ambtenaar20.gui.areas.writing.preferences_dialog import DraftingPreferencesDialog

    dialog = DraftingPreferencesDialog(DraftingPreferences(watchlist=["@kamerlid"]), ["fiets"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    boxes = [dialog.watchlist, dialog.topic_words, dialog.own_words]
    texts = [box.toPlainText() for box in boxes]
    for box, after in zip(boxes, [*boxes[1:], dialog.mastodon], strict=True):
        box.setFocus()
        qtbot.waitUntil(box.hasFocus, timeout=3000)
        QTest.keyClick(box, Qt.Key.Key_Tab)
        assert not box.hasFocus()
        assert after.hasFocus() or after.isAncestorOf(QApplication.focusWidget())
    assert [box.toPlainText() for box in boxes] == texts  # no tab typed into them


def _log_view(qtbot, window, *summaries):
    for summary in summaries:
        window.context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie",
                                   counterpart="@burger", summary=summary)
    window.show_area("log")
    view = window.area("log")
    view.refresh()
    qtbot.waitUntil(lambda: not view.model.loading
                    and view.model.rowCount() == len(summaries), timeout=5000)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.entry is not None, timeout=3000)
    return view


def _shown_in_detail(view) -> str:
    form = view.detail.form
    return " ".join((form.summary_edit.toPlainText(), form.counterpart_edit.text(),
                     form.platform_edit.currentText()))


def test_detail_pane_is_emptied_after_a_delete(qtbot, window):
    view = _log_view(qtbot, window, "Vraag over de afvalkalender")
    view.confirm = lambda _question: True
    qtbot.mouseClick(view.detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and view.detail.entry is None,
                    timeout=5000)
    assert _shown_in_detail(view).split() == []
    assert not view.detail.form.isEnabled()
    assert view.detail.title.text() == "Kies een regel om die te bekijken en te wijzigen."


def test_detail_pane_is_emptied_when_a_search_finds_nothing(qtbot, window):
    view = _log_view(qtbot, window, "Vraag over de afvalkalender")
    qtbot.keyClicks(view.filter_bar.search_edit, "zzzgeenzzz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and view.detail.entry is None,
                    timeout=5000)
    assert "afvalkalender" not in _shown_in_detail(view)
    assert "@burger" not in _shown_in_detail(view)


def test_tone_column_fills_in_after_the_analysis_without_losing_the_place(
        qtbot, make_context, feed_server, monkeypatch):
    import time

    context = make_context("nl")
    assert context.store
    context.feeds.add_feed(feed_server.add("/zorg.xml", rss("Zorg", _items(30))))
    real = context.items.analyse_pending

    def slow(*args, **kwargs):
        time.sleep(0.8)  # the list shows first, the tones come later, as on a big refresh
        return real(*args, **kwargs)

    monkeypatch.setattr(context.items, "analyse_pending", slow)
    follow = _window(qtbot, context).area("follow")
    qtbot.mouseClick(follow.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: follow.model.rowCount() == 30, timeout=10_000)
    tone = follow.model.COLUMNS.index("sentiment")

    def tones():
        return [follow.model.index(row, tone).data() for row in range(30)]

    assert not any(tones())  # not analysed yet
    follow.table.setCurrentIndex(follow.model.index(5, 0))
    chosen = follow.model.row(5)["id"]
    follow.table.verticalScrollBar().setValue(follow.table.verticalScrollBar().maximum())
    scrolled = follow.table.verticalScrollBar().value()
    qtbot.waitUntil(lambda: all(tones()), timeout=10_000)
    assert follow.table.currentIndex().row() == 5
    assert follow.model.row(follow.table.currentIndex().row())["id"] == chosen
    assert follow.table.selectionModel().isRowSelected(5)
    assert follow.table.verticalScrollBar().value() == scrolled


def test_ctrl_l_before_the_log_was_opened_offers_the_topics(qtbot, window):
    from PySide6.QtTest import QTest

    window.context.logbook.add(platform="X", kind="reactie", topic="Afvalinzameling")
    assert not hasattr(window.areas["log"], "model")  # built by Ctrl+L itself
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.area("log")
    qtbot.waitUntil(lambda: view.quick_add_dialog is not None
                    and view.quick_add_dialog.isVisible(), timeout=3000)
    combo = view.quick_add_dialog.form.topic_edit
    qtbot.waitUntil(lambda: "Afvalinzameling" in [combo.itemText(n) for n in range(combo.count())],
                    timeout=5000)
    view.quick_add_dialog.reject()


def test_table_cells_are_one_line_and_not_cut_where_there_is_room(qtbot, make_context,
                                                                   feed_server):
    main, follow = _window_with_items(qtbot, make_context, feed_server)
    assert not follow.table.wordWrap()
    main.show_area("log")
    assert not main.area("log").table.wordWrap()
    # A title with room to spare shows whole: its first line is not cut at a space.
    follow.table.setColumnWidth(0, 2000)
    text = follow.model.index(0, 0).data()
    rect = follow.table.visualRect(follow.model.index(0, 0))
    assert follow.table.fontMetrics().horizontalAdvance(text) < rect.width()


def test_the_item_a_reply_answers_is_a_few_lines_high_and_scrolls(qtbot, make_context):
    from ambtenaar20.gui.areas.writing.linked_item import LinkedItemPanel

    make_context("nl")
    host = _host()
    panel = LinkedItemPanel()
    host.layout().addWidget(panel)
    qtbot.addWidget(host)
    host.resize(500, 600)
    host.show()
    long_text = " ".join(f"woord{n}" for n in range(70))
    panel.show_item({"title": "Vraag over afval", "feed": "Gemeente", "text": long_text,
                     "published": "2026-11-23T09:00:00+00:00"})
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    lines = panel.fontMetrics().lineSpacing()
    assert panel.height() <= 5 * lines + 30  # a few lines, not the whole text
    assert panel.verticalScrollBar().maximum() > 0  # the rest scrolls
    assert "woord69" in panel.text()  # all of it is there to read
    assert panel.focusPolicy() & Qt.FocusPolicy.TabFocus  # and reachable by keyboard
    panel.show_item({"title": "Kort", "feed": "", "text": "Ja", "published": ""})
    qtbot.wait(50)
    assert panel.height() < 4 * lines + 30  # a short item takes no more room than it needs


def _host():
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    widget = QWidget()
    QVBoxLayout(widget).addStretch(1)
    return widget
