"""``ambtenaar20 tone-words``: a word added to the officer's list scores the stored items again.

Run as a user would, against items fetched from a loopback feed server: ``items list`` must show
the tone the new list gives, and a tone the officer set by hand stays.
"""

from __future__ import annotations

import json

import pytest

from tests.feeds.feed_server import rss
from tests.feeds.test_cli_feeds import cli

ITEMS = [
    {"title": "Lage grondwaterstand in Salland", "link": "https://example.org/1", "guid": "w1",
     "description": "Het waterschap meet de grondwaterstand elke week.",
     "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Laag water in de IJssel", "link": "https://example.org/2", "guid": "w2",
     "description": "Het waterschap meet de waterstand elke week.",
     "pubDate": "Tue, 07 Sep 2021 08:00:00 +0000"},
    {"title": "Bewoners boos over kap van bomen", "link": "https://example.org/3", "guid": "w3",
     "description": "Bewoners zijn woedend: dit is echt belachelijk.",
     "pubDate": "Wed, 08 Sep 2021 08:00:00 +0000"},
]


def listing(data_dir):
    result = cli(data_dir, "items", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {item["title"]: item for item in json.loads(result.stdout)}


@pytest.fixture
def fetched(data_dir, feed_server):
    url = feed_server.add("/water.xml", rss("Waterschap", ITEMS))
    assert cli(data_dir, "feeds", "add", url).returncode == 0
    assert cli(data_dir, "refresh").returncode == 0
    return listing(data_dir)


def test_an_added_word_rescores_the_stored_items(data_dir, fetched):
    low, water, angry = (fetched[title] for title in
                         ("Lage grondwaterstand in Salland", "Laag water in de IJssel",
                          "Bewoners boos over kap van bomen"))
    assert low["sentiment"] == water["sentiment"] == angry["sentiment"] == "negative"
    # The officer corrected one by hand: that choice stays whatever the list says.
    assert cli(data_dir, "items", "tone", str(water["id"]), "negative").returncode == 0

    added = cli(data_dir, "tone-words", "add", "Laag")
    assert added.returncode == 0, added.stderr
    assert added.stdout == ("Added to the words without tone: laag.\n"
                            "2 stored items scored again, 2 of them with another tone.\n")
    after = listing(data_dir)
    assert (after[low["title"]]["sentiment"], after[low["title"]]["polarity"]) == ("neutral", 0.0)
    assert after[water["title"]]["sentiment"] == "negative"  # "door u aangepast"
    assert after[water["title"]]["polarity"] == 0.0  # the computed score follows the list
    assert after[angry["title"]] == angry  # holds no word of the list: untouched

    listed = cli(data_dir, "tone-words", "list", "--format", "json")
    assert json.loads(listed.stdout)["words"] == ["laag"]
    assert "groen" in json.loads(listed.stdout)["built_in"]["nl"]

    removed = cli(data_dir, "tone-words", "remove", "laag", "--format", "json")
    assert json.loads(removed.stdout) == {"removed": ["laag"], "rescored": 2, "changed": 2}
    assert listing(data_dir)[low["title"]]["sentiment"] == "negative"


def test_bad_words_exit_2_and_change_nothing(data_dir):
    bad = cli(data_dir, "tone-words", "add", "#klimaat")
    assert bad.returncode == 2 and "#klimaat" in bad.stderr
    missing = cli(data_dir, "tone-words", "remove", "hitte")
    assert missing.returncode == 2 and "hitte" in missing.stderr
    again = cli(data_dir, "tone-words", "list")
    assert again.stdout.startswith("0 words without tone\n")
