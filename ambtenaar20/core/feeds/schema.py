"""The feeds area's own tables: feeds, items with their full-text index, topics and matches.

The FTS5 index is an external-content table over ``item_bodies``, kept in sync by the service inside
the same transaction as the items (no triggers: the service writes both, so a crash can never
leave one without the other). ``unicode61 remove_diacritics 2`` makes "financiele" find
"financiële".
"""

from __future__ import annotations

import json

from sqlite_utils import Database, Migrations

feeds_migrations = Migrations("ambtenaar20.feeds")


@feeds_migrations(name="0001_feeds_items_topics")
def _create(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            username TEXT,
            etag TEXT,
            last_modified TEXT,
            last_status TEXT,
            last_error TEXT,
            last_checked TEXT,
            last_success TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            next_poll TEXT,
            gone INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            dedupe_key TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            link TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL,
            fetched TEXT NOT NULL,
            lang TEXT,
            polarity REAL,
            subjectivity REAL,
            sentiment TEXT,
            sentiment_override TEXT,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            needs_response INTEGER NOT NULL DEFAULT 0,
            responded INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, dedupe_key)
        );
        -- The bodies live apart so that the rows lists and counts read stay small and dense:
        -- with them inline, each item filled a page and a search touched thousands of pages.
        CREATE TABLE item_bodies (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            title TEXT NOT NULL DEFAULT '',
            html TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX items_published ON items(published DESC);
        CREATE INDEX items_feed_published ON items(feed_id, published DESC);
        CREATE INDEX items_unanalysed ON items(id) WHERE sentiment IS NULL;
        CREATE VIRTUAL TABLE items_fts USING fts5(
            title, text, content='item_bodies', content_rowid='item_id',
            tokenize='unicode61 remove_diacritics 2'
        );
        -- Merge index segments less eagerly: each feed commits its own small segment, and
        -- merging them at every commit was a third of a cold refresh.
        INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 16);
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL,
            notify INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL
        );
        CREATE TABLE item_topics (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            PRIMARY KEY (topic_id, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX item_topics_item ON item_topics(item_id);
        CREATE TABLE item_responses (
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            draft_ref TEXT
        );
        """
    )


@feeds_migrations(name="0002_unread_index")
def _unread_index(db: Database) -> None:
    # The unread counts of the feed tree (per feed and in all) are read at every start and
    # after every change; from this index alone they take ~2 ms for 20,000 items, not ~9 ms.
    db.execute("CREATE INDEX items_unread ON items(feed_id) WHERE read = 0")


@feeds_migrations(name="0003_exclusions_hold_for_their_group")
def rematch_exclusions(db: Database) -> None:
    """Match topics with ``OR`` and an exclusion again: an exclusion now holds for its whole
    group (see ``query``), so ``zorg* OR jeugdzorg -vacature`` no longer matches a vacancy for
    a "zorgcoördinator". Stored matches follow, as when the officer changes a topic's query.
    """
    from ambtenaar20.core.feeds.query import QuerySyntaxError, compile_query

    for topic_id, query in db.execute("SELECT id, query FROM topics").fetchall():
        if "OR" not in query or ("-" not in query and "NOT" not in query):
            continue
        try:
            expression = compile_query(query)
        except QuerySyntaxError:  # nested deeper than now allowed: it matches nothing new
            continue
        db.execute("DELETE FROM item_topics WHERE topic_id = ?", [topic_id])
        db.execute("INSERT INTO item_topics (topic_id, item_id) "
                   "SELECT ?, rowid FROM items_fts WHERE items_fts MATCH ?", [topic_id, expression])


@feeds_migrations(name="0004_clean_items_of_earlier_versions")
def clean_stored_items(db: Database) -> None:
    """Clean the items earlier versions stored as a refresh now cleans new ones: no control or
    bidi characters in their texts (escape sequences reached the terminal; ``sanitize``) and no
    date after their fetch (a date in 2100 kept an item on top; ``parsing.published_at``).

    Only a row with such a character or date changes. The search index follows each changed
    text (it is external content: the old words out, the new in), and so do the topic matches,
    as when an erasure changes a text. Read row by row and changed afterwards: the items are
    not held in memory, only the few that change.
    """
    from datetime import datetime

    from ambtenaar20.core.feeds.parsing import published_at
    from ambtenaar20.core.feeds.query import QuerySyntaxError, compile_query
    from ambtenaar20.core.feeds.topics import match_items

    items = [(item_id, *cleaned) for item_id, *stored in db.execute(
        "SELECT id, title, author, link FROM items")
        if (cleaned := _cleaned(stored, (True, True, False))) != stored]
    db.conn.executemany("UPDATE items SET title = ?, author = ?, link = ? WHERE id = ?",
                        [(*values, item_id) for item_id, *values in items])
    # Both are written as "2026-03-02T07:00:00Z", by every version: they compare as text.
    late = []
    for item_id, published, fetched in db.execute(
            "SELECT id, published, fetched FROM items WHERE published > fetched").fetchall():
        try:
            late.append((published_at(datetime.fromisoformat(published),
                                      datetime.fromisoformat(fetched)), item_id))
        except (TypeError, ValueError):  # not a date at all: not for this step to guess
            continue
    db.conn.executemany("UPDATE items SET published = ? WHERE id = ?", late)
    bodies = [(item_id, stored, cleaned) for item_id, *stored in db.execute(
        "SELECT item_id, title, html, text FROM item_bodies")
        if (cleaned := _cleaned(stored, (True, False, True))) != stored]
    for item_id, (title, _html, text), cleaned in bodies:
        db.execute("INSERT INTO items_fts(items_fts, rowid, title, text) "
                   "VALUES ('delete', ?, ?, ?)", [item_id, title, text])
        db.execute("UPDATE item_bodies SET title = ?, html = ?, text = ? WHERE item_id = ?",
                   [*cleaned, item_id])
        db.execute("INSERT INTO items_fts(rowid, title, text) VALUES (?, ?, ?)",
                   [item_id, cleaned[0], cleaned[2]])
    changed = [item_id for item_id, _stored, _cleaned_body in bodies]
    for topic_id, query in db.execute("SELECT id, query FROM topics").fetchall() if changed \
            else ():
        try:
            compile_query(query)
        except QuerySyntaxError:  # nested deeper than now allowed: its matches stay as they are
            continue
        db.execute("DELETE FROM item_topics WHERE topic_id = ? AND item_id IN "
                   "(SELECT value FROM json_each(?))", [topic_id, json.dumps(changed)])
        match_items(db, topic_id, query, changed)


def _cleaned(values: list[str], one_line: tuple[bool, ...]) -> list[str]:
    """Stored texts without control characters (``without_controls``), as the parser now
    stores them: a title, an author and plain text on one line (``plain_text``,
    ``html_to_text``), HTML and a link stripped (``sanitize_html``, ``safe_link``). A text
    without any is returned as it is."""
    from ambtenaar20.core.feeds.sanitize import without_controls

    cleaned = []
    for value, line in zip(values, one_line, strict=True):
        clean = without_controls(value) if value else value
        if clean != value:
            clean = " ".join(clean.split()) if line else clean.strip()
        cleaned.append(clean)
    return cleaned
