"""Items stored by earlier versions are cleaned as a refresh now cleans new ones (migration 0004).

The database is made by this app's migrations up to the previous schema generation (before
0004), with items as earlier versions stored them: control and bidi characters in their texts
and dates in the future. Opening it with this version backs it up, migrates it once, cleans
those rows and keeps the search index and the topic matches in step with the texts.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Migrations

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.feeds.parsing import parse_feed
from ambtenaar20.core.feeds.schema import clean_stored_items, feeds_migrations
from ambtenaar20.core.store import schema
from ambtenaar20.core.store.generation import SCHEMA_GENERATION
from tests.helpers import use_migration_sets

CLEANING = "ambtenaar20.feeds:0004_clean_items_of_earlier_versions"
FETCHED = "2026-03-01T10:00:00Z"
#: (title, author, link, html, text, published) as an earlier version stored them.
DIRTY = [
    ("Jeugd\x1bzorg in de \u202ewijk", "Jan\x07 Jansen", "https://buurt.example.nl/\x1b1",
     "<p>Afval\x00 ophalen \x92s morgens</p>", "Afval\x00 ophalen \x92s morgens",
     "2100-01-01T00:00:00Z"),
    ("Gewoon bericht", "Redactie", "https://buurt.example.nl/2", "<p>Niets bijzonders</p>",
     "Niets bijzonders", "2026-02-28T08:00:00Z"),
]


def previous_generation(monkeypatch, data_dir):
    """A database as the previous version left it: every migration but 0004, dirty items."""
    earlier = Migrations(feeds_migrations.name)
    earlier._migrations = [m for m in feeds_migrations._migrations
                           if not m.name.startswith("0004")]
    use_migration_sets(monkeypatch, [earlier if s is feeds_migrations else s
                                     for s in schema.migration_sets()])
    context = create_app_context(data_dir, "nl")
    db = context.store.db
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_GENERATION - 1
    with db.atomic():
        db.execute("INSERT INTO feeds (id, url, title, added) VALUES "
                   "(1, 'https://buurt.example.nl/feed', 'Buurt', ?)", [FETCHED])
        for number, (title, author, link, html, text, published) in enumerate(DIRTY, 1):
            db.execute("INSERT INTO items (id, feed_id, dedupe_key, title, link, author, "
                       "published, fetched) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                       [number, f"id:{number}", title, link, author, published, FETCHED])
            db.execute("INSERT INTO item_bodies (item_id, title, html, text) "
                       "VALUES (?, ?, ?, ?)", [number, title, html, text])
        db.execute("INSERT INTO items_fts(rowid, title, text) "
                   "SELECT item_id, title, text FROM item_bodies")
    # Topics, matched against the texts as they were ("jeugd" and "zorg" two words).
    context.topics.add_topic("Jeugdzorg", "jeugdzorg")
    context.topics.add_topic("Zorg", "zorg")
    assert topic_items(context) == {"Jeugdzorg": 0, "Zorg": 1}
    context.close()
    monkeypatch.undo()


def topic_items(context):
    return {topic["name"]: topic["items"] for topic in context.topics.list_topics()}


def test_old_items_are_cleaned_once_with_a_backup_first(monkeypatch, data_dir):
    previous_generation(monkeypatch, data_dir)
    context = create_app_context(data_dir, "nl")
    try:
        db = context.store.db  # opening the store migrates it
        report = context.open_report
        assert report.applied == [CLEANING]
        assert report.backup is not None and report.backup.exists()
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_GENERATION
        item = db.execute(
            "SELECT i.title, i.author, i.link, i.published, b.title, b.html, b.text "
            "FROM items i JOIN item_bodies b ON b.item_id = i.id WHERE i.id = 1").fetchone()
        assert item == ("Jeugdzorg in de wijk", "Jan Jansen", "https://buurt.example.nl/1",
                        FETCHED, "Jeugdzorg in de wijk", "<p>Afval ophalen \u2019s morgens</p>",
                        "Afval ophalen \u2019s morgens")
        untouched = db.execute("SELECT i.title, i.published, b.text FROM items i "
                               "JOIN item_bodies b ON b.item_id = i.id WHERE i.id = 2")
        assert untouched.fetchone() == ("Gewoon bericht", "2026-02-28T08:00:00Z",
                                        "Niets bijzonders")
        # The search index holds the new words, not the old, and is whole.
        db.execute("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')")
        assert context.items.item_ids(query="ophalen") == [1]
        assert context.items.item_ids(query="morgens") == [1]
        assert context.items.item_ids(query="jeugdzorg") == [1]
        assert context.items.item_ids(query="zorg") == []
        assert context.items.item_ids(query="bijzonders") == [2]
        # The backup is the file before the migration: the items as they were.
        copy = sqlite3.connect(report.backup)
        try:
            assert copy.execute("SELECT title FROM items WHERE id = 1").fetchone()[0] == \
                DIRTY[0][0]
            assert CLEANING.split(":")[1] not in {row[0] for row in copy.execute(
                "SELECT name FROM _sqlite_migrations")}
        finally:
            copy.close()
    finally:
        context.close()
    # Once: the next start has nothing to do, and takes no new backup.
    backups = sorted(report.backup.parent.iterdir())
    context = create_app_context(data_dir, "nl")
    try:
        context.store  # noqa: B018 - opens it
        assert context.open_report.applied == []
        assert context.open_report.backup is None
        assert context.store.db.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE name = ?",
            [CLEANING.split(":")[1]]).fetchone()[0] == 1
        # Run again, the cleaning changes nothing more.
        db = context.store.db
        before = db.execute("SELECT * FROM items JOIN item_bodies ON item_id = id").fetchall()
        with db.atomic():
            clean_stored_items(db.table_api)
        assert db.execute("SELECT * FROM items JOIN item_bodies ON item_id = id").fetchall() \
            == before
        db.execute("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')")
    finally:
        context.close()
    assert sorted(report.backup.parent.iterdir()) == backups


def test_topics_match_the_cleaned_texts(monkeypatch, data_dir):
    previous_generation(monkeypatch, data_dir)
    context = create_app_context(data_dir, "nl")
    try:
        assert topic_items(context) == {"Jeugdzorg": 1, "Zorg": 0}
    finally:
        context.close()


def test_the_migration_cleans_as_the_parser_cleans_a_new_item():
    """The same feed text, read now, gives the texts the migration gives the stored item."""
    from datetime import UTC, datetime

    body = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Buurt</title><item>"
            b"<title>Jeugd&#27;zorg in de &#8238;wijk</title><guid>1</guid>"
            b"<pubDate>Fri, 01 Jan 2100 00:00:00 +0000</pubDate>"
            b"<description>&lt;p&gt;Afval&amp;#27; ophalen &amp;#146;s morgens&lt;/p&gt;"
            b"</description></item></channel></rss>")
    [item] = parse_feed(body, datetime(2026, 3, 1, 10, tzinfo=UTC)).items
    assert (item.title, item.published, item.text) == (
        "Jeugdzorg in de wijk", FETCHED, "Afval ophalen \u2019s morgens")
