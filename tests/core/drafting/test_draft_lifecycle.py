"""A draft's life in the store: started once, published once, undone dismissals, deleted.

Found by an officer: a second "mark as published" added a second log entry (reports counted the
post twice), every "new draft" left another empty one behind, a post without a web address
could not be marked, and an ignored finding could not be brought back.
"""

from __future__ import annotations

import threading

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.errors import UsageError


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir, "nl")
    yield ctx
    ctx.close()


def test_a_draft_is_logged_once_however_often_it_is_marked(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Vanaf maandag halen we het afval op dinsdag op.", topic="Afval")
    drafts.mark_published(draft.id, "https://social.example/@gemeente/1", "Mastodon", [],
                          context.drafting.recorder)
    with pytest.raises(UsageError, match="al gemarkeerd"):
        drafts.mark_published(draft.id, "https://social.example/@gemeente/1", "Mastodon", [],
                              context.drafting.recorder)
    assert len(context.logbook.list()) == 1
    # Setting the status back by hand does not make it a new post either.
    drafts.update(draft.id, status="draft")
    with pytest.raises(UsageError):
        drafts.mark_published(draft.id, "", "X", [], context.drafting.recorder)
    assert len(context.logbook.list()) == 1


def test_two_publications_at_once_log_one_entry(data_dir):
    # Two workers (a double click, the window and the command line) marking the same draft.
    context = create_app_context(data_dir, "nl")
    try:
        drafts = context.drafting.drafts
        draft = drafts.create("Het gft wordt op dinsdag opgehaald.")
        context.logbook.list()  # the log's tables exist before the race starts
        start = threading.Barrier(2)
        refused: list[Exception] = []

        def publish() -> None:
            start.wait()
            try:
                drafts.mark_published(draft.id, "https://social.example/@gemeente/3",
                                      "Mastodon", [], context.drafting.recorder)
            except UsageError as error:
                refused.append(error)

        workers = [threading.Thread(target=publish) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert len(refused) == 1
        assert len(context.logbook.list()) == 1
    finally:
        context.close()


def test_a_failed_log_entry_leaves_the_draft_unpublished(context):
    class BrokenLog:
        def record_published(self, *args) -> None:
            raise OSError("schijf vol")

    drafts = context.drafting.drafts
    draft = drafts.create("Tekst")
    with pytest.raises(OSError):
        drafts.mark_published(draft.id, "", "X", [], BrokenLog())
    again = drafts.get(draft.id)
    assert (again.status, again.published_at) == ("draft", None)
    # So the officer can try again, and then it is logged.
    drafts.mark_published(draft.id, "", "X", [], context.drafting.recorder)
    assert len(context.logbook.list()) == 1


def test_published_without_a_web_address(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Telefonisch beantwoord.", topic="Afval")
    done = drafts.mark_published(draft.id, "  ", "Telefoon", [], context.drafting.recorder)
    assert done.status == "published" and done.published_at and done.published_url is None
    entry = context.logbook.list()[0]
    assert (entry.draft_id, entry.url, entry.platform) == (draft.id, "", "Telefoon")


def test_an_empty_untouched_draft_is_reused(context):
    drafts = context.drafting.drafts
    first = drafts.create_or_reuse()
    assert drafts.create_or_reuse().id == first.id
    assert len(drafts.list()) == 1
    # A reply or a template fills the empty draft instead of adding one.
    reply = drafts.create_or_reuse("Dank voor uw vraag.", topic="Afval", feed_item_id=7,
                                   language="nl")
    assert reply.id == first.id
    assert (reply.text, reply.topic, reply.feed_item_id, reply.language) == (
        "Dank voor uw vraag.", "Afval", 7, "nl")
    # Now it has text: the next one is new.
    assert drafts.create_or_reuse().id != first.id
    assert len(drafts.list()) == 2


@pytest.mark.parametrize("touch", ["topic", "platforms", "status", "tick", "whitespace"])
def test_a_touched_empty_draft_is_not_reused(context, touch):
    drafts = context.drafting.drafts
    draft = drafts.create()
    if touch == "topic":
        drafts.update(draft.id, topic="Wonen")
    elif touch == "platforms":
        drafts.update(draft.id, platforms=["x"])
    elif touch == "status":
        drafts.update(draft.id, status="archived")
    elif touch == "tick":
        drafts.tick(draft.id, "manual.facts")
    else:
        drafts.save_text(draft.id, "   ")  # typed, even if only spaces: still reused
    reused = drafts.create_or_reuse().id == draft.id
    assert reused is (touch == "whitespace")


def test_deleting_a_draft_removes_its_dismissals_and_ticks(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Bel 020-1234567 voor informatie.")
    other = drafts.create("Blijft staan")
    finding = Finding("pii.phone", "warning", 4, 15, "020-1234567", "m")
    drafts.dismiss(draft.id, finding, "pakket 1", "Openbaar nummer")
    drafts.tick(draft.id, "manual.facts")
    drafts.delete(draft.id)
    assert [d.id for d in drafts.list()] == [other.id]
    assert drafts.dismissals(draft.id) == [] and drafts.ticks(draft.id) == set()
    with pytest.raises(UsageError):
        drafts.delete(draft.id)


def test_a_dismissal_can_be_undone(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Bel 020-1234567 of 06-12345678.")
    first = drafts.dismiss(draft.id, Finding("pii.phone", "warning", 4, 15, "020-1234567", "m"),
                           "pakket 1", "Openbaar nummer")
    second = drafts.dismiss(draft.id, Finding("pii.phone", "warning", 19, 30, "06-12345678",
                                              "m"), "pakket 1", "Eigen dienstnummer")
    drafts.undismiss(first.id)
    assert drafts.dismissals(draft.id) == [second]


def test_a_deleted_drafts_number_is_not_given_to_a_new_one(context):
    # The log knows a published draft by its number; a new draft with the old number was
    # taken for the deleted one and its publication was not logged.
    drafts = context.drafting.drafts
    old = drafts.create("Gepubliceerd en daarna verwijderd")
    drafts.mark_published(old.id, "", "X", [], context.drafting.recorder)
    drafts.delete(old.id)
    new = drafts.create("Een nieuw bericht")
    assert new.id != old.id
    drafts.mark_published(new.id, "", "X", [], context.drafting.recorder)
    assert sorted(e.draft_id for e in context.logbook.list()) == [old.id, new.id]
