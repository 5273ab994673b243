"""The tray message after a refresh: only for topics that ask for it and got new items.

Offscreen Qt has no system tray, so the tests stand in for a desktop that has one
(``tray_available``) and record what reaches ``QSystemTrayIcon.showMessage``; the refresh, the
topics and the tray icon itself are real. Feeds come from a real loopback HTTP server.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from ambtenaar20.gui.areas.following.area import FollowingArea
from ambtenaar20.gui.areas.following.refresh_control import tray_notice
from tests.feeds.feed_server import rss


@pytest.fixture
def shown(monkeypatch):
    """Every tray message, as (title, text); the tray counts as available."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(FollowingArea, "tray_available", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda _tray, title, text, *rest: messages.append((title, text)))
    return messages


def build_area(qtbot, make_context, feed_server, language="en"):
    context = make_context(language)
    assert context.store
    for index in range(3):
        items = [{"title": f"Bericht {index}-{n} over de zorg", "guid": f"{index}-{n}",
                  "link": f"https://example.org/{index}/{n}",
                  "description": f"Tekst {n}" + (" over de fiets" if n < 2 else ""),
                  "pubDate": "Mon, 01 Sep 2025 10:00:00 +0000"} for n in range(5)]
        context.feeds.add_feed(feed_server.add(f"/n{index}.xml", rss(f"Feed {index}", items)))
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def refresh_and_wait(qtbot, widget) -> None:
    task = widget.refresh()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        pass


def test_message_names_only_notifying_topics_with_new_items(qtbot, make_context, feed_server,
                                                             shown):
    widget = build_area(qtbot, make_context, feed_server)
    topics = widget.context.topics
    topics.add_topic("Zorg", "zorg", notify=True)      # 15 new items
    topics.add_topic("Fiets", "fiets", notify=True)    # 6 new items
    topics.add_topic("Wonen", "wonen", notify=True)    # matches nothing: not mentioned
    topics.add_topic("Stil", "zorg", notify=False)     # matches, but asked for no message

    refresh_and_wait(qtbot, widget)

    assert shown == [("New items for your topics", "Fiets: 6 new; Zorg: 15 new")]
    assert isinstance(widget._tray, QSystemTrayIcon) and widget._tray.isVisible()

    # Nothing new the second time (every feed answers 304): no message at all.
    refresh_and_wait(qtbot, widget)
    assert len(shown) == 1


def test_no_message_and_no_tray_icon_without_notifying_topics(qtbot, make_context, feed_server,
                                                             shown):
    widget = build_area(qtbot, make_context, feed_server)
    widget.context.topics.add_topic("Zorg", "zorg", notify=False)
    refresh_and_wait(qtbot, widget)
    assert widget.context.items.count_items(topic="Zorg") == 15
    assert shown == [] and widget._tray is None


def test_no_tray_no_message(qtbot, make_context, feed_server, monkeypatch):
    widget = build_area(qtbot, make_context, feed_server)
    widget.context.topics.add_topic("Zorg", "zorg", notify=True)
    calls = []
    monkeypatch.setattr(FollowingArea, "tray_available", staticmethod(lambda: False))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda *args: calls.append(args))
    refresh_and_wait(qtbot, widget)
    assert widget.context.items.count_items(topic="Zorg") == 15
    assert calls == [] and widget._tray is None


def test_notice_text_in_dutch(make_context):
    make_context("nl")
    assert tray_notice({"Zorg": 2, "Wonen": 0, "Fiets": 1}, {"Zorg", "Wonen"}) == (
        "Nieuwe berichten bij uw onderwerpen", "Zorg: 2 nieuw")
    assert tray_notice({"Zorg": 0}, {"Zorg"}) is None
    assert tray_notice({"Zorg": 4}, set()) is None
