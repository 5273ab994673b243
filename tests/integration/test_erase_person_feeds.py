"""An AVG request and the feeds area: items, their search index, feeds, topics, item keys.

The feeds are served by a real HTTP server and fetched by a real refresh, so the items, their
keys and the full-text index are exactly what the app stores.
"""

from __future__ import annotations

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.privacy import ERASED_MARKER
from tests.feeds.feed_server import rss

PETRA = {"title": "Petra de Boer boos over container",
         "link": "https://buurt.example.nl/nieuws/petra-de-boer-boos", "guid": "1",
         "author": "petra.deboer@ziggo.nl (Petra de Boer)",
         "pubDate": "Mon, 02 Mar 2026 08:00:00 +0100",
         "description": "&lt;p&gt;Petra de Boer (06-12345678) uit de Kerkstraat is boos. "
                        "Bel Petra op 06-12345678.&lt;/p&gt;"}
OMER = {"title": "Ömer Çelik over de Wmo", "link": "https://buurt.example.nl/nieuws/wmo",
        "guid": "2", "author": "Ömer Çelik", "pubDate": "Wed, 04 Mar 2026 08:00:00 +0100",
        "description": "Ömer Çelik en Omer Celik zijn dezelfde. Ook Petra van Dijk doet mee."}
NEWS = {"title": "Groot nieuws over afval", "link": "https://buurt.example.nl/nieuws/groot",
        "guid": "3", "author": "Redactie", "pubDate": "Thu, 05 Mar 2026 08:00:00 +0100",
        "description": "Een groot probleem volgens de boer van de kinderboerderij; bel de "
                       "redactie op 06-87654321."}
MIA = {"title": "Waarom is de parkeervergunning zo duur?",
       "link": "https://mastodon.nl/@mia/112233", "guid": "https://mastodon.nl/@mia/112233",
       "pubDate": "Tue, 03 Mar 2026 10:00:00 +0100",
       "description": "Waarom is de parkeervergunning zo duur? Groet, Mia"}
LATER = {"title": "Nieuwe container in de wijk", "link": "https://buurt.example.nl/nieuws/4",
         "guid": "4", "author": "Redactie", "pubDate": "Fri, 06 Mar 2026 08:00:00 +0100",
         "description": "De container staat er."}


@pytest.fixture
def context(data_dir, feed_server):
    ctx = create_app_context(data_dir, "nl")
    ctx.feed_server = feed_server
    ctx.feeds.add_feed(feed_server.add("/buurt.xml", rss("Buurtnieuws", [PETRA, OMER, NEWS])))
    ctx.feeds.add_feed(feed_server.add("/mia2.rss", rss("Mia (@mia@mastodon.nl)", [MIA])))
    ctx.topics.add_topic("Klachten Petra de Boer", '"Petra de Boer"')
    ctx.topics.add_topic("Afval", 'afval OR container OR "Petra de Boer"')
    ctx.topics.add_topic("Boeren", "boer")
    ctx.topics.add_topic("Vragen van @mia", "parkeervergunning")
    report = ctx.feeds.refresh()
    assert report.new_items == 4
    yield ctx
    ctx.close()


PUBLISHED = {":1": "2026-03-02T07:00:00Z", ":2": "2026-03-04T07:00:00Z",
             ":3": "2026-03-05T07:00:00Z", "/112233": "2026-03-03T09:00:00Z"}


def item_by_guid(context, guid):
    """The item by its place in the feed (its key may be a hash after an erasure)."""
    row = context.store.db.execute(
        "select i.id, i.title, i.author, i.link, i.dedupe_key, b.title, b.html, b.text "
        "from items i join item_bodies b on b.item_id = i.id where i.published = ?",
        [PUBLISHED[guid]]).fetchone()
    keys = ("id", "title", "author", "link", "dedupe_key", "body_title", "html", "text")
    return dict(zip(keys, row, strict=True))


def search_items(context, query):
    return context.items.item_ids(query=query)


def raw_bytes(context):
    """The database file and its write-ahead log as they are on disk (no checkpoint first)."""
    database = context.paths.database
    return b"".join(path.read_bytes() for path in (
        database, database.with_name(database.name + "-wal")) if path.exists())


def topics(context):
    return {topic["name"]: (topic["query"], topic["items"])
            for topic in context.topics.list_topics()}


def test_an_erased_name_leaves_no_trace_in_the_search_index_or_the_file(context):
    assert b"celik" in raw_bytes(context).lower()
    request = context.privacy.erase_counterpart("Ömer Çelik")
    assert request.affected["feed_items"] == 1
    assert search_items(context, "celik") == []
    # "omer" is also in the index's setting "automerge".
    data = raw_bytes(context).lower().replace(b"automerge", b"")
    for trace in (b"celik", "çelik".encode(), b"omer", "ömer".encode()):
        assert trace not in data, trace
    # The index is whole and still finds everything else.
    context.store.db.execute("insert into items_fts(items_fts) values ('integrity-check')")
    assert len(search_items(context, "container")) == 1
    assert len(search_items(context, "wmo")) == 1


def test_the_persons_own_item_loses_her_contact_details_and_name_parts(context):
    context.privacy.erase_counterpart("Petra de Boer")
    own = item_by_guid(context, ":1")
    assert own["author"] == ERASED_MARKER
    assert own["link"] == ""
    for field in ("title", "body_title", "html", "text"):
        assert "06-12345678" not in own[field] and "Petra" not in own[field], (field, own)
        assert "Boer" not in own[field], (field, own)
    assert "boos" in own["text"]
    # Someone else's item keeps a first name alone and its own contact details.
    news = item_by_guid(context, ":3")
    assert "06-87654321" in news["text"] and "de boer van de kinderboerderij" in news["text"]
    assert "Petra van Dijk" in item_by_guid(context, ":2")["text"]


def test_a_draft_replying_to_her_item_and_its_dismissals_are_her_records(context):
    from ambtenaar20.core.drafting.model import Finding

    own_item = item_by_guid(context, ":1")["id"]
    drafts = context.drafting.drafts
    reply = drafts.create("Beste @PetraDeBoer, dank voor uw bericht. Mevrouw De Boer, wij bellen "
                          "u op 06-12345678 of mailen naar petra.deboer@ziggo.nl. Groet aan "
                          "Petra.", topic="Afval", platforms=["X"], feed_item_id=own_item)
    other = drafts.create("Bel ons op 06-11112222; Petra van Dijk weet ervan.", topic="Afval")
    finding = Finding("pii", "warning", 0, 10, "06-12345678", "telefoonnummer")
    drafts.dismiss(reply.id, finding, "pack",
                   "Petra de Boer vroeg zelf om terugbellen op 06-12345678")
    request = context.privacy.erase_counterpart("Petra de Boer")
    assert request.affected["drafts"] == 1
    text = drafts.get(reply.id).text
    assert "06-12345678" not in text and "ziggo" not in text, text
    assert "Petra" not in text and "Boer" not in text, text
    [dismissal] = drafts.dismissals(reply.id)
    assert "06-12345678" not in dismissal.reason + dismissal.match_text
    assert "Petra" not in dismissal.reason
    assert drafts.get(other.id).text == "Bel ons op 06-11112222; Petra van Dijk weet ervan."


def test_a_log_entry_started_from_her_item_is_her_record(context):
    from ambtenaar20.core.replies import start_reply

    own_item = item_by_guid(context, ":1")["id"]
    start_reply(context, own_item)
    [entry] = context.logbook.list()
    assert entry.counterpart == PETRA["author"]
    context.privacy.erase_counterpart("Petra de Boer")
    entry = context.logbook.get(entry.id)
    assert (entry.counterpart, entry.url) == (ERASED_MARKER, "")
    assert "Petra" not in entry.summary and "Boer" not in entry.summary


def test_her_feed_is_no_longer_fetched_and_keeps_no_name(context):
    from ambtenaar20.core.replies import start_reply

    start_reply(context, item_by_guid(context, "/112233")["id"])
    [entry] = context.logbook.list()
    # Replies used to be logged with the feed's title as platform; such entries are still there.
    context.logbook.edit(entry.id, platform="Mia (@mia@mastodon.nl)")
    before = len(context.items.item_ids())
    request = context.privacy.erase_counterpart("@mia@mastodon.nl")
    entry = context.logbook.get(entry.id)
    assert "mia" not in (entry.platform + entry.url + entry.summary).lower(), entry
    assert request.affected["feeds"] == 1
    feed = next(f for f in context.feeds.list_feeds() if f["title"] == ERASED_MARKER)
    assert "mia" not in (feed["url"] + feed["title"]).lower()
    assert feed["gone"] == 1
    mia = item_by_guid(context, "/112233")
    assert "mia" not in (mia["dedupe_key"] + mia["link"] + mia["text"]).lower(), mia
    assert "Vragen van @mia" not in topics(context)
    assert f"Vragen van {ERASED_MARKER}" in topics(context)
    report = context.feeds.refresh()
    assert all("mia" not in (outcome.title + outcome.url).lower() for outcome in report.feeds)
    assert len(context.items.item_ids()) == before
    context.store.db.execute("pragma wal_checkpoint(truncate)")
    assert b"mia" not in raw_bytes(context).lower()


def test_only_links_to_her_account_on_her_server_go(context):
    """QA: erasing "@mia@mastodon.nl" dropped "mastodon.social/@mia/1234", another account."""
    theirs = {"title": "Parkeren in de wijk", "link": "https://mastodon.social/@mia/1234",
              "guid": "https://mastodon.social/@mia/1234", "author": "@mia@mastodon.social",
              "pubDate": "Sat, 07 Mar 2026 08:00:00 +0100",
              "description": "Zie ook https://mastodon.social/@mia/1233 en mastodon.nl/@mia"}
    hers = {"title": "Gedeeld bericht", "link": "https://mastodon.nl/users/mia/statuses/5",
            "guid": "https://mastodon.nl/users/mia/statuses/5", "author": "Redactie",
            "pubDate": "Sun, 08 Mar 2026 08:00:00 +0100",
            "description": "Gedeeld van https://mastodon.nl/@mia/5 en x.com/@mia"}
    context.feeds.add_feed(context.feed_server.add("/fedi.rss", rss("Fediverse", [theirs, hers])))
    assert context.feeds.refresh().new_items == 2
    entry = context.logbook.add(platform="Mastodon", kind="reactie", counterpart="Kees",
                                url="https://mastodon.social/@mia/1234")
    context.privacy.erase_counterpart("@mia@mastodon.nl")
    rows = {row[0]: row[1:] for row in context.store.db.execute(
        "select i.title, i.link, i.author, i.dedupe_key, b.text from items i "
        "join item_bodies b on b.item_id = i.id")}
    link, author, key, text = rows["Parkeren in de wijk"]
    assert (link, author) == ("https://mastodon.social/@mia/1234", "@mia@mastodon.social")
    assert key == "id:https://mastodon.social/@mia/1234"
    assert text == f"Zie ook https://mastodon.social/@mia/1233 en {ERASED_MARKER}"
    link, _author, key, text = rows["Gedeeld bericht"]
    assert link == "" and "mia" not in key
    assert text == f"Gedeeld van {ERASED_MARKER} en x.com/@mia"
    assert context.logbook.get(entry.id).url == "https://mastodon.social/@mia/1234"
    assert len(search_items(context, "parkeren")) == 1


def test_her_stopped_feed_keeps_nothing_of_its_last_fetch(context, memory_keyring):
    """QA: a feed stopped by an erasure still showed its last status, error and user name."""
    import json

    from tests.helpers import run_cli

    server = context.feed_server
    server.add("/mia2.rss", status=500)  # her feed fails at its last refresh
    address = server.url("/klachten/petra-de-boer.rss")
    context.feeds.add_feed(server.add("/klachten/petra-de-boer.rss", status=503),
                           username="pdeboer", password="geheim")
    context.feeds.refresh()
    # An error text stored by an earlier version, which quoted the address it fetched.
    context.store.db.execute("update feeds set last_error = ? where title = 'Buurtnieuws'",
                             [f"{address} kon niet worden gelezen"])
    context.store.db.conn.commit()
    assert memory_keyring.get_password("ambtenaar20", f"feed:{address}") == "geheim"
    context.privacy.erase_counterpart("@mia@mastodon.nl")
    context.privacy.erase_counterpart("Petra de Boer")
    context.close()
    listed = run_cli("--data-dir", str(context.paths.data_dir), "feeds", "list",
                     "--format", "json")
    assert listed.returncode == 0, listed.stderr
    feeds = json.loads(listed.stdout)
    stopped = [feed for feed in feeds if feed["gone"]]
    assert len(stopped) == 2
    for feed in stopped:
        assert feed["title"] == ERASED_MARKER
        assert (feed["status"], feed["error"], feed["user"], feed["last_checked"],
                feed["last_success"]) == (None, None, None, None, None), feed
    [buurt] = [feed for feed in feeds if not feed["gone"]]
    assert buurt["error"] == f"{ERASED_MARKER} kon niet worden gelezen"
    assert "petra" not in listed.stdout.lower() and "mia" not in listed.stdout.lower()
    assert memory_keyring.get_password("ambtenaar20", f"feed:{address}") is None


def test_her_items_are_not_fetched_again_when_their_feed_is_refreshed(context):
    context.privacy.erase_counterpart("Petra de Boer")
    context.privacy.erase_counterpart("Ömer Çelik")
    before = len(context.items.item_ids())
    # A changed feed (one more item) is fetched and parsed again in full.
    context.feed_server.add("/buurt.xml", rss("Buurtnieuws", [PETRA, OMER, NEWS, LATER]))
    report = context.feeds.refresh()
    assert report.new_items == 1
    assert len(context.items.item_ids()) == before + 1
    texts = " ".join(row[0] for row in context.store.db.execute(
        "select title || ' ' || author || ' ' || dedupe_key from items"))
    assert "Petra" not in texts and "Çelik" not in texts


def test_topics_lose_the_person_and_a_topic_only_about_her_is_removed(context):
    request = context.privacy.erase_counterpart("Petra de Boer")
    assert request.affected["topics_removed"] == 1
    assert request.affected["topics"] == 1
    found = topics(context)
    assert "Klachten Petra de Boer" not in found
    assert not any("Petra" in name or "Petra" in query for name, (query, _n) in found.items())
    # What is left of a query matches what it matched before, apart from her.
    assert found["Afval"] == ("afval OR container", 2)
    # Her item no longer says "Boer": only the kinderboerderij item is left in "Boeren".
    assert found["Boeren"] == ("boer", 1)


def test_counts_of_the_new_kinds_are_recorded_and_worded(context):
    from ambtenaar20.core.privacy import describe_counts

    request = context.privacy.erase_counterpart("Petra de Boer")
    [recorded] = context.privacy.requests()
    assert recorded.affected == request.affected
    assert "verwijderde onderwerpen: 1" in describe_counts(request.affected)
    # Kinds that did not occur are not listed.
    assert "feeds" not in context.privacy.erase_counterpart("Ömer Çelik").affected

