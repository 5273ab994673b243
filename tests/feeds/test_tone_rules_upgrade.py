"""Items stored under older tone rules are scored again once, keeping a tone set by hand
(stop 6: "Green roofs: costs and benefits" stayed negative, and the trend with it)."""

from __future__ import annotations

import json

import pytest

from ambtenaar20.core.analysis.sentiment import TONE_RULES_VERSION
from ambtenaar20.core.cancellation import Cancelled, CancelToken
from ambtenaar20.core.feeds import tone_rules_upgrade as upgrade
from tests.feeds.feed_server import rss
from tests.feeds.test_cli_feeds import cli

ITEMS = [
    {"title": "Green roofs: costs and benefits", "link": "https://example.org/1", "guid": "g1",
     "description": "A balanced look at the costs.",
     "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Koele plekken kaart online", "link": "https://example.org/2", "guid": "k1",
     "description": "Op de kaart vindt u koele plekken in de stad tijdens een hittegolf.",
     "pubDate": "Tue, 07 Sep 2021 08:00:00 +0000"},
    {"title": "Bewoners boos over kap van bomen", "link": "https://example.org/3", "guid": "b1",
     "description": "Dit is echt belachelijk.",
     "pubDate": "Wed, 08 Sep 2021 08:00:00 +0000"},
]


def fetch(context, feed_server) -> dict[str, int]:
    context.feeds.add_feed(feed_server.add("/tone.xml", rss("Gemeente", ITEMS)))
    context.feeds.refresh()
    return {title: item_id for item_id, title in context.items.db.execute(
        "SELECT id, title FROM items")}


def score_under_old_rules(db, version: int | None) -> None:
    """What the version before this one stored: green and koel counted as negative."""
    with db.atomic():
        db.execute("UPDATE items SET lang = 'en', polarity = -0.35, subjectivity = 0.6, "
                   "sentiment = 'negative'")
        db.execute("DELETE FROM app_meta WHERE key LIKE 'tone_rules_%'")
        if version is not None:
            db.execute("INSERT INTO app_meta (key, value) VALUES (?, ?)",
                       [upgrade.VERSION_KEY, str(version)])


def stored(db, item_id):
    return db.execute("SELECT sentiment, polarity, sentiment_override FROM items WHERE id = ?",
                      [item_id]).fetchone()


def test_old_tones_are_scored_again_once_and_a_hand_set_tone_stays(context, feed_server):
    ids = fetch(context, feed_server)
    db = context.items.db
    for version in (None, 1):  # a database from before the marker, and one of version 1
        score_under_old_rules(db, version)
        context.items.set_sentiment_override(ids["Koele plekken kaart online"], "positive")
        assert upgrade.is_outdated(db)
        assert upgrade.rescore_outdated(context.items) == 3
        green = stored(db, ids["Green roofs: costs and benefits"])
        assert green == ("neutral", 0.0, None)
        # The computed tone follows the new rules; the officer's own stays what is shown.
        assert stored(db, ids["Koele plekken kaart online"]) == ("neutral", 0.0, "positive")
        assert context.items.item(ids["Koele plekken kaart online"])["sentiment"] == "positive"
        assert stored(db, ids["Bewoners boos over kap van bomen"])[0] == "negative"
        assert upgrade.stored_version(db) == TONE_RULES_VERSION
        assert not upgrade.is_outdated(db)
        assert db.execute("SELECT count(*) FROM app_meta WHERE key = ?",
                          [upgrade.MARKED_KEY]).fetchone()[0] == 0
    # The next start does nothing: a tone stored under the current rules is left alone.
    with db.atomic():
        db.execute("UPDATE items SET sentiment = 'positive' WHERE id = ?",
                   [ids["Green roofs: costs and benefits"]])
    assert upgrade.rescore_outdated(context.items) == 0
    assert stored(db, ids["Green roofs: costs and benefits"])[0] == "positive"


def test_a_pass_cut_off_goes_on_where_it_stopped(context, feed_server):
    ids = fetch(context, feed_server)
    db = context.items.db
    score_under_old_rules(db, 1)
    assert upgrade.mark_outdated(db) == 3
    # Killed after one item was scored: the version is not recorded, and marking again would
    # only undo that work, so it is not done again.
    context.items.analyse_pending([ids["Green roofs: costs and benefits"]])
    assert upgrade.stored_version(db) == 1 and upgrade.is_outdated(db)
    assert upgrade.mark_outdated(db) == 0
    closing = CancelToken()  # the window quits: the pass stops, and records nothing
    closing.cancel()
    with pytest.raises(Cancelled):
        upgrade.rescore_outdated(context.items, closing)
    assert upgrade.stored_version(db) == 1
    assert upgrade.rescore_outdated(context.items) == 2
    assert db.execute("SELECT count(*) FROM items WHERE sentiment IS NULL").fetchone()[0] == 0
    assert upgrade.stored_version(db) == TONE_RULES_VERSION


def test_tones_of_the_previous_rules_are_outdated(context, feed_server):
    # Version 3 built in "gemaakt" (QA s6/qa-f 4): items stored under version 2 are scored again.
    fetch(context, feed_server)
    score_under_old_rules(context.items.db, 2)
    assert upgrade.is_outdated(context.items.db)
    assert upgrade.rescore_outdated(context.items) == 3
    assert upgrade.stored_version(context.items.db) == TONE_RULES_VERSION


def test_a_new_database_just_records_the_version(context):
    assert not upgrade.is_outdated(context.items.db)
    assert upgrade.rescore_outdated(context.items) == 0
    assert upgrade.stored_version(context.items.db) == TONE_RULES_VERSION


def test_the_command_line_scores_only_the_items_it_prints(context, data_dir, feed_server):
    ids = fetch(context, feed_server)
    score_under_old_rules(context.items.db, None)
    result = cli(data_dir, "items", "list", "--limit", "1", "--format", "json")
    assert result.returncode == 0, result.stderr
    [printed] = json.loads(result.stdout)
    assert printed["title"] == "Bewoners boos over kap van bomen"  # the newest
    assert set(printed) >= {"id", "polarity", "subjectivity", "sentiment"}
    db = context.items.db
    # The others wait for the window's pass, unscored rather than scored under old rules.
    assert stored(db, ids["Green roofs: costs and benefits"])[0] is None
    assert upgrade.stored_version(db) is None
    result = cli(data_dir, "items", "search", "roofs", "--format", "json")
    assert [(i["title"], i["sentiment"], i["polarity"]) for i in json.loads(result.stdout)] == [
        ("Green roofs: costs and benefits", "neutral", 0.0)]
    shown = cli(data_dir, "items", "show", str(ids["Koele plekken kaart online"]),
                "--format", "json")
    assert json.loads(shown.stdout)["sentiment"] == "neutral"
