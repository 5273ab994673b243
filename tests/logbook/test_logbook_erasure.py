"""erase-person leaves the name nowhere in the log: QA's cases from build_d3.py.

The topic, links of other people's entries that carry the name, a counterpart typed with a
double space, "Mevrouw De Boer", accents, and the person's own phone number or e-mail address.
"""

from __future__ import annotations

import re
import sqlite3

from ambtenaar20.core.privacy import ERASED_MARKER


def add(context, counterpart="", **fields):
    return context.logbook.add(occurred_at="2026-03-10T10:00", platform="X", kind="reactie",
                               counterpart=counterpart, **fields)


def everything(context) -> str:
    """Every text value of every table, as one string to search."""
    db = context.store.db
    values: list[str] = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.execute(f'SELECT * FROM "{table}"'):
            values += [value for value in row if isinstance(value, str)]
    return "\n".join(values)


def test_name_goes_from_topic_links_and_history_of_other_entries(context):
    kees = add(context, "Kees", topic="Klacht Petra de Boer", summary="over PETRA DE BOER",
               url="https://gemeente.nl/klachten/petra-de-boer")
    context.logbook.edit(kees.id, outcome="Petra de Boer gebeld")
    link = add(context, "", url="https://x.com/JanJansen/status/5", summary="via link")
    kept = add(context, "Anna", url="https://gemeente.nl/klachten/afval")
    context.privacy.erase_counterpart("Petra de Boer")
    context.privacy.erase_counterpart("@JanJansen")
    entry = context.logbook.get(kees.id)
    assert entry.topic == f"Klacht {ERASED_MARKER}"
    assert (entry.summary, entry.outcome, entry.url) == (
        f"over {ERASED_MARKER}", f"{ERASED_MARKER} gebeld", "")
    assert context.logbook.get(link.id).url == ""
    assert context.logbook.get(kept.id).url == kept.url
    text = everything(context).casefold()
    assert "petra" not in text and "boer" not in text and "janjansen" not in text


def test_counterpart_typed_with_other_spacing_and_case_is_the_same_person(context):
    spaced = add(context, "petra de  boer", summary="dubbele spatie")
    context.privacy.erase_counterpart("Petra de Boer")
    assert context.logbook.get(spaced.id).counterpart == ERASED_MARKER
    assert "boer" not in everything(context).casefold()


def test_surname_after_a_title_and_accents_are_matched(context):
    other = add(context, "Kees",
                summary="Mevrouw De Boer belde; dhr. Çelik ook; Omer Celik tevreden")
    context.privacy.erase_counterpart("Petra de Boer")
    context.privacy.erase_counterpart("Ömer Çelik")
    assert context.logbook.get(other.id).summary == (
        f"{ERASED_MARKER} belde; {ERASED_MARKER} ook; {ERASED_MARKER} tevreden")


def test_own_entries_lose_name_parts_and_personal_data(context):
    own = add(context, "Petra de Boer", url="https://x.com/pdeboer/status/1",
              summary="Petra's vraag; petra@boer.nl, bel 06-12345678",
              outcome="Doorgestuurd naar P. de Boer's buurman")
    handle = add(context, "@JanJansen", outcome="Jan Jansen tevreden")
    context.privacy.erase_counterpart("Petra de Boer")
    context.privacy.erase_counterpart("@JanJansen")
    entry = context.logbook.get(own.id)
    assert entry.url == ""
    assert "petra" not in entry.summary.casefold() and "12345678" not in entry.summary
    assert not re.search(r"boer", entry.outcome, re.IGNORECASE)
    assert context.logbook.get(handle.id).outcome == f"{ERASED_MARKER} tevreden"
    text = everything(context)
    assert "12345678" not in text and "boer.nl" not in text


def test_file_keeps_no_copy_of_the_name(context):
    add(context, "petra de  boer", topic="Petra de Boer parkeren",
        url="https://gemeente.nl/klachten/petra-de-boer")
    context.privacy.erase_counterpart("Petra de Boer")
    db = context.store.db
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = context.paths.database
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                   if p.exists())
    assert b"boer" not in raw.lower()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_name_goes_from_drafts_topic_text_and_published_link(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Reactie aan Petra de Boer over parkeren", topic="Petra de Boer parkeren")
    drafts.mark_published(draft.id, "https://x.com/petradeboer/status/77", "x", [], None)
    other = drafts.create("Algemeen bericht", topic="Parkeren")
    drafts.mark_published(other.id, "https://x.com/gemeente/status/78", "x", [], None)
    context.privacy.erase_counterpart("Petra de Boer")
    erased, kept = drafts.get(draft.id), drafts.get(other.id)
    assert "Petra" not in erased.text and "Petra" not in erased.topic
    assert not erased.published_url
    assert kept.published_url == "https://x.com/gemeente/status/78"
    assert "petra" not in everything(context).casefold()


def test_handles_in_links_and_after_a_colon_go_from_entries_history_and_drafts(context):
    """QA: "mastodon.nl/@mia", "cc:@mia" stayed after erasing "@mia@mastodon.nl"; and later
    "x.com/@mia" went, another account (only her server's links to her account are hers)."""
    text = "zie https://mastodon.nl/@mia/112234, mastodon.nl/@mia, x.com/@mia en cc:@mia"
    entry = add(context, "Kees", summary=text)
    context.logbook.edit(entry.id, summary="later")  # the history keeps the text
    draft = context.drafting.drafts.create(text)
    context.privacy.erase_counterpart("@mia@mastodon.nl")
    assert "@mia" not in everything(context).replace("x.com/@mia", "")
    assert context.drafting.drafts.get(draft.id).text == (
        f"zie {ERASED_MARKER}, {ERASED_MARKER}, x.com/@mia en cc:{ERASED_MARKER}")


def test_own_entry_loses_the_whole_email_address_not_only_the_name(context):
    """QA: "petra.deboer@ziggo.nl" became "[verwijderd]@ziggo.nl": the name went before the mask."""
    own = add(context, "Petra de Boer", summary="mailt vanaf petra.deboer@ziggo.nl",
              outcome="of p.deboer@ziggo.nl")
    context.logbook.edit(own.id, topic="petra.deboer@ziggo.nl")
    context.privacy.erase_counterpart("Petra de Boer")
    entry = context.logbook.get(own.id)
    assert "ziggo" not in entry.summary + entry.outcome + entry.topic, entry
    assert "ziggo" not in everything(context)
