"""Erasing one person from the feeds area (AVG request): items, feeds, topics, item keys.

Items are copies of public posts, but a person may still ask that the officer's copy no longer
names them: their name is replaced as author and in titles and texts (search index included),
and a link that carries their name is dropped. The items themselves stay, so counts and trends
do not change. Their *own* items (written by them, or from a feed of theirs) are their record,
as their log entries are: there name parts and personal data (phone, e-mail...) go too, and so
do the link and the key the item was known by (kept only as a hash, so that a refresh does not
store the post again).

A feed of theirs (its address or its whole title names them: "Mia (@mia@mastodon.nl)") is no
longer fetched: its title and address become the marker, its items stay, and nothing of its last
fetch is kept (status, error text, times, user name, and the password in the keyring, stored
under the address), since that was about their address. Other feeds lose the name from their
title and from the error text of their last refresh. A topic loses the terms of its query that
name the person (they can no longer match anything) and the name from its own name; a topic
whose query was only about them is removed. Topic matches are computed again for every item
that changed.

The search index is external content, where FTS5 deletes by adding tombstones: the old words
stay in the index's pages until its segments merge. After changing items the erasure merges
them all ('optimize'), inside the erasure's transaction with ``secure_delete`` on, so the old
pages are overwritten and no trace of the name is left in the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from ambtenaar20.core.feeds.ingest import erased_key
from ambtenaar20.core.feeds.query import QuerySyntaxError, parse, to_query, without_terms
from ambtenaar20.core.feeds.topics import match_items, match_new_items
from ambtenaar20.core.privacy import ERASED_MARKER, ErasedName, names_person, scrub_record

if TYPE_CHECKING:
    from ambtenaar20.core.secret_store import SecretStore
    from ambtenaar20.core.store.connection import Connection


class FeedItemsErasure:
    """``ErasureProvider`` for the feeds area: reports ``feed_items``, and ``feeds``,
    ``topics`` and ``topics_removed`` when there were any."""

    kind = "feed_items"

    def __init__(self, db_getter: Callable[[], Connection],
                 secrets: Callable[[], SecretStore] | None = None) -> None:
        self._db = db_getter
        self._secrets = secrets

    def items_of(self, person: ErasedName) -> set[int]:
        """The person's own items: by their author, or from a feed of theirs.

        The drafting area asks this for the drafts that reply to them (their records too); it
        must ask before this provider has changed the authors and feeds it reads.
        """
        db = self._db()
        feeds = _their_feeds(db, person)
        authors = [author for (author,) in db.execute("SELECT DISTINCT author FROM items")
                   if names_person(person, author)]
        return {item_id for (item_id,) in db.execute(
            "SELECT id FROM items WHERE feed_id IN (SELECT value FROM json_each(?)) "
            "OR author IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(feeds)), json.dumps(authors)])}

    def erase_counterpart(self, name: str) -> dict[str, int]:
        """Replace ``name`` in every item, feed and topic; counts per kind.

        Runs inside the caller's transaction (``PrivacyService``), with ``secure_delete`` on.
        """
        db = self._db()
        person = ErasedName(name)
        own_feeds = _their_feeds(db, person)
        with_password = [url for feed_id, url in db.execute(
            "SELECT id, url FROM feeds WHERE username IS NOT NULL") if feed_id in own_feeds]
        feeds = _erase_feeds(db, person, own_feeds)
        changed = _erase_items(db, person, own_feeds)
        rewritten, removed = _erase_topics(db, person, changed)
        if changed:
            # Merge the index: the old words go from its pages (see the module docstring).
            db.execute("INSERT INTO items_fts(items_fts) VALUES ('optimize')")
        if with_password and self._secrets is not None:
            from ambtenaar20.core.feeds.service import secret_key

            # Last, after every change here: the keyring is outside the transaction.
            for url in with_password:
                self._secrets().delete(secret_key(url))
        counts = {"feed_items": len(changed)}
        for kind, count in (("feeds", feeds), ("topics", rewritten),
                            ("topics_removed", removed)):
            if count:
                counts[kind] = count
        return counts


def _only_the_person(person: ErasedName, text: str) -> bool:
    """Whether ``text`` says nothing but the person ("Mia (@mia@mastodon.nl)")."""
    scrubbed = person.scrub(text)
    return scrubbed != text and not any(
        char.isalnum() for char in scrubbed.replace(ERASED_MARKER, ""))


def _their_feeds(db: Connection, person: ErasedName) -> set[int]:
    """Feeds of the person: the address leads to them, or the title is nothing but them."""
    return {feed_id for feed_id, url, title in db.execute("SELECT id, url, title FROM feeds")
            if person.in_link(url) or names_person(person, title or "")
            or _only_the_person(person, title or "")}


def _erase_feeds(db: Connection, person: ErasedName, theirs: set[int]) -> int:
    """The person's feeds stop; other feeds lose the name from their title; how many changed."""
    changed = 0
    rows = db.execute("SELECT id, title, category, last_error FROM feeds").fetchall()
    for feed_id, title, category, error in rows:
        new_category = person.scrub(category or "")
        if feed_id in theirs:
            # No longer fetched (``gone``, as a feed the server says is gone): a refresh would
            # otherwise store their posts again. The address may name them; a placeholder it
            # is, unique as the column must be. The items stay, pseudonymised. What its last
            # fetch left (an error may quote the address, the user name may be theirs) goes:
            # it is a placeholder now, as if never fetched.
            db.execute(
                "UPDATE feeds SET url = ?, title = ?, category = ?, gone = 1, username = NULL, "
                "etag = NULL, last_modified = NULL, last_status = NULL, last_error = NULL, "
                "last_checked = NULL, last_success = NULL, failures = 0, next_poll = NULL "
                "WHERE id = ?",
                [f"{ERASED_MARKER}#{feed_id}", ERASED_MARKER, new_category, feed_id])
            changed += 1
            continue
        new_title = person.scrub(title or "")
        new_error = None if error is None else person.scrub(error)
        if (new_title, new_category, new_error) != (title or "", category or "", error):
            db.execute("UPDATE feeds SET title = ?, category = ?, last_error = ? WHERE id = ?",
                       [new_title, new_category, new_error, feed_id])
            changed += 1
    return changed


def _key_leads_to(person: ErasedName, key: str) -> bool:
    """Whether an item's key ("id:" + its guid or link) names or leads to the person."""
    if not key.startswith("id:"):
        return False  # "hash:" keys and erased keys are hashes already
    identity = key[len("id:"):]
    return person.in_link(identity) or person.scrub(identity) != identity


def _erase_items(db: Connection, person: ErasedName, own_feeds: set[int]) -> list[int]:
    """Scrub every item (their own ones as their record); the ids of the items changed."""
    authors = {author: names_person(person, author) for (author,) in db.execute(
        "SELECT DISTINCT author FROM items")}
    rows = db.execute(
        "SELECT i.id, i.feed_id, i.dedupe_key, i.title, i.author, i.link, b.title, b.html, "
        "b.text FROM items i JOIN item_bodies b ON b.item_id = i.id").fetchall()
    changed: list[int] = []
    for item_id, feed_id, key, title, author, link, body_title, body_html, body_text in rows:
        own = feed_id in own_feeds or authors.get(author, False)
        if own:
            new_author = ERASED_MARKER if author else ""
            new_link = ""
        else:
            new_author = person.scrub(author)
            new_link = "" if person.in_link(link) else link
        new_key = erased_key(key) if own or _key_leads_to(person, key) else key
        new_title = scrub_record(person, title, own)
        new_body_title = scrub_record(person, body_title, own)
        new_html = scrub_record(person, body_html, own)
        new_text = scrub_record(person, body_text, own)
        if (new_key, new_author, new_title, new_link, new_body_title, new_html, new_text) == (
                key, author, title, link, body_title, body_html, body_text):
            continue
        changed.append(item_id)
        db.execute("UPDATE items SET dedupe_key = ?, title = ?, author = ?, link = ? "
                   "WHERE id = ?", [new_key, new_title, new_author, new_link, item_id])
        # The search index is external content: remove the old words, then add the new.
        db.execute("INSERT INTO items_fts(items_fts, rowid, title, text) "
                   "VALUES ('delete', ?, ?, ?)", [item_id, body_title, body_text])
        db.execute("UPDATE item_bodies SET title = ?, html = ?, text = ? WHERE item_id = ?",
                   [new_body_title, new_html, new_text, item_id])
        db.execute("INSERT INTO items_fts(rowid, title, text) VALUES (?, ?, ?)",
                   [item_id, new_body_title, new_text])
    return changed


def _erase_topics(db: Connection, person: ErasedName, changed: list[int]) -> tuple[int, int]:
    """Topics without the person; matches computed again; (topics changed, topics removed)."""
    topics = db.execute("SELECT id, name, query FROM topics").fetchall()
    names = {name for _id, name, _query in topics}
    if changed:
        db.execute("DELETE FROM item_topics WHERE item_id IN (SELECT value FROM json_each(?))",
                   [json.dumps(sorted(changed))])
    rewritten = removed = 0
    for topic_id, name, query in topics:
        try:
            node = parse(query)
        except QuerySyntaxError:  # stored before the rules changed: left as it is
            node = None
        kept = node if node is None else without_terms(
            node, lambda term: person.scrub(term.text) != term.text)
        if node is not None and kept is None:
            # Only about the person: nothing is left to search for.
            db.execute("DELETE FROM topics WHERE id = ?", [topic_id])
            names.discard(name)
            removed += 1
            continue
        new_query = query if kept == node or kept is None else to_query(kept)
        new_name = person.scrub(name)
        if new_name != name:
            names.discard(name)
            new_name = _unique(new_name, names)
            names.add(new_name)
        if (new_name, new_query) != (name, query):
            db.execute("UPDATE topics SET name = ?, query = ? WHERE id = ?",
                       [new_name, new_query, topic_id])
            rewritten += 1
        if new_query != query:
            db.execute("DELETE FROM item_topics WHERE topic_id = ?", [topic_id])
            match_new_items(db, topic_id, new_query, 0)
        elif changed and node is not None:
            match_items(db, topic_id, query, changed)
    return rewritten, removed


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or "name (2)", "name (3)"... when another topic is called that already."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate
