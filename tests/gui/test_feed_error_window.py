"""The Volgen area and failed feeds (QA s5 #2, #15): the tooltip on "⚠ feed" is in the window's
language whatever language the refresh ran in; the status message says how many feeds wait
after an error and until when; the Refresh button does not wait out the back-off.

Real refreshes against a loopback server and a closed port.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from ambtenaar20.core import i18n
from ambtenaar20.gui.areas.following.area import FollowingArea
from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE
from tests.feeds.feed_server import rss

REFUSED = "The server refused the connection."


def build_area(qtbot, context) -> FollowingArea:
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def feed_tooltips(qtbot, widget, count: int) -> list[str]:
    def feeds():
        return [node for node in widget.tree.nodes() if node.data(0, KIND_ROLE) == "feed"]

    qtbot.waitUntil(lambda: len(feeds()) == count, timeout=10_000)
    return [node.toolTip(0) for node in feeds()]


@pytest.mark.parametrize(("refreshed_in", "shown_in"), [("en", "nl"), ("nl", "en")])
def test_the_tooltip_of_a_failed_feed_is_in_the_window_language(qtbot, make_context,
                                                                refreshed_in, shown_in):
    context = make_context(refreshed_in)
    context.feeds.add_feed("http://127.0.0.1:9/feed.xml")  # discard port: refused
    [outcome] = context.feeds.refresh().feeds
    assert outcome.error == i18n.gettext_in(refreshed_in, REFUSED)
    i18n.set_language(shown_in)
    [tooltip] = feed_tooltips(qtbot, build_area(qtbot, context), 1)
    assert i18n.gettext_in(shown_in, REFUSED) in tooltip
    assert i18n.gettext_in(refreshed_in, REFUSED) not in tooltip


def clock(stamp: str) -> str:
    local = datetime.fromisoformat(stamp).astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def refreshed(said: list[str]) -> list[str]:
    """The messages that end a refresh (others say how many items the list shows)."""
    return [message for message in said if " · last refreshed " in message]


def test_the_status_says_which_feeds_wait_and_the_button_fetches_them(qtbot, make_context,
                                                                     feed_server,
                                                                     monkeypatch):
    context = make_context("en")
    url = feed_server.add("/flaky.xml", b"kapot", status=500, content_type="text/plain")
    context.feeds.add_feed(url)
    context.feeds.refresh()
    context.feeds.refresh()  # the second failure: the feed backs off
    [feed] = context.feeds.list_feeds()
    assert feed["next_poll"]
    feed_server.add("/flaky.xml", rss("Flaky", [{"title": "Nieuws", "guid": "1",
                                                 "pubDate": "Mon, 06 Sep 2021 16:45:00 GMT"}]))
    widget = build_area(qtbot, context)
    said: list[str] = []
    monkeypatch.setattr(widget, "_say", said.append)

    widget.auto_refresh.timeout.emit()  # the automatic refresh waits out the back-off
    with qtbot.waitSignal(widget.refresh_task.signals.finished, timeout=30_000):
        pass
    [message] = refreshed(said)
    assert message.startswith("0 new items · last refreshed ")
    assert message.endswith(" · 1 feed is waiting after an error; it is tried again at "
                            f"{clock(feed['next_poll'])}.")
    assert len(feed_server.hits("/flaky.xml")) == 2

    said.clear()
    qtbot.mouseClick(widget.refresh_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(widget.refresh_task.signals.finished, timeout=30_000):
        pass
    [message] = refreshed(said)
    assert message.startswith("1 new item · last refreshed ")
    assert "waiting" not in message
    assert len(feed_server.hits("/flaky.xml")) == 3
