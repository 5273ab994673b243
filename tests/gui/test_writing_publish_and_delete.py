"""Schrijven as an officer used it: publish once, a post without an address, no pile of empty
drafts, deleting a draft, a steady layout after publishing, platforms by their names.

Every dialog here is the real one, answered through the keyboard's way in (``modal_answers``).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ambtenaar20.gui.areas.writing.area import WritingArea
from tests.gui.modal_answers import answer_dialogs_fixture, press_ok, type_text  # noqa: F401
from tests.gui.writing_support import open_area


@pytest.fixture
def context(make_context):
    ctx = make_context("nl")
    ctx.store  # noqa: B018 - the app opens the database before the window, so do we
    return ctx



def publish_through_dialogs(qtbot, answer_dialogs, area: WritingArea, url: str) -> None:
    answers = answer_dialogs(type_text(url), press_ok, press_ok)  # address, then platform
    qtbot.mouseClick(area.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)


def test_a_published_draft_is_logged_once_and_says_why_it_cannot_be_marked_again(
        qtbot, context, answer_dialogs):
    area = open_area(qtbot, context)
    area.editor.setPlainText("Vanaf maandag halen we het afval op dinsdag op.")
    publish_through_dialogs(qtbot, answer_dialogs, area, "https://x.com/gemeente/1")
    qtbot.waitUntil(lambda: len(context.logbook.list()) == 1, timeout=5000)
    qtbot.waitUntil(lambda: area.draft.published_at is not None, timeout=5000)
    assert not area.publish_button.isEnabled()
    assert "gepubliceerd" in area.publish_button.toolTip()
    assert "logboek" in area.publish_button.toolTip()
    # Asked again anyway (a shortcut, a stale click): nothing is logged twice.
    area.publish()
    qtbot.wait(300)
    assert len(context.logbook.list()) == 1
    # Another draft can be published; back on the first, the reason is shown again.
    first = area.draft.id
    area.new_draft("Tweede bericht")
    qtbot.waitUntil(lambda: area.draft.id != first and area.publish_button.isEnabled(),
                    timeout=5000)
    area.open_draft_id(first)
    qtbot.waitUntil(lambda: area.draft.id == first, timeout=5000)
    assert not area.publish_button.isEnabled()
    assert "gepubliceerd" in area.state.text()


def test_a_post_without_a_web_address_can_be_marked_as_published(qtbot, context, answer_dialogs):
    area = open_area(qtbot, context)
    area.editor.setPlainText("Dank voor uw bericht, we bellen u morgen.")
    publish_through_dialogs(qtbot, answer_dialogs, area, "")
    qtbot.waitUntil(lambda: len(context.logbook.list()) == 1, timeout=5000)
    entry = context.logbook.list()[0]
    assert (entry.draft_id, entry.url) == (area.draft.id, "")


def test_a_wrong_web_address_keeps_the_question_open(qtbot, context, answer_dialogs):
    area = open_area(qtbot, context)
    area.editor.setPlainText("Dank voor uw bericht.")
    problems: list[str] = []
    answers = answer_dialogs(
        type_text("x.com/gemeente/1"), press_ok,
        lambda dialog: problems.append(dialog.labelText()),
        type_text("https://x.com/gemeente/1"), press_ok, press_ok)
    qtbot.mouseClick(area.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    assert len(answers.seen) == 2  # the address, asked once; then the platform
    assert "https://" in problems[0]
    qtbot.waitUntil(lambda: len(context.logbook.list()) == 1, timeout=5000)
    assert context.logbook.list()[0].url == "https://x.com/gemeente/1"


def test_empty_drafts_do_not_pile_up(qtbot, context):
    """Nor are they stored at all: a new draft is stored with its first content."""
    for _start in range(3):
        area = open_area(qtbot, context)
        for _click in range(3):
            qtbot.mouseClick(area.drafts_list.new_button, Qt.MouseButton.LeftButton)
            qtbot.wait(100)
        qtbot.waitUntil(lambda a=area: a.drafts_list.empty_hint.isVisible(), timeout=5000)
        assert area.drafts_list.list.count() == 0
        area.close()
    assert context.drafting.drafts.list() == []


def test_new_draft_after_writing_makes_a_new_one(qtbot, context):
    area = open_area(qtbot, context)
    area.editor.setPlainText("Al begonnen")
    qtbot.mouseClick(area.drafts_list.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.editor.toPlainText() == "", timeout=5000)
    [first] = context.drafting.drafts.list()
    assert first.text == "Al begonnen" and area.draft.id != first.id


def test_deleting_the_shown_draft_asks_and_opens_its_neighbour(qtbot, context, answer_dialogs):
    drafts = context.drafting.drafts
    oldest = drafts.create("Oudste concept")
    middle = drafts.create("Middelste concept")
    newest = drafts.create("Nieuwste concept")
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 3, timeout=5000)
    area.open_draft_id(middle.id)
    qtbot.waitUntil(lambda: area.draft.id == middle.id, timeout=5000)
    button = area.drafts_list.delete_button
    assert button.accessibleName() == "Concept verwijderen"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus

    # "No" keeps it.
    asked: list[str] = []
    answers = answer_dialogs(lambda box: asked.append(box.text()),
                             lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    assert "Middelste concept" in asked[0]
    assert {d.id for d in drafts.list()} == {oldest.id, middle.id, newest.id}

    answers = answer_dialogs(press_ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    qtbot.waitUntil(lambda: area.draft is not None and area.draft.id == oldest.id, timeout=5000)
    assert area.editor.toPlainText() == "Oudste concept"
    assert {d.id for d in drafts.list()} == {oldest.id, newest.id}
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 2, timeout=5000)


def test_delete_key_in_the_list_deletes_the_highlighted_draft(qtbot, context, answer_dialogs):
    drafts = context.drafting.drafts
    only = drafts.create("Het enige concept")
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == only.id, timeout=5000)
    area.drafts_list.list.setFocus()
    area.drafts_list.list.setCurrentRow(0)
    answers = answer_dialogs(press_ok)
    qtbot.keyClick(area.drafts_list.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    # The last one gone: an empty draft to write in, as on the first start, not stored.
    qtbot.waitUntil(lambda: area.draft is not None and area.draft.id != only.id, timeout=5000)
    assert area.editor.toPlainText() == ""
    assert drafts.list() == []
    area.editor.setPlainText("Opnieuw begonnen")
    area.flush()
    # A deleted draft's number is not given out again.
    assert [(d.id, d.text) for d in drafts.list()] == [(only.id + 1, "Opnieuw begonnen")]


def test_publishing_does_not_squeeze_the_metrics_or_the_editor(qtbot, context, answer_dialogs):
    area = open_area(qtbot, context)
    area.editor.setPlainText("Vanaf maandag halen we het afval op dinsdag op.")
    qtbot.waitUntil(lambda: area.metrics.text() != "", timeout=5000)
    QApplication.processEvents()
    before = (area.metrics.width(), area.metrics.height(), area.tabs.height())
    publish_through_dialogs(qtbot, answer_dialogs, area, "https://x.com/gemeente/1")
    qtbot.waitUntil(lambda: "logboek" in area.state.text(), timeout=5000)
    QApplication.processEvents()
    assert (area.metrics.width(), area.metrics.height(), area.tabs.height()) == before
    assert area.state.isVisible()


def test_the_drafts_list_names_platforms_as_they_are_called(qtbot, context):
    context.drafting.drafts.create("Over afval", platforms=["x", "mastodon"])
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 1, timeout=5000)
    assert "X, Mastodon" in area.drafts_list.list.item(0).text()


def test_make_a_copy_opens_a_new_draft_of_a_published_one_that_can_be_published_again(
        qtbot, context, answer_dialogs):
    drafts = context.drafting.drafts
    original = drafts.create("Vanaf maandag halen we het afval op.", topic="Afval",
                             platforms=["x", "mastodon"])
    drafts.tick(original.id, "manual.facts")
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == original.id, timeout=5000)
    area.editor.setPlainText("Vanaf maandag halen we het afval op dinsdag op.")  # not saved yet
    publish_through_dialogs(qtbot, answer_dialogs, area, "https://x.com/gemeente/1")
    qtbot.waitUntil(lambda: area.draft.published_at is not None, timeout=5000)
    assert not area.publish_button.isEnabled()

    button = area.drafts_list.copy_button
    assert button.text() == "K&opie maken"
    assert button.accessibleName() == "Kopie maken van het concept"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # from the keyboard, as an officer would
    qtbot.waitUntil(lambda: area.draft.id != original.id, timeout=5000)

    copy = area.draft
    assert (copy.text, copy.topic, copy.platforms, copy.status, copy.published_at) == \
        ("Vanaf maandag halen we het afval op dinsdag op.", "Afval", ("x", "mastodon"),
         "draft", None)
    assert area.editor.toPlainText() == copy.text and area.topic.text() == "Afval"
    assert area.platform_bar.selected() == ("x", "mastodon")
    assert area.publish_button.isEnabled()
    assert f"kopie van concept {original.id}" in area.state.text()
    # The new copy is the one selected in the list.
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 2, timeout=5000)
    qtbot.waitUntil(lambda: area.drafts_list.list.currentItem() is not None and
                    area.drafts_list.list.currentItem().data(Qt.ItemDataRole.UserRole)
                    == copy.id, timeout=5000)
    assert drafts.ticks(copy.id) == set() and drafts.ticks(original.id) == {"manual.facts"}
    assert drafts.get(original.id).status == "published"

    publish_through_dialogs(qtbot, answer_dialogs, area, "https://mastodon.social/@g/2")
    qtbot.waitUntil(lambda: len(context.logbook.list()) == 2, timeout=5000)


def test_a_copy_made_among_the_published_drafts_is_shown_among_all(qtbot, context):
    drafts = context.drafting.drafts
    original = drafts.create("Al gepubliceerd", platforms=["x"])
    drafts.mark_published(original.id, "", "x", [], None)
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == original.id, timeout=5000)
    area.drafts_list.status.setCurrentIndex(area.drafts_list.status.findData("published"))
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 1, timeout=5000)
    qtbot.mouseClick(area.drafts_list.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.draft.id != original.id, timeout=5000)
    assert area.drafts_list.status_filter is None
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 2, timeout=5000)
    qtbot.waitUntil(lambda: area.drafts_list.list.currentItem() is not None and
                    area.drafts_list.list.currentItem().data(Qt.ItemDataRole.UserRole)
                    == area.draft.id, timeout=5000)


@pytest.mark.parametrize(("language", "number", "clipboard", "copy"), [
    ("nl", "nr. {id}", "Tekst &kopiëren", "K&opie maken"),
    ("en", "no. {id}", "&Copy text", "Make a c&opy")])
def test_a_copy_and_its_original_are_told_apart(qtbot, make_context, language, number,
                                                clipboard, copy):
    # QA s5 #9: after "Kopie maken" the list showed two identical rows (same first line, status
    # and minute), and "Kopie maken" sat above a clipboard button called just "Kopiëren".
    context = make_context(language)
    context.store  # noqa: B018
    original = context.drafting.drafts.create("Vanaf maandag halen we het afval op.",
                                              topic="Afval", platforms=["x"])
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == original.id, timeout=5000)
    qtbot.mouseClick(area.drafts_list.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.draft.id != original.id, timeout=5000)
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 2, timeout=5000)
    rows = {area.drafts_list.list.item(row).data(Qt.ItemDataRole.UserRole):
            area.drafts_list.list.item(row).text() for row in range(2)}
    assert len(set(rows.values())) == 2, rows
    for draft_id, text in rows.items():
        # The number the CLI and the message use ("a copy of draft 1"), first in the details.
        assert text.splitlines()[1].startswith(number.format(id=draft_id) + " · "), text
    assert f" {area.draft.id}," in area.state.text() and f" {original.id};" in area.state.text()
    assert (area.copy_button.text(), area.drafts_list.copy_button.text()) == (clipboard, copy)
    assert area.copy_button.accessibleName() in ("De tekst naar het klembord kopiëren",
                                                 "Copy the text to the clipboard")
    assert area.copy_button.toolTip() == area.copy_button.accessibleName()
