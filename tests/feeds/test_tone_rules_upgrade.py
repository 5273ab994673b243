"""Items stored under older tone rules are scored again once, keeping a tone set by hand
(stop 6: "Green roofs: costs and benefits" stayed negative, and the trend with it), and showing
their previous tone until the new one is stored (the Toon column went empty meanwhile)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from ambtenaar20.core.analysis.sentiment import TONE_RULES_VERSION
from ambtenaar20.core.cancellation import Cancelled, CancelToken
from ambtenaar20.core.feeds import tone_rules_upgrade as upgrade
from tests.feeds.feed_server import rss
from tests.feeds.test_cli_feeds import cli
from tests.helpers import cli_environment

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


OLD = ("negative", -0.35, None)  # what ``score_under_old_rules`` stored


def shown_tones(items, ids) -> dict[int, str | None]:
    """The tone each item shows, as the list, the export and ``items list`` read it."""
    return {row["id"]: row["sentiment"] for row in items.rows(list(ids), full=False)}


def counting_scores(monkeypatch, items) -> list[int]:
    """Every item scored from now on, by id (the analyser is asked once per item)."""
    scored: list[int] = []
    real = items._store_tones

    def store(rows, record=None):
        scored.extend(row[0] for row in rows)
        return real(rows, record)

    monkeypatch.setattr(items, "_store_tones", store)
    return scored


def test_a_pass_cut_off_goes_on_where_it_stopped(context, feed_server, monkeypatch):
    ids = fetch(context, feed_server)
    db = context.items.db
    score_under_old_rules(db, 1)
    assert upgrade.mark_outdated(db) == 3
    assert upgrade.mark_outdated(db) == 0  # noted once: noting again would undo work done
    monkeypatch.setattr(upgrade, "SCORE_BATCH", 1)
    scored = counting_scores(monkeypatch, context.items)
    seen_midway = []
    closing = CancelToken()  # the window quits after the first batch: the pass stops

    def progressed(done, total, _what):
        seen_midway.append((done, total, shown_tones(context.items, ids.values())))
        closing.cancel()

    with pytest.raises(Cancelled):
        upgrade.rescore_outdated(context.items, closing, progressed)
    newest = ids["Bewoners boos over kap van bomen"]
    [(done, total, tones)] = seen_midway
    assert (done, total) == (1, 3)
    # Mid-way every item shows a tone: the ones not reached yet their previous one.
    assert None not in tones.values()
    assert scored == [newest]  # newest first
    assert stored(db, ids["Green roofs: costs and benefits"]) == OLD
    assert stored(db, newest)[1] != OLD[1]  # scored under the current rules
    assert upgrade.stored_version(db) == 1 and upgrade.is_outdated(db)
    assert upgrade.mark_outdated(db) == 0
    # The next start goes on after it: nothing scored twice.
    assert upgrade.rescore_outdated(context.items) == 2
    assert sorted(scored) == sorted(ids.values())
    assert stored(db, ids["Green roofs: costs and benefits"]) == ("neutral", 0.0, None)
    assert upgrade.stored_version(db) == TONE_RULES_VERSION
    assert upgrade.rescore_outdated(context.items) == 0


KILLED_PASS = """
import sys, time
from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.feeds import tone_rules_upgrade as upgrade

upgrade.SCORE_BATCH = 1
context = create_app_context(sys.argv[1], "en")

def progressed(done, total, _what):
    print(done, flush=True)
    time.sleep(120)  # killed here, after its first batch

upgrade.rescore_outdated(context.items, progress=progressed)
"""


def test_a_killed_pass_leaves_every_tone_shown_and_goes_on(context, data_dir, feed_server,
                                                            monkeypatch):
    ids = fetch(context, feed_server)
    db = context.items.db
    score_under_old_rules(db, 2)
    koele = ids["Koele plekken kaart online"]
    context.items.set_sentiment_override(koele, "positive")
    process = subprocess.Popen([sys.executable, "-c", KILLED_PASS, str(data_dir)],
                               stdout=subprocess.PIPE, text=True, env=cli_environment())
    try:
        assert process.stdout.readline().strip() == "1"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    tones = shown_tones(context.items, ids.values())
    assert tones == {ids["Bewoners boos over kap van bomen"]: "negative", koele: "positive",
                     ids["Green roofs: costs and benefits"]: "negative"}  # not yet reached
    assert upgrade.stored_version(db) == 2
    # An item fetched meanwhile is scored under the current rules, as any new one.
    context.feeds.add_feed(feed_server.add("/later.xml", rss("Later", [
        {"title": "Green roofs on the town hall", "link": "https://example.org/4",
         "guid": "later", "description": "Work starts in May.",
         "pubDate": "Thu, 09 Sep 2021 08:00:00 +0000"}])))
    context.feeds.refresh()
    assert context.items.analyse_pending() == 1
    scored = counting_scores(monkeypatch, context.items)
    assert upgrade.rescore_outdated(context.items) == 2
    assert sorted(scored) == sorted([koele, ids["Green roofs: costs and benefits"]])
    assert stored(db, koele) == ("neutral", 0.0, "positive")  # the officer's tone stays
    assert shown_tones(context.items, [koele])[koele] == "positive"
    assert stored(db, ids["Green roofs: costs and benefits"]) == ("neutral", 0.0, None)
    assert upgrade.stored_version(db) == TONE_RULES_VERSION


@pytest.mark.parametrize("version", [2, 3])
def test_tones_of_the_previous_rules_are_outdated(context, feed_server, version):
    # Version 3 built in "gemaakt" (QA s6/qa-f 4), version 4 tells capitals that stress a
    # judgement from names: items stored under either are scored again.
    fetch(context, feed_server)
    score_under_old_rules(context.items.db, version)
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
    # The others wait for the window's pass, showing their previous tone meanwhile.
    assert stored(db, ids["Green roofs: costs and benefits"]) == OLD
    assert upgrade.stored_version(db) is None
    every = cli(data_dir, "items", "list", "--limit", "0", "--format", "json")
    assert all(item["sentiment"] for item in json.loads(every.stdout))
    result = cli(data_dir, "items", "search", "roofs", "--format", "json")
    assert [(i["title"], i["sentiment"], i["polarity"]) for i in json.loads(result.stdout)] == [
        ("Green roofs: costs and benefits", "neutral", 0.0)]
    shown = cli(data_dir, "items", "show", str(ids["Koele plekken kaart online"]),
                "--format", "json")
    assert json.loads(shown.stdout)["sentiment"] == "neutral"
