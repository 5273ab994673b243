"""The Verloop chart follows the stored items while it is open: new items (a refresh in the
window, or ``ambtenaar20 refresh`` in a terminal), tones scored or corrected, without the topic
being chosen again, and it asks nothing while its tab is not on screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from PySide6.QtWidgets import QApplication

from ambtenaar20.gui.areas.following import trend_follow
from ambtenaar20.gui.areas.following.area import FollowingArea
from tests.feeds.feed_server import rss
from tests.helpers import run_cli


def entries(first: int, count: int) -> list[dict[str, str]]:
    now = datetime.now(UTC)
    return [{"title": f"Zorg bericht {number}", "guid": f"trend-{number}",
             "link": f"https://example.org/trend/{number}",
             "description": "Goed nieuws over de zorg. Een mooie en fijne dag.",
             "pubDate": format_datetime(now - timedelta(days=number % 3, minutes=1))}
            for number in range(first, first + count)]


def total(chart) -> int:
    return sum(sum(days) for days in chart.figures().values())


def tone_count(chart, tone: str) -> int:
    return sum(chart.figures()[tone])


def counts_fit(chart) -> bool:
    """Whether the count axis reaches the highest day's bar (no bar is cut off)."""
    axis = next(axis for axis in chart.chart().axes() if axis.titleText() == "items")
    days = zip(*chart.figures().values(), strict=True)
    return axis.max() >= max(sum(day) for day in days)


def look_often(area) -> None:
    """Look for other processes' writes every 0.1 s, so that a test need not wait 15 s."""
    area.trend_follower.poll.setInterval(100)


@pytest.fixture
def chart_open(qtbot, make_context, feed_server, monkeypatch):
    """The area with the Verloop tab open on the topic "Zorg" (6 items); a served feed that the
    test can give more items (``serve``). It looks for other processes' writes only after the
    test: what happens in the window must show without waiting for that."""
    monkeypatch.setattr(trend_follow, "POLL_MS", 3_600_000)
    context = make_context("en")

    def serve(count: int) -> str:
        return feed_server.add("/trend.xml", rss("Trend", entries(0, count)))

    context.feeds.add_feed(serve(6))
    context.feeds.refresh()
    context.topics.add_topic("Zorg", "zorg")
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.pages.currentIndex() == 1
                    and widget.tree.topLevelItem(1).childCount() == 1, timeout=10_000)
    widget.tree.setCurrentItem(widget.tree.topLevelItem(1).child(0))
    widget.tabs.setCurrentWidget(widget.trend_page)
    qtbot.waitUntil(lambda: widget.trend is not None and total(widget.trend) == 6,
                    timeout=10_000)
    qtbot.wait(50)  # laid out
    assert counts_fit(widget.trend)
    return widget, serve


def test_a_refresh_in_the_window_and_its_tone_pass_show_in_the_open_chart(qtbot, chart_open):
    area, serve = chart_open
    assert tone_count(area.trend, "unscored") == 6  # stored by the refresh, not scored yet
    # Focus in the search box: focus in the list would choose an item, and that opens the
    # Bericht tab (when the window is active, as after another test).
    area.search.setFocus()
    drawn = area.trend.chart()
    serve(10)
    task = area.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass
    # The new items, then their tone from the pass that follows the refresh.
    qtbot.waitUntil(lambda: total(area.trend) == 10
                    and tone_count(area.trend, "unscored") == 0, timeout=10_000)
    assert tone_count(area.trend, "positive") == 10
    assert counts_fit(area.trend)
    assert area.trend.chart() is drawn  # changed in place, not a new chart flashing up
    assert area.tabs.currentWidget() is area.trend_page
    if QApplication.focusWidget() is not None:
        assert QApplication.focusWidget() is area.search


def test_items_added_by_the_cli_show_in_the_open_chart(qtbot, chart_open, data_dir):
    area, serve = chart_open
    look_often(area)
    serve(9)
    result = run_cli("--data-dir", str(data_dir), "refresh", "--format", "json")
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: total(area.trend) == 9, timeout=10_000)
    assert counts_fit(area.trend)


def test_a_tone_set_through_the_service_shows_in_the_open_chart(qtbot, chart_open):
    area, _serve = chart_open
    look_often(area)
    items = area.context.items
    items.analyse_pending()
    qtbot.waitUntil(lambda: tone_count(area.trend, "positive") == 6, timeout=10_000)
    first = items.item_ids(topic="Zorg")[0]
    items.set_sentiment_override(first, "negative")
    qtbot.waitUntil(lambda: tone_count(area.trend, "negative") == 1, timeout=10_000)
    assert tone_count(area.trend, "positive") == 5 and total(area.trend) == 6


def test_a_tone_corrected_in_the_reader_shows_when_the_chart_is_back(qtbot, chart_open):
    area, _serve = chart_open
    area.context.items.analyse_pending()
    area.model.reread_rows()  # as the tone pass after a refresh does
    qtbot.waitUntil(lambda: tone_count(area.trend, "positive") == 6, timeout=10_000)
    area.table.setCurrentIndex(area.model.index(0, 0))
    qtbot.waitUntil(lambda: area.reader.item is not None, timeout=10_000)
    area.reader.sentiment_changed.emit(area.reader.item["id"], "negative")
    qtbot.waitUntil(lambda: area.model.row(0)["sentiment"] == "negative", timeout=10_000)
    area.tabs.setCurrentWidget(area.trend_page)
    qtbot.waitUntil(lambda: tone_count(area.trend, "negative") == 1, timeout=10_000)


def test_nothing_is_asked_while_the_tab_is_away_and_all_is_shown_when_it_is_back(
        qtbot, chart_open, monkeypatch):
    area, serve = chart_open
    look_often(area)
    items = area.context.items
    asked = []
    trend = items.trend
    monkeypatch.setattr(items, "trend", lambda *args: asked.append(args) or trend(*args))
    area.tabs.setCurrentWidget(area.reader)
    serve(8)
    area.context.feeds.refresh()
    area.model.reread_rows()  # what the tone pass tells the area
    area.reload_lists()
    qtbot.wait(500)  # several polling intervals
    assert asked == []
    assert total(area.trend) == 6
    area.tabs.setCurrentWidget(area.trend_page)
    qtbot.waitUntil(lambda: total(area.trend) == 8, timeout=10_000)
    assert asked


def test_coming_back_to_the_window_shows_what_another_process_wrote(qtbot, chart_open,
                                                                     make_context):
    from PySide6.QtCore import Qt

    area, serve = chart_open
    serve(7)
    elsewhere = make_context("en")  # another process's own connection to the same store
    elsewhere.feeds.refresh()
    qtbot.wait(300)
    assert total(area.trend) == 6  # nothing tells this process; it looks only every 15 s
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.waitUntil(lambda: total(area.trend) == 7, timeout=10_000)
