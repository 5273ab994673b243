"""From a feed item to a published reply: "Reageren" opens a linked draft, publishing logs it."""

from __future__ import annotations

import pytest

from tests.conftest import close_after_background_work
from tests.feeds.feed_server import rss

ITEM = {"title": "Vraag over de afvalkalender", "link": "https://example.org/vraag",
        "guid": "v1", "description": "Wanneer wordt het gft opgehaald?",
        "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}


@pytest.fixture
def item_id(context, feed_server):
    context.feeds.add_feed(feed_server.add("/afval.xml", rss("Gemeente", [ITEM])))
    context.topics.add_topic("Afval", "afvalkalender")
    context.feeds.refresh()
    return context.items.item_ids()[0]


def test_published_reply_is_logged_once_and_linked_to_item_and_draft(context, item_id):
    from ambtenaar20.core.replies import start_reply

    assert start_reply(context, item_id) == "Afval"
    started = context.logbook.list()
    assert [(e.kind, e.item_id, e.draft_id, e.platform, e.url, e.summary) for e in started] == [
        ("reactie", item_id, None, "Onbekend", ITEM["link"], ITEM["title"])]
    drafts = context.drafting.drafts
    draft = drafts.create("Het gft wordt op dinsdag opgehaald.", "Afval", ["mastodon"],
                          item_id)
    drafts.mark_published(draft.id, "https://social.example/@gemeente/2", "Mastodon", [],
                          context.drafting.recorder)
    entries = context.logbook.list()
    assert [(e.id, e.kind, e.draft_id, e.item_id, e.topic, e.platform, e.url)
            for e in entries] == [(started[0].id, "reactie", draft.id, item_id, "Afval",
                                   "Mastodon", "https://social.example/@gemeente/2")]
    assert context.logbook.history(started[0].id)[-1].action == "edited"
    # Retention keeps an item that a draft or log entry refers to, however old.
    context.store.db.execute("UPDATE items SET fetched = '2000-01-01T00:00:00Z', responded = 0")
    context.settings.retention.feed_item_days = 1
    assert context.privacy.purge_expired() == {"feed_items": 0}
    assert context.items.item_ids() == [item_id]


def test_a_published_reply_is_not_logged_twice(context, item_id):
    # The first publication completes the entry "Reageren" made (source "item"); a second
    # call for the same draft added a new entry beside it, so reports counted the post twice.
    from ambtenaar20.core.replies import start_reply

    start_reply(context, item_id)
    draft = context.drafting.drafts.create("Het gft wordt op dinsdag opgehaald.", "Afval",
                                           ["mastodon"], item_id)
    first = context.logbook.record_published(draft.id, "", "Mastodon", "Afval", [],
                                             item_id=item_id)
    again = context.logbook.record_published(draft.id, "https://social.example/@gemeente/2",
                                             "Mastodon", "Afval", [], item_id=item_id)
    assert again.id == first.id
    assert len(context.logbook.list()) == 1
    # Published without an address of its own: the entry keeps the item's link.
    assert first.url == ITEM["link"]


def test_reageren_opens_a_draft_linked_to_the_item(qtbot, context, item_id):
    from ambtenaar20.gui.main_window import MainWindow

    window = MainWindow(context)
    window.populate_areas()
    qtbot.addWidget(window)
    follow = window.area("follow")
    assert not window.is_built("write")  # Schrijven is built when the reply needs it
    with qtbot.waitSignal(follow.reply_started, timeout=10_000) as started:
        follow._reply(item_id)
    assert started.args == [item_id, "Afval"]
    write = window.area("write")
    qtbot.waitUntil(lambda: write.draft is not None and write.draft.feed_item_id == item_id,
                    timeout=10_000)
    assert window.current_area_key() == "write"
    assert (write.draft.feed_item_id, write.draft.topic) == (item_id, "Afval")
    # The item is shown beside the draft: title, source and its plain text.
    qtbot.waitUntil(lambda: ITEM["title"] in write.linked_item.text(), timeout=10_000)
    assert write.linked_item.isVisibleTo(write)
    assert "Gemeente" in write.linked_item.text()
    assert "Wanneer wordt het gft opgehaald?" in write.linked_item.text()
    assert context.items.item(item_id)["responded"]
    assert [(e.item_id, e.kind) for e in context.logbook.list()] == [(item_id, "reactie")]
    close_after_background_work(context)


def test_diagnostics_name_failing_feeds_by_server_only(context, feed_server):
    from ambtenaar20.core import diagnostics

    context.feeds.add_feed(feed_server.add("/goed.xml", rss("Goed", [ITEM])))
    # A private feed's token in its address must not reach the report for IT (a password in
    # the address is refused when the feed is added, see test_cli_feeds).
    broken = feed_server.url("/bestaat-niet.xml") + "?token=geheim"
    context.feeds.add_feed(broken)
    context.feeds.refresh()
    sections = {section.title: section.rows for section in diagnostics.collect(context)}
    rows = dict(sections["Feeds"])
    assert rows["Feeds followed"] == "2"
    assert rows["Feeds with an error at their last refresh"] == "1"
    text = diagnostics.report_for_it(context)
    assert "127.0.0.1" in text and "bestaat-niet" not in text and "geheim" not in text


def test_erasing_a_person_reaches_feed_items_and_the_search_index(context, feed_server):
    post = {"title": "Vraag van PetraDeBoer over afval", "link": "https://s.nl/@PetraDeBoer/9",
            "guid": "p9", "author": "PetraDeBoer",
            "description": "PetraDeBoer vraagt naar de afvalkalender",
            "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}
    other = dict(ITEM, guid="o1")
    context.feeds.add_feed(feed_server.add("/mensen.xml", rss("Buurt", [post, other])))
    context.feeds.refresh()
    assert len(context.items.item_ids(query="petradeboer")) == 1

    request = context.privacy.erase_counterpart("@PetraDeBoer")

    assert request.affected["feed_items"] == 1
    assert context.items.item_ids(query="petradeboer") == []
    assert len(context.items.item_ids(query="afvalkalender")) == 2  # the index still works
    erased = next(row for row in context.items.rows(context.items.item_ids())
                  if row["title"].startswith("Vraag van"))
    assert (erased["author"], erased["link"]) == ("[verwijderd]", "")
    assert "PetraDeBoer" not in erased["title"] + erased["text"] + erased["html"]


QUESTION = {"title": "Wanneer komt de gft-bak?", "link": "https://s.nl/@buur/7", "guid": "q7",
            "author": "@buur", "description": "Over de afvalkalender: wanneer komt de gft-bak?",
            "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}


def test_a_copy_of_a_reply_is_logged_as_completely_as_the_reply(context, feed_server):
    # QA s5 #10: the copy's entry had the item but no summary, counterpart or link.
    from ambtenaar20.core.replies import start_reply

    context.feeds.add_feed(feed_server.add("/buurt.xml", rss("QA Gemeente", [QUESTION])))
    context.topics.add_topic("Afval", "afvalkalender")
    context.feeds.refresh()
    item_id = context.items.item_ids()[0]
    start_reply(context, item_id)
    drafts = context.drafting.drafts
    original = drafts.create("De gft-bak komt op dinsdag.", "Afval", ["x", "mastodon"], item_id)
    drafts.mark_published(original.id, "", "X", [], context.drafting.recorder)
    copy = drafts.copy(original.id)
    drafts.mark_published(copy.id, "", "Mastodon", [], context.drafting.recorder)

    entries = {entry.draft_id: entry for entry in context.logbook.list()}
    fields = [(e.kind, e.item_id, e.topic, e.counterpart, e.url, e.summary, e.platform)
              for e in (entries[original.id], entries[copy.id])]
    reply = ("reactie", item_id, "Afval", "@buur", QUESTION["link"], QUESTION["title"])
    assert fields == [(*reply, "X"), (*reply, "Mastodon")]


def test_a_started_reply_names_no_feed_as_its_platform(context, item_id):
    # QA s5 #10: until published, the entry "Reageren" makes had the feed's name as platform,
    # which Rapportage then counted under "Per platform" as if it were one.
    from ambtenaar20.core.i18n import set_language
    from ambtenaar20.core.logbook.platforms import UNKNOWN_PLATFORM, platform_label
    from ambtenaar20.core.replies import start_reply

    start_reply(context, item_id)
    entry = context.logbook.list()[0]
    assert entry.platform == UNKNOWN_PLATFORM != "Gemeente"
    assert list(context.logbook.summary().by_platform) == [UNKNOWN_PLATFORM]
    set_language("en")
    try:
        assert platform_label(entry.platform) == "Unknown"
    finally:
        set_language("nl")
    assert platform_label(entry.platform) == "Onbekend"
    # Publishing names the real platform.
    draft = context.drafting.drafts.create("Dinsdag.", "Afval", ["mastodon"], item_id)
    context.drafting.drafts.mark_published(draft.id, "", "Mastodon", [],
                                           context.drafting.recorder)
    assert [e.platform for e in context.logbook.list()] == ["Mastodon"]
