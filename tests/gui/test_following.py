"""The Volgen area: a refresh never blocks the event loop, the list model is sound, the reader
is safe, and cancel returns at once. Feeds come from a real loopback HTTP server."""

from __future__ import annotations

import html
import threading

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl

from ambtenaar20.core.feeds import fetcher
from ambtenaar20.core.feeds import refresh as feed_refresh
from ambtenaar20.gui.areas.following import reader as reader_module
from ambtenaar20.gui.areas.following.area import FollowingArea
from tests.feeds.feed_server import rss


def items_for(index: int, count: int) -> list[dict[str, str]]:
    return [{"title": f"Bericht {index}-{number} over de zorg", "guid": f"{index}-{number}",
             "link": f"https://example.org/{index}/{number}",
             "description": html.escape(f"<p>Tekst {number} <a href='javascript:x()'>x</a>"
                                         f"<a href='https://example.org/'>bron</a></p>"),
             "pubDate": f"Mon, 0{1 + number % 9} Sep 2025 10:00:00 +0000"}
            for number in range(count)]


@pytest.fixture
def area(qtbot, make_context, feed_server):
    context = make_context("en")
    assert context.store  # opened first, as the app does before the areas are built
    for index in range(50):
        url = feed_server.add(f"/feed{index}.xml", rss(f"Feed {index}", items_for(index, 20)))
        context.feeds.add_feed(url)
    context.topics.add_topic("Zorg", "zorg")
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.pages.currentIndex() == 1, timeout=10_000)
    return widget


def test_refresh_keeps_the_event_loop_running_and_works_off_the_gui_thread(qtbot, area,
                                                                          monkeypatch):
    threads: dict[str, set[int]] = {"fetch": set(), "parse": set(), "write": set()}

    def spy(kind, original):
        def wrapper(*args, **kwargs):
            threads[kind].add(threading.get_ident())
            return original(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(fetcher, "fetch", spy("fetch", fetcher.fetch))
    monkeypatch.setattr(feed_refresh, "parse_feed", spy("parse", feed_refresh.parse_feed))
    monkeypatch.setattr(feed_refresh.FeedRefresh, "_store",
                        spy("write", feed_refresh.FeedRefresh._store))
    beats = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(task is not None and not task.done))
    heartbeat.start()
    task = area.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    heartbeat.stop()
    assert sum(beats) >= 3, "the heartbeat stopped while the refresh ran"
    gui_thread = threading.get_ident()
    for kind, seen in threads.items():
        assert seen, kind
        assert gui_thread not in seen, f"{kind} ran on the GUI thread"
    qtbot.waitUntil(lambda: area.model.total == 1000, timeout=10_000)
    assert area.context.items.count_items(topic="Zorg") == 1000


def test_item_model_passes_qtmodeltester(qtbot, qtmodeltester, area):
    task = area.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=10_000)
    assert area.model.rowCount() == 200 and area.model.canFetchMore()
    qtmodeltester.check(area.model)
    area.model.fetchMore()
    qtbot.waitUntil(lambda: area.model.rowCount() == 400, timeout=10_000)
    qtmodeltester.check(area.model)


def test_reader_shows_sanitised_item_and_opens_only_safe_links(qtbot, area, monkeypatch):
    task = area.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=10_000)
    area.table.setCurrentIndex(area.model.index(0, 0))
    qtbot.waitUntil(lambda: area.reader.item is not None, timeout=10_000)
    shown = area.reader.browser.toHtml()
    assert "javascript" not in shown and "https://example.org/" in shown
    qtbot.waitUntil(lambda: area.model.row(0)["read"], timeout=5_000)
    opened = []
    monkeypatch.setattr(reader_module.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toString()) or True)
    for target in ("javascript:alert(1)", "file:///etc/passwd", "https://example.org/a",
                   "mailto:a@example.org"):
        area.reader.browser.anchorClicked.emit(QUrl(target))
    assert opened == ["https://example.org/a", "mailto:a@example.org"]


def test_cancel_returns_at_once(qtbot, area):
    task = area.refresh()
    area.cancel_refresh()
    assert task.token.cancelled
    assert area.refresh_button.isEnabled() and not area.progress.isVisible()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass


@pytest.fixture
def empty_area(qtbot, make_context):
    """The Volgen area in English on an open store that follows no feeds yet."""
    context = make_context("en")
    assert context.store
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    return widget


def test_empty_state_when_there_are_no_feeds(qtbot, make_context):
    context = make_context("nl")
    assert context.store
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.selection is not None and widget._items_started,
                    timeout=10_000)
    assert widget.pages.currentWidget() is widget.empty
    assert widget.empty.title_label.text() == (
        "Nog geen feeds — voeg er een toe of importeer een OPML-bestand")


def test_remove_feed_asks_and_deletes_its_items(qtbot, area, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    task = area.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    feed = area.context.feeds.list_feeds()[0]
    asked = []
    buttons = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: asked.append(args) or buttons.No)
    area.remove_feed(feed["id"])
    assert asked and len(area.context.feeds.list_feeds()) == 50
    monkeypatch.setattr(QMessageBox, "question", lambda *args: buttons.Yes)
    area.remove_feed(feed["id"])
    qtbot.waitUntil(lambda: len(area.context.feeds.list_feeds()) == 49, timeout=10_000)
    assert area.context.items.count_items(feed_id=feed["id"]) == 0


def test_add_feed_from_a_page_lets_the_officer_pick(qtbot, empty_area, feed_server, monkeypatch,
                                                    accept_add_feed):
    from PySide6.QtWidgets import QInputDialog

    widget = empty_area
    context = widget.context
    feed_server.add("/b.xml", rss("B", items_for(1, 2)))
    page = feed_server.add("/index.html", '<html><head>'
                           '<link rel="alternate" type="application/rss+xml" href="/a.xml">'
                           '<link rel="alternate" type="application/atom+xml" title="Tweede" '
                           'href="/b.xml"></head></html>', content_type="text/html")

    offered = []
    accept_add_feed(page)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, labels, *_a: offered.extend(labels) or
                        (labels[1], True))
    widget.add_feed()
    qtbot.waitUntil(lambda: len(context.feeds.list_feeds()) == 1, timeout=10_000)
    assert len(offered) == 2
    assert context.feeds.list_feeds()[0]["url"] == feed_server.url("/b.xml")


def _answer_add_feed_dialog(monkeypatch, answers):
    """The real *Feed toevoegen* dialog, filled in and closed by ``answers`` in turn: each
    gets the dialog (to read what it shows) and returns the address to give, or None to
    cancel."""
    from ambtenaar20.gui.areas.following import dialogs

    def exec_(dialog):
        address = answers.pop(0)(dialog)
        if address is None:
            return dialogs.AddFeedDialog.DialogCode.Rejected
        dialog.url.setText(address)
        return dialogs.AddFeedDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.AddFeedDialog, "exec", exec_)


def test_add_feed_refusal_is_shown_and_the_dialog_comes_back(qtbot, empty_area, feed_server,
                                                             monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    widget = empty_area
    context = widget.context
    missing = feed_server.url("/missing.xml")
    good = feed_server.add("/good.xml", rss("Goed", items_for(1, 2)))
    shown_again = []
    _answer_add_feed_dialog(monkeypatch, [
        lambda _dialog: missing,
        lambda dialog: shown_again.append(dialog.url.text()) or good])
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    widget.add_feed()
    qtbot.waitUntil(lambda: len(context.feeds.list_feeds()) == 1, timeout=10_000)
    # The refusal in the words of the CLI (and of a refresh), then the dialog with the address
    # as typed, to correct: corrected, the feed is followed.
    assert warnings == [f"{missing} was not added: The feed was not found (HTTP 404)."]
    assert shown_again == [missing]
    assert [feed["url"] for feed in context.feeds.list_feeds()] == [good]


def test_add_feed_that_cannot_be_checked_now_is_followed_with_the_reason(
        qtbot, empty_area, feed_server, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    widget = empty_area
    context = widget.context
    busy = feed_server.add("/busy.xml", "busy", status=503, content_type="text/plain")
    _answer_add_feed_dialog(monkeypatch, [lambda _dialog: busy])
    widget.add_feed()
    qtbot.waitUntil(lambda: len(context.feeds.list_feeds()) == 1, timeout=10_000)

    def note():
        return [box.text() for box in widget.findChildren(QMessageBox) if busy in box.text()]

    qtbot.waitUntil(lambda: bool(note()), timeout=10_000)
    assert "HTTP 503" in note()[0] and "next refresh" in note()[0]



def test_add_feed_without_scheme_on_an_http_only_server_follows_its_http_address(
        qtbot, empty_area, feed_server, monkeypatch):
    """The dialog said "Taken as https://…" while it was typed; the note says it is http."""
    from PySide6.QtWidgets import QMessageBox

    widget = empty_area
    context = widget.context
    http = feed_server.add("/zorg.xml", rss("Zorg", items_for(1, 2)))
    typed = http.removeprefix("http://")
    hinted = []

    def fill(dialog):
        dialog.url.setText(typed)
        hinted.append(dialog.assumed.text())
        return typed

    _answer_add_feed_dialog(monkeypatch, [fill])
    widget.add_feed()
    qtbot.waitUntil(lambda: len(context.feeds.list_feeds()) == 1, timeout=10_000)
    assert [feed["url"] for feed in context.feeds.list_feeds()] == [http]
    assert hinted == [f"Tried as https://{typed} (or http:// when the server has no https)"]

    def note():
        return [box.text() for box in widget.findChildren(QMessageBox) if typed in box.text()]

    qtbot.waitUntil(lambda: bool(note()), timeout=10_000)
    assert note()[0] == (f"'{typed}' has no http:// or https://; taken as {http}, because no "
                         f"secure (https) server answers at https://{typed}.")


def _page_announcing(server, *feeds: str) -> str:
    links = "".join(f'<link rel="alternate" type="application/rss+xml" href="{feed}">'
                    for feed in feeds)
    return server.add("/announces.html", f"<html><head>{links}</head></html>",
                      content_type="text/html")


def test_add_feed_refuses_a_page_whose_one_feed_is_missing(qtbot, empty_area, feed_server,
                                                           monkeypatch):
    """The feed a page announces is checked as a typed address is: refused in the same words,
    then the dialog comes back with the page as typed."""
    from PySide6.QtWidgets import QMessageBox

    widget = empty_area
    missing = feed_server.url("/missing.xml")
    page = _page_announcing(feed_server, missing)
    shown_again = []
    _answer_add_feed_dialog(monkeypatch, [
        lambda _dialog: page,
        lambda dialog: shown_again.append(dialog.url.text()) and None])
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    widget.add_feed()
    qtbot.waitUntil(lambda: bool(shown_again), timeout=10_000)
    assert warnings == [f"The web page {page} announces the feed {missing}, which was not "
                        "added: The feed was not found (HTTP 404)."]
    assert shown_again == [page]
    assert widget.context.feeds.list_feeds() == []


def test_add_feed_follows_a_pages_one_feed_that_cannot_be_checked_now_with_the_reason(
        qtbot, empty_area, feed_server, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    widget = empty_area
    context = widget.context
    busy = feed_server.add("/busy.xml", "busy", status=503, content_type="text/plain")
    _answer_add_feed_dialog(monkeypatch, [lambda _dialog: _page_announcing(feed_server, busy)])
    widget.add_feed()
    qtbot.waitUntil(lambda: len(context.feeds.list_feeds()) == 1, timeout=10_000)
    assert context.feeds.list_feeds()[0]["url"] == busy

    def note():
        return [box.text() for box in widget.findChildren(QMessageBox) if busy in box.text()]

    qtbot.waitUntil(lambda: bool(note()), timeout=10_000)
    assert note()[0].startswith(f"Note: {busy} could not be checked now: ")
    assert "HTTP 503" in note()[0]


def test_add_feed_checks_the_feed_picked_from_several(qtbot, empty_area, feed_server,
                                                       monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    widget = empty_area
    good = feed_server.add("/good.xml", rss("Goed", items_for(1, 2)))
    missing = feed_server.url("/missing.xml")
    page = _page_announcing(feed_server, good, missing)
    shown_again = []
    _answer_add_feed_dialog(monkeypatch, [
        lambda _dialog: page,
        lambda dialog: shown_again.append(dialog.url.text()) and None])
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, labels, *_a: (labels[1], True))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    widget.add_feed()
    qtbot.waitUntil(lambda: bool(shown_again), timeout=10_000)
    assert warnings == [f"The web page {page} announces the feed {missing}, which was not "
                        "added: The feed was not found (HTTP 404)."]
    assert shown_again == [page]
    assert widget.context.feeds.list_feeds() == []

def test_feed_preferences_are_saved_and_a_bad_proxy_refused(qtbot, make_context, monkeypatch):
    from ambtenaar20.gui.dialogs import preferences_dialog

    context = make_context("en")
    dialog = preferences_dialog.PreferencesDialog(context)
    qtbot.addWidget(dialog)
    warnings = []
    monkeypatch.setattr(preferences_dialog.QMessageBox, "warning",
                        lambda *args: warnings.append(args[2]))
    dialog.feed_preferences.proxy.setText("ftp://nope")
    dialog.accept()
    assert warnings and context.settings.feeds.proxy == ""
    dialog.feed_preferences.proxy.setText("http://proxy.example.nl:8080")
    dialog.feed_preferences.minutes.setValue(0)
    dialog.backup_box.item_days.setValue(90)
    dialog.accept()
    saved = context.settings_store.load().settings
    assert (saved.feeds.proxy, saved.feeds.refresh_minutes, saved.retention.feed_item_days) == (
        "http://proxy.example.nl:8080", 0, 90)


def test_new_refresh_interval_applies_without_restart(qtbot, window, monkeypatch):
    from ambtenaar20.gui.dialogs import preferences_dialog

    follow = window.areas["follow"]
    assert follow.auto_refresh.isActive()
    assert follow.auto_refresh.interval() == 30 * 60_000

    def set_interval(minutes):
        def accept_with(dialog):
            dialog.feed_preferences.minutes.setValue(minutes)
            dialog.accept()
            return preferences_dialog.PreferencesDialog.DialogCode.Accepted

        monkeypatch.setattr(preferences_dialog.PreferencesDialog, "exec", accept_with)
        window.open_preferences()

    set_interval(5)
    assert follow.auto_refresh.interval() == 5 * 60_000
    set_interval(0)
    assert not follow.auto_refresh.isActive()


def test_trend_tab_charts_the_chosen_topic_and_is_built_only_when_opened(qtbot, make_context,
                                                                          feed_server):
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    context = make_context("en")
    now = datetime.now(UTC)
    entries = [{"title": f"Zorg bericht {number}", "guid": f"trend-{number}",
                "link": f"https://example.org/trend/{number}",
                "description": "Goed nieuws over de zorg.",
                "pubDate": format_datetime(now - timedelta(days=number % 3))}
               for number in range(6)]
    context.feeds.add_feed(feed_server.add("/trend.xml", rss("Trend", entries)))
    context.feeds.refresh()
    context.topics.add_topic("Zorg", "zorg")
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.pages.currentIndex() == 1
                    and widget.tree.topLevelItem(1).childCount() == 1, timeout=10_000)
    widget.tree.setCurrentItem(widget.tree.topLevelItem(1).child(0))
    assert widget.trend is None  # QtCharts is not loaded for a tab nobody opened

    widget.tabs.setCurrentWidget(widget.trend_page)

    def charted():
        chart = widget.trend.chart() if widget.trend is not None else None
        if chart is None or chart.title() != "Topic 'Zorg'":
            return False
        return sum(sum(days) for days in widget.trend.figures().values()) == 6

    qtbot.waitUntil(charted, timeout=10_000)
    assert widget.trend.isVisible()
    # The date axis spans exactly the charted days: its last label is the last day (today),
    # not tomorrow's midnight.
    dates = next(axis for axis in widget.trend.chart().axes() if hasattr(axis, "format"))
    days = widget.trend.chart().series()[0].barSets()[0].count()
    assert dates.min().date().daysTo(dates.max().date()) == days - 1
    assert dates.max().time().hour() == 23


def test_dates_in_the_item_list_are_compact_like_a_mail_program():
    from datetime import datetime

    from ambtenaar20.gui.areas.following.item_model import compact_moment

    now = datetime(2026, 11, 27, 15, 0)
    assert compact_moment(datetime(2026, 11, 27, 8, 5), now) == "08:05"
    assert compact_moment(datetime(2026, 11, 26, 21, 56), now) == "26-11 21:56"
    assert compact_moment(datetime(2025, 9, 1, 10, 0), now) == "01-09-2025"


def refreshed(qtbot, area):
    task = area.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=10_000)


def test_opening_an_item_lowers_the_unread_counts_at_once(qtbot, area):
    refreshed(qtbot, area)
    everything = lambda: area.tree.topLevelItem(0).text(0)  # noqa: E731
    qtbot.waitUntil(lambda: everything() == "All items (1000)", timeout=10_000)
    feed_of_first = area.model.row(0)["feed"]
    area.table.setCurrentIndex(area.model.index(0, 0))
    qtbot.waitUntil(lambda: everything() == "All items (999)", timeout=10_000)
    spoken = area.tree.topLevelItem(0).data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "All items: 999 unread items"
    feeds = area.tree.topLevelItem(2)
    counts = {feeds.child(n).text(0) for n in range(feeds.childCount())}
    assert f"{feed_of_first} (19)" in counts  # the feed's own count went down too
    area.table.setCurrentIndex(area.model.index(0, 1))  # the same item again: already read
    qtbot.wait(200)
    assert everything() == "All items (999)"


def test_tab_leaves_the_item_list(qtbot, area):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    refreshed(qtbot, area)
    area.table.setCurrentIndex(area.model.index(0, 0))
    area.activateWindow()
    area.table.setFocus()
    qtbot.waitUntil(area.table.hasFocus, timeout=3000)
    QTest.keyClick(area.table, Qt.Key.Key_Tab)
    assert not area.table.hasFocus()
    assert area.table.currentIndex().column() == 0  # Tab did not walk to the next cell


@pytest.mark.parametrize("button", ["toolbar", "empty state"])
def test_the_add_feed_buttons_open_the_dialog(qtbot, empty_area, monkeypatch, button):
    """Clicked, not called: a button's ``clicked`` passes a flag that must not reach add_feed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    shown = []
    _answer_add_feed_dialog(monkeypatch, [lambda dialog: shown.append(dialog) or None])
    empty_area.show()
    qtbot.waitExposed(empty_area)
    if button == "toolbar":
        target = empty_area.add_feed_button
    else:
        target = next(b for b in empty_area.empty.findChildren(QPushButton)
                      if b.text().replace("&", "") == "Add feed")
    QTest.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)


def _open_first(qtbot, area):
    qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=10_000)
    before = area.reader.item  # the same item may come first in the next list: wait for
    area.table.setCurrentIndex(area.model.index(0, 0))  # it to be shown again, from this list
    item_id = area.model.row(0)["id"]
    qtbot.waitUntil(lambda: area.reader.item is not before and area.reader.item is not None
                    and area.reader.item["id"] == item_id, timeout=10_000)


def _marked_in_text(reader) -> list[str]:
    return [selection.cursor.selectedText() for selection in reader.browser.extraSelections()]


def test_the_reader_marks_the_words_that_brought_the_item_into_the_list(qtbot, area):
    refreshed(qtbot, area)
    title = area.reader.title
    # A topic: its words in the title ("Bericht 3-19 over de zorg"), marked; read out plain.
    topics = area.tree.topLevelItem(1)
    qtbot.waitUntil(lambda: topics.childCount() == 1, timeout=10_000)
    area.tree.setCurrentItem(topics.child(0))
    _open_first(qtbot, area)
    assert title.textFormat() == Qt.TextFormat.RichText
    assert '<span style="background-color:#ffe566; color:#000000">zorg</span>' in title.text()
    assert title.accessibleName() == area.reader.item["title"]
    assert _marked_in_text(area.reader) == []  # the text says "Tekst 19": nothing of the topic's
    # A search: its words in the text, not the topic's in the title.
    area.search.setText("tekst -bron2")
    area.search.returnPressed.emit()
    _open_first(qtbot, area)
    assert _marked_in_text(area.reader) == ["Tekst"]
    assert area.reader.marked == 1
    assert area.reader.browser.accessibleDescription() == \
        "1 place marked: the words of the topic or the search"
    assert title.textFormat() == Qt.TextFormat.PlainText
    # All items: the words of the topics the item is in.
    area.search.clear()
    area.tree.setCurrentItem(area.tree.topLevelItem(0))
    _open_first(qtbot, area)
    assert "zorg</span>" in title.text()
    # No item: nothing marked, plain text again.
    area.reader.show_item(None)
    assert area.reader.browser.extraSelections() == [] and area.reader.marked == 0
    assert title.textFormat() == Qt.TextFormat.PlainText


def test_a_marked_title_stays_text_not_html(qtbot):
    from ambtenaar20.core.feeds.highlights import included_terms
    from ambtenaar20.gui.areas.following.reader import ReaderPane

    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_item({"id": 1, "title": "Het <b>zorg</b>-element & meer", "feed": "F",
                      "published": "2025-09-01T10:00:00+00:00", "html": "<p>zorg</p>",
                      "link": "", "read": True, "starred": False, "needs_response": False,
                      "sentiment": None, "lang": "nl", "highlight": included_terms(["zorg"])})
    assert reader.title.text() == (
        'Het &lt;b&gt;<span style="background-color:#ffe566; color:#000000">zorg</span>'
        "&lt;/b&gt;-element &amp; meer")
    assert _marked_in_text(reader) == ["zorg"]


def test_a_long_title_word_broken_for_the_width_is_marked_and_counted(qtbot):
    from ambtenaar20.core.feeds.highlights import included_terms
    from ambtenaar20.gui.areas.following.long_words import BREAK
    from ambtenaar20.gui.areas.following.reader import ReaderPane

    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.resize(220, 500)
    reader.show()
    qtbot.waitExposed(reader)
    word = "Omgevingsvergunningaanvraagbehandelingsprocedures"
    reader.show_item({"id": 1, "title": f"Over {word}", "feed": "F",
                      "published": "2025-09-01T10:00:00+00:00", "html": "<p>Geen.</p>",
                      "link": "", "read": True, "starred": False, "needs_response": False,
                      "sentiment": None, "lang": "nl",
                      "highlight": included_terms([word.lower()])})
    text = reader.title.text()
    assert BREAK in text  # broken for the width, as before
    assert 'color:#000000">' + BREAK.join(word) + "</span>" in text
    # Read out: the title's mark counts, though the text has none.
    assert reader.marked == 1
    assert reader.browser.accessibleDescription().startswith("1 ")


def test_trend_axis_numbers_follow_the_language(qtbot):
    """QA s7 11: the average-tone axis read "0.50" in the Dutch window."""
    from PySide6.QtCore import QLocale

    from ambtenaar20.gui.areas.following.trend_chart import TrendChart

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    try:
        chart = TrendChart()
        qtbot.addWidget(chart)
        chart.show_series("Zorg", [{"day": "2026-11-27", "items": 1, "polarity": 0.5,
                                    "positive": 1, "neutral": 0, "negative": 0,
                                    "unscored": 0}])
        shown = chart.chart()
        assert shown.localizeNumbers()
        assert shown.locale().toString(0.5, "f", 2) == "0,50"
    finally:
        QLocale.setDefault(before)
