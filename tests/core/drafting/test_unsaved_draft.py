"""A new draft is stored once, with its first content; an old empty draft is reused."""

from __future__ import annotations

import threading

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.drafting.unsaved import UnsavedDraft, has_content


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir)
    yield ctx
    ctx.close()


@pytest.mark.parametrize(("content", "expected"), [
    ({}, False), ({"text": " \n\t "}, False), ({"text": "a"}, True),
    ({"topic": " "}, False), ({"topic": "Afval"}, True), ({"platforms": ("x",)}, True),
    ({"status": "draft"}, False), ({"status": "checked"}, True)])
def test_what_counts_as_content(content, expected):
    assert has_content(**content) is expected


def test_nothing_is_stored_until_asked_and_then_once(context):
    drafts = context.drafting.drafts
    unsaved = UnsavedDraft(drafts)
    assert unsaved.draft.id < 1 and unsaved.stored is None
    assert drafts.list() == []
    first = unsaved.store("Eerste woord", "Afval", ["x"])
    again = unsaved.store("Anders")
    assert again == first == unsaved.stored
    assert [(d.id, d.text, d.topic, d.platforms) for d in drafts.list()] == [
        (first.id, "Eerste woord", "Afval", ("x",))]


def test_unsaved_drafts_have_numbers_of_their_own(context):
    numbers = {UnsavedDraft(context.drafting.drafts).draft.id for _n in range(3)}
    assert len(numbers) == 3 and max(numbers) < 1


def test_writes_on_many_threads_at_once_store_one_draft(context):
    drafts = context.drafting.drafts
    unsaved = UnsavedDraft(drafts)
    start = threading.Barrier(8)
    made: list[int] = []

    def write() -> None:
        start.wait()
        made.append(unsaved.store("Tegelijk").id)

    threads = [threading.Thread(target=write) for _n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(made)) == 1
    assert [d.id for d in drafts.list()] == made[:1]


def test_an_empty_draft_of_an_older_version_is_filled_in_not_added_to(context):
    drafts = context.drafting.drafts
    old = drafts.create("")
    assert drafts.blank() == old
    stored = UnsavedDraft(drafts).store("Nu met tekst")
    assert stored.id == old.id
    assert [(d.id, d.text) for d in drafts.list()] == [(old.id, "Nu met tekst")]
    assert drafts.blank() is None


def test_a_ticked_or_linked_draft_is_not_blank(context):
    drafts = context.drafting.drafts
    ticked = drafts.create("")
    drafts.tick(ticked.id, "manual.facts")
    drafts.create("", feed_item_id=7)
    assert drafts.blank() is None
