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


def test_a_listed_word_is_not_added_again_and_one_built_in_for_dutch_is(data_dir):
    # QA s6/qa-d 7: one listed word was named in the plural; a built-in word was added silently.
    assert cli(data_dir, "tone-words", "add", "laag").returncode == 0
    again = cli(data_dir, "tone-words", "add", "Laag")
    assert again.returncode == 0
    assert again.stdout == "That word is in the list already; nothing changed.\n"
    # Built in for Dutch only: added, since the officer's list applies to English text too.
    mixed = cli(data_dir, "tone-words", "add", "groen", "hitte", "--format", "json")
    assert json.loads(mixed.stdout) == {"added": ["groen", "hitte"], "rescored": 0,
                                        "changed": 0, "built_in": []}
    listed = cli(data_dir, "tone-words", "list", "--format", "json")
    assert json.loads(listed.stdout)["words"] == ["laag", "groen", "hitte"]


def test_a_word_built_in_for_every_language_is_not_added(monkeypatch):
    from ambtenaar20.core.analysis import toneless_words

    monkeypatch.setattr(toneless_words, "BUILT_IN", {"nl": frozenset({"groen", "nat"}),
                                                     "en": frozenset({"groen", "green"})})
    assert toneless_words.built_in_words(["Groen", "nat", "hitte"]) == ["groen"]
    saved, added = toneless_words.add_words(["laag"], ["groen", "nat"])
    assert (saved, added) == (["laag", "nat"], ["nat"])
