"""The log entry "Reageren" makes: what it says about a post without a title, and that it goes
with its draft when the reply is deleted before it was ever published (QA s6 #2, #3)."""

from __future__ import annotations

import pytest

from ambtenaar20.core.logbook.model import LogFilter
from tests.feeds.feed_server import rss
from tests.helpers import run_cli, run_cli_answering

QUESTION = {"title": "Vraag over de afvalkalender", "link": "https://example.org/vraag",
            "guid": "v1", "author": "@buur", "description": "Wanneer wordt het gft opgehaald?",
            "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}
# A Mastodon post: the feed gives no title, and the text as HTML.
TOOT = {"link": "https://mastodon.example/@anna/7", "guid": "t7", "author": "@anna",
        "description": "<![CDATA[<p>Weet iemand wanneer het <strong>gft-afval</strong> in "
                       "<a href='https://mastodon.example/tags/zwolle'>#zwolle</a> weer wordt "
                       "opgehaald? De kalender zegt dinsdag, maar er stond niets.</p>]]>",
        "pubDate": "Mon, 06 Sep 2021 17:45:00 +0000"}
TOOT_START = "Weet iemand wanneer het gft-afval in #zwolle weer wordt opgehaald? De kalender…"


@pytest.fixture
def items(context, feed_server):
    context.feeds.add_feed(feed_server.add("/buurt.xml", rss("Buurt", [QUESTION, TOOT])))
    context.feeds.refresh()
    rows = context.items.rows(context.items.item_ids())
    return {("toot" if not row["title"] else "question"): row["id"] for row in rows}


def test_a_reply_to_a_post_without_a_title_is_summed_up_by_its_first_words(context, items):
    from ambtenaar20.core.replies import start_reply

    start_reply(context, items["toot"])
    [started] = context.logbook.list()
    assert started.summary == TOOT_START
    assert len(started.summary) <= 80
    # Published, and a copy published once more: both entries say it too.
    drafts = context.drafting.drafts
    reply = drafts.create("Dinsdag, excuses voor de vertraging.", "", ["mastodon"],
                          items["toot"])
    drafts.mark_published(reply.id, "", "Mastodon", [], context.drafting.recorder)
    copy = drafts.copy(reply.id)
    drafts.mark_published(copy.id, "", "X", [], context.drafting.recorder)
    assert [entry.summary for entry in context.logbook.list()] == [TOOT_START, TOOT_START]
    # A post with a title keeps the title.
    start_reply(context, items["question"])
    assert context.logbook.list()[-1].summary == QUESTION["title"]


def test_first_words_cut_between_words_within_the_length():
    from ambtenaar20.core.replies import first_words

    assert first_words("  Kort\n bericht ") == "Kort bericht"
    assert first_words("abcd efgh", 6) == "abcd…"
    assert first_words("abc, efgh", 6) == "abc…"
    assert first_words("a" * 100) == "a" * 79 + "…"


def _reply_with_draft(context, item_id: int, text: str = ""):
    from ambtenaar20.core.replies import start_reply

    start_reply(context, item_id)
    return context.drafting.drafts.create(text, "", [], item_id)


def test_deleting_an_unpublished_reply_deletes_its_log_entry_for_the_record(context, items):
    from ambtenaar20.core.replies import abandoned_reply_entry, delete_draft

    draft = _reply_with_draft(context, items["question"])
    [entry] = context.logbook.list()
    assert abandoned_reply_entry(context, draft).id == entry.id

    removed = delete_draft(context, draft.id)

    assert removed.id == entry.id and removed.deleted
    assert context.logbook.list() == [] and context.logbook.summary().entries == 0
    # Kept with its history, as the log's own delete keeps it.
    kept = context.logbook.list(LogFilter(include_deleted=True))
    assert [e.id for e in kept] == [entry.id]
    assert [line.action for line in context.logbook.history(entry.id)] == ["created", "deleted"]
    assert context.drafting.drafts.list() == []


def test_a_published_reply_another_draft_or_an_entry_changed_by_hand_stays(context, items):
    from ambtenaar20.core.replies import abandoned_reply_entry, delete_draft

    drafts = context.drafting.drafts
    # Published: it happened.
    published = _reply_with_draft(context, items["question"], "Op dinsdag.")
    drafts.mark_published(published.id, "", "X", [], context.drafting.recorder)
    assert delete_draft(context, published.id) is None
    # A second draft for the same item may still be published.
    first = _reply_with_draft(context, items["toot"], "Eerste opzet")
    second = drafts.create("Tweede opzet", "", [], items["toot"])
    assert abandoned_reply_entry(context, first) is None
    assert delete_draft(context, first.id) is None
    assert len(context.logbook.list()) == 2
    # The last draft for it goes: now the reply never happened.
    assert delete_draft(context, second.id) is not None
    assert len(context.logbook.list()) == 1
    # An entry the officer completed by hand (answered by phone) is theirs to keep.
    context.store.db.execute("UPDATE items SET responded = 0")
    third = drafts.create("", "", [], items["toot"])
    restored = context.logbook.restore(context.logbook.list(LogFilter(
        include_deleted=True))[-1].id)
    context.logbook.edit(restored.id, platform="Telefoon")
    assert delete_draft(context, third.id) is None
    assert len(context.logbook.list()) == 2


def test_drafts_delete_on_the_command_line_says_it_deletes_the_log_entry(context, items):
    draft = _reply_with_draft(context, items["question"])
    [entry] = context.logbook.list()
    data_dir = str(context.paths.data_dir)
    context.close()

    asked = run_cli_answering("n\n", "--lang", "nl", "--data-dir", data_dir, "drafts", "delete",
                              str(draft.id))
    assert "en de logboekregel van deze reactie verwijderen?" in asked
    assert "niets verwijderd" in asked.splitlines()[-1]
    result = run_cli("--lang", "en", "--data-dir", data_dir, "drafts", "delete", str(draft.id),
                     "--yes")
    assert result.returncode == 0, result.stderr
    assert f"log entry {entry.id}" in result.stdout
    listed = run_cli("--data-dir", data_dir, "log", "list", "--format", "json")
    assert listed.stdout.strip() == "[]"
