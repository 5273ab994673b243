"""An AVG request erases one person from the log and the drafts, and nowhere else."""

import sqlite3

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.privacy import ERASED_MARKER


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir, "nl")
    yield ctx
    ctx.close()


def fill(context):
    log = context.logbook
    about = log.add(platform="X", kind="reactie", counterpart="@PetraDeBoer",
                    url="https://x.example/PetraDeBoer/status/1",
                    summary="Vraag van @petradeboer over de afvalkalender")
    log.edit(about.id, outcome="Petradeboer kreeg antwoord", summary="Antwoord aan @PetraDeBoer")
    mentions = log.add(platform="Website", kind="bericht",
                       summary="Reactie van @PetraDeBoer op blog")
    other = log.add(platform="X", kind="reactie", counterpart="@buurtbewoner",
                    url="https://x.example/buurtbewoner/status/2", summary="Vraag over parkeren")
    draft = context.drafting.drafts.create("Beste @PetraDeBoer, dank voor uw vraag.")
    plain = context.drafting.drafts.create("Vanaf maandag rijdt de bus weer.")
    return about, mentions, other, draft, plain


def file_bytes(context):
    context.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    paths = [context.paths.database, context.paths.database.with_name(
        context.paths.database.name + "-wal")]
    return b"".join(p.read_bytes() for p in paths if p.exists())


def test_erasure_replaces_the_name_everywhere_and_records_only_counts(context):
    about, mentions, other, draft, plain = fill(context)
    request = context.privacy.erase_counterpart("@PetraDeBoer")

    assert request.affected == {"log_entries": 2, "drafts": 1, "feed_items": 0}
    entry = context.logbook.get(about.id)
    assert entry.counterpart == ERASED_MARKER
    assert entry.url == ""
    assert "petradeboer" not in (entry.summary + entry.outcome).lower()
    assert ERASED_MARKER in context.logbook.get(mentions.id).summary
    untouched = context.logbook.get(other.id)
    assert (untouched.counterpart, untouched.url) == ("@buurtbewoner", other.url)
    assert context.drafting.drafts.get(draft.id).text == (
        f"Beste {ERASED_MARKER}, dank voor uw vraag.")
    assert context.drafting.drafts.get(plain.id).text == "Vanaf maandag rijdt de bus weer."
    # Entries are kept (the log is a record), the erasure is in their history without the name.
    history = context.logbook.history(about.id)
    assert history[-1].changed_by == "AVG-verzoek"
    assert b"petradeboer" not in file_bytes(context).lower()
    assert [r.total for r in context.privacy.requests()] == [3]


def test_history_stays_unchangeable_outside_an_erasure(context):
    fill(context)
    with pytest.raises(sqlite3.IntegrityError, match="log history is kept"):
        context.store.db.execute("UPDATE interaction_history SET changed_by = 'x'")
