"""A topic's trend counts its items per day by tone: the officer's correction counts, and items
not scored yet are counted apart, so the bars add up to the items of the day."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from tests.feeds.feed_server import rss


def test_trend_counts_each_days_items_by_tone_with_the_officers_correction(context,
                                                                          feed_server):
    now = datetime.now(UTC)
    texts = ["Goed nieuws over de zorg, een mooie dag.", "Slecht nieuws over de zorg, boos.",
             "De zorg vergadert dinsdag."]
    entries = [{"title": f"Zorg {number}", "guid": f"z{number}",
                "link": f"https://example.org/{number}", "description": texts[number % 3],
                "pubDate": format_datetime(now - timedelta(days=number % 2, minutes=1))}
               for number in range(6)]
    context.feeds.add_feed(feed_server.add("/zorg.xml", rss("Zorg", entries)))
    context.feeds.refresh()
    context.topics.add_topic("Zorg", "zorg")
    items = context.items

    before = items.trend("Zorg", days=3)
    assert [point["items"] for point in before] == [0, 3, 3]
    assert all(point["unscored"] == point["items"] for point in before)  # not scored yet

    items.analyse_pending()
    scored = items.trend("Zorg", days=3)
    for point in scored:
        assert point["unscored"] == 0
        assert point["positive"] + point["neutral"] + point["negative"] == point["items"]
    totals = {tone: sum(point[tone] for point in scored)
              for tone in ("positive", "neutral", "negative")}
    assert totals["positive"] >= 1 and totals["negative"] >= 1

    first = items.item_ids(topic="Zorg")[0]
    computed = items.item(first)["sentiment"]
    corrected = "neutral" if computed != "neutral" else "negative"
    items.set_sentiment_override(first, corrected)
    after = items.trend("Zorg", days=3)
    assert sum(point[corrected] for point in after) == totals[corrected] + 1
    assert sum(point[computed] for point in after) == totals[computed] - 1
    assert [point["items"] for point in after] == [0, 3, 3]


def test_trend_days_are_those_of_the_officers_clock(context, feed_server):
    """QA s7 6: the chart counted per UTC day while the list shows local times, so an item of
    00:05 in Amsterdam sat under the day before."""
    amsterdam = ZoneInfo("Europe/Amsterdam")
    yesterday = datetime.now(amsterdam).date() - timedelta(days=1)
    just_after_midnight = datetime.combine(yesterday, time(0, 5), amsterdam)
    entries = [{"title": "Zorg na middernacht", "guid": "midnight", "link": "https://example.org/m",
                "description": "De zorg vergadert.", "pubDate": format_datetime(
                    just_after_midnight.astimezone(UTC))}]
    context.feeds.add_feed(feed_server.add("/midnight.xml", rss("Zorg", entries)))
    context.feeds.refresh()
    context.topics.add_topic("Zorg", "zorg")

    local = {point["day"]: point["items"] for point in
             context.items.trend("Zorg", days=5, zone=amsterdam)}
    assert local[yesterday.isoformat()] == 1
    assert sum(local.values()) == 1
    in_utc = {point["day"]: point["items"] for point in
              context.items.trend("Zorg", days=5, zone=UTC)}
    assert in_utc[(yesterday - timedelta(days=1)).isoformat()] == 1
