"""``refresh`` says "1 nieuw bericht", not "1 nieuwe berichten": its counts are real plurals."""

from __future__ import annotations

import json

import pytest

from tests.feeds.feed_server import rss
from tests.helpers import run_cli

ONE_ITEM = [{"title": "Zorg in de wijk", "link": "https://example.org/1", "guid": "z1",
             "description": "De zorg in de wijk wordt beter.",
             "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}]
TWO_ITEMS = [*ONE_ITEM, {"title": "Meer zorg", "link": "https://example.org/2", "guid": "z2",
                         "description": "Nog meer zorg.",
                         "pubDate": "Tue, 07 Sep 2021 16:45:00 +0000"}]


@pytest.mark.parametrize(("lang", "items", "total", "topic"), [
    ("nl", ONE_ITEM, "1 nieuw bericht.", "Onderwerp 'Zorg': 1 nieuw bericht."),
    ("en", ONE_ITEM, "1 new item.", "Topic 'Zorg': 1 new match."),
    ("nl", TWO_ITEMS, "2 nieuwe berichten.", "Onderwerp 'Zorg': 2 nieuwe berichten."),
    ("en", TWO_ITEMS, "2 new items.", "Topic 'Zorg': 2 new matches."),
])
def test_refresh_counts_in_singular_and_plural(data_dir, feed_server, lang, items, total,
                                               topic):
    def cli(*args):
        return run_cli("--data-dir", str(data_dir), "--lang", lang, *args)

    url = feed_server.add("/zorg.xml", rss("Gemeente", items))
    assert cli("feeds", "add", url).returncode == 0
    assert cli("topics", "add", "Zorg", "--query", "zorg").returncode == 0
    result = cli("refresh")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert total in lines and topic in lines, lines


def test_refresh_json_is_unchanged_by_the_wording(data_dir, feed_server):
    url = feed_server.add("/zorg.xml", rss("Gemeente", ONE_ITEM))
    run_cli("--data-dir", str(data_dir), "feeds", "add", url)
    run_cli("--data-dir", str(data_dir), "topics", "add", "Zorg", "--query", "zorg")
    report = json.loads(run_cli("--data-dir", str(data_dir), "refresh", "--format",
                                "json").stdout)
    assert report["new_items"] == 1 and report["matched"] == {"Zorg": 1}
