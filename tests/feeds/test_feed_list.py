"""The feed list is in the order people count: Feed 2 before Feed 10, per category."""

from __future__ import annotations


def test_feeds_are_listed_in_natural_order(context):
    for title in ("Feed 10", "Feed 2", "feed 1", "Alfa", ""):
        context.feeds.add_feed(f"http://127.0.0.1:9/{title or 'zonder-titel'}.xml", title)
    names = [feed["title"] or feed["url"] for feed in context.feeds.list_feeds()]
    assert names == ["Alfa", "feed 1", "Feed 2", "Feed 10",
                     "http://127.0.0.1:9/zonder-titel.xml"]
