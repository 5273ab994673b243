"""Feeds that wait after an error (QA s5 #15): a refresh says how many and until when, and a
refresh the officer asks for does not wait out the back-off, only a server's request to wait.

Real loopback HTTP: a feed that fails twice (HTTP 500, so it backs off) and then answers, and
one whose server answers 429 with ``Retry-After``.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.feeds.waiting import waiting_note
from tests.feeds.feed_server import rss
from tests.helpers import run_cli

ITEM = {"title": "Nieuws", "link": "https://example.org/1", "guid": "1",
        "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}


def clock(moment: str | datetime) -> str:
    """As the refresh says it: the local time, with the date when that is not today."""
    local = (datetime.fromisoformat(moment) if isinstance(moment, str) else moment).astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir, "en")
    yield ctx
    ctx.close()


def back_off(context, feed_server) -> tuple[str, dict]:
    """A feed that failed twice (waiting now) and answers again; its row."""
    url = feed_server.add("/flaky.xml", b"kapot", status=500, content_type="text/plain")
    context.feeds.add_feed(url)
    context.feeds.refresh()
    context.feeds.refresh()
    [feed] = context.feeds.list_feeds()
    assert feed["failures"] == 2 and feed["next_poll"] > feed["last_checked"]
    feed_server.add("/flaky.xml", rss("Flaky", [ITEM]))
    return url, feed


def test_an_automatic_refresh_says_which_feeds_wait_and_until_when(context, feed_server):
    _url, feed = back_off(context, feed_server)
    report = context.feeds.refresh()  # as the window's timer does
    assert report.feeds == [] and report.as_dict() == {"feeds": [], "new_items": 0,
                                                       "matched": {}}
    assert [(entry.feed_id, entry.server_asked) for entry in report.waiting] == \
        [(feed["id"], False)]
    assert waiting_note(report.waiting) == (
        f"1 feed is waiting after an error; it is tried again at {clock(feed['next_poll'])}.")
    assert len(feed_server.hits("/flaky.xml")) == 2


def test_a_refresh_the_officer_asks_for_does_not_wait_out_the_back_off(context, feed_server,
                                                                       data_dir):
    url, _feed = back_off(context, feed_server)
    context.close()
    refreshed = run_cli("--data-dir", str(data_dir), "--lang", "en", "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout.splitlines()[0] == "Flaky: 1 new"
    assert "waiting" not in refreshed.stdout
    assert len(feed_server.hits("/flaky.xml")) == 3
    listed = json.loads(run_cli("--data-dir", str(data_dir), "feeds", "list", "--format",
                                "json").stdout)
    assert [(feed["url"], feed["status"], feed["error"]) for feed in listed] == \
        [(url, "ok", None)]


def test_a_server_that_asked_to_wait_is_left_alone_and_the_refresh_says_so(context,
                                                                          feed_server,
                                                                          data_dir):
    feed_server.add("/busy.xml", b"busy", status=429, content_type="text/plain",
                    headers={"Retry-After": "3600"})
    context.feeds.add_feed(feed_server.url("/busy.xml"))
    context.close()
    first = run_cli("--data-dir", str(data_dir), "--lang", "en", "refresh")
    assert "429" in first.stdout, first.stderr
    until = json.loads(run_cli("--data-dir", str(data_dir), "feeds", "list", "--format",
                               "json").stdout)
    assert until[0]["status"] == "error"

    again = run_cli("--data-dir", str(data_dir), "--lang", "en", "refresh")
    context = create_app_context(data_dir, "en")
    [feed] = context.feeds.refresh_queue()[1]
    context.close()
    time = clock(feed.until)
    assert again.stdout.splitlines() == [
        "0 new items.",
        f"1 feed is waiting because its server asked to; it is tried again at {time}."]
    dutch = run_cli("--data-dir", str(data_dir), "--lang", "nl", "refresh")
    assert f"1 feed wacht omdat de server daarom vroeg; die wordt om {time} opnieuw " \
        "geprobeerd." in dutch.stdout
    # The JSON contract is untouched: no word about waiting feeds.
    as_json = run_cli("--data-dir", str(data_dir), "refresh", "--format", "json")
    assert json.loads(as_json.stdout) == {"feeds": [], "new_items": 0, "matched": {}}
    assert len(feed_server.hits("/busy.xml")) == 1
