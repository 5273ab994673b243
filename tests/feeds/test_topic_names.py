"""A topic is found by its name ignoring case and accents, and such a name cannot be added twice."""

from __future__ import annotations

import json

import pytest

from ambtenaar20.core.errors import UsageError
from tests.feeds.feed_server import rss
from tests.helpers import run_cli

ITEMS = [
    {"title": "Hittestress in de binnenstad", "link": "https://example.org/1", "guid": "h1",
     "description": "Hitte in de stad.", "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Nieuwe fietsbrug", "link": "https://example.org/2", "guid": "f1",
     "description": "Een brug voor fietsers.", "pubDate": "Tue, 07 Sep 2021 08:00:00 +0000"},
]


def cli(data_dir, *args):
    return run_cli("--data-dir", str(data_dir), "--lang", "en", *args)


def test_cli_finds_a_topic_whatever_its_case_and_refuses_a_look_alike(data_dir, feed_server):
    url = feed_server.add("/hitte.xml", rss("Gemeente", ITEMS))
    assert cli(data_dir, "feeds", "add", url).returncode == 0
    assert cli(data_dir, "topics", "add", "Hittestress", "--query", "hitte*").returncode == 0
    assert cli(data_dir, "refresh").returncode == 0

    for look_alike in ("hittestress", "HITTESTRESS", "Hittéstress", " hittestress "):
        refused = cli(data_dir, "topics", "add", look_alike, "--query", "hitte*")
        assert refused.returncode == 2
        assert refused.stderr.strip().splitlines() == [
            "ambtenaar20: A topic named 'Hittestress' already exists."]
    topics = json.loads(cli(data_dir, "topics", "list", "--format", "json").stdout)
    assert [topic["name"] for topic in topics] == ["Hittestress"]

    listed = cli(data_dir, "items", "list", "--topic", "hittéstress", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [item["title"] for item in json.loads(listed.stdout)] == [
        "Hittestress in de binnenstad"]

    removed = cli(data_dir, "topics", "remove", "HITTESTRESS")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.strip() == "Topic 'Hittestress' removed."
    assert json.loads(cli(data_dir, "topics", "list", "--format", "json").stdout) == []
    unknown = cli(data_dir, "items", "list", "--topic", "hittestress")
    assert unknown.returncode == 2 and "no topic named 'hittestress'" in unknown.stderr


def test_services_look_topics_up_ignoring_case_and_accents(context):
    topics, items = context.topics, context.items
    topics.add_topic("Financiën", "financien")
    assert topics.topic("financien")["name"] == "Financiën"
    assert topics.queries_of(["FINANCIEN"]) == ["financien"]
    assert items.count_items(topic="financiën") == 0
    assert len(items.trend("FINANCIËN", days=3)) >= 3

    # Renaming to a spelling of its own name is allowed; to another topic's name is not.
    assert topics.update_topic("financien", new_name="financiën")["name"] == "financiën"
    topics.add_topic("Zorg", "zorg")
    with pytest.raises(UsageError, match="'financiën' already exists"):
        topics.update_topic("zorg", new_name="FINANCIEN")
    with pytest.raises(UsageError, match="'Zorg' already exists"):
        topics.add_topic("zórg", "zorg")


def test_an_exact_name_wins_in_an_older_folder_with_both_spellings(context):
    """Before names were compared folded, both spellings could be added."""
    context.topics.add_topic("Hittestress", "hitte")
    context.store.db.execute("INSERT INTO topics (name, query, notify, added) "
                       "VALUES ('hittestress', 'stress', 0, '2024-01-01T00:00:00Z')")
    assert context.topics.topic("hittestress")["query"] == "stress"
    assert context.topics.topic("Hittestress")["query"] == "hitte"
