"""Findings as an officer meets them: a reason is required to ignore one, ignored findings can be
seen and brought back, suggestion buttons say what they do, and a reply is written and checked
in the language of the item it answers, whatever the interface language.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ambtenaar20.core import i18n
from ambtenaar20.gui.areas.writing.area import WritingArea
from tests.feeds.feed_server import rss
from tests.gui.modal_answers import answer_dialogs_fixture, press_ok, type_text  # noqa: F401
from tests.gui.writing_support import open_area


@pytest.fixture
def context(make_context):
    ctx = make_context("nl")
    ctx.store  # noqa: B018 - the app opens the database before the window, so do we
    return ctx



def rules_in_panel(area: WritingArea) -> list[str]:
    return [f.rule for f in area.panel.findings]


def select_phone_finding(qtbot, area: WritingArea) -> None:
    area.editor.setPlainText("Bel 020-1234567 voor informatie.")
    qtbot.waitUntil(lambda: "pii.phone" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("pii.phone"))


def test_ignoring_without_a_reason_keeps_the_question_open(qtbot, context, answer_dialogs):
    area = open_area(qtbot, context)
    select_phone_finding(qtbot, area)
    labels: list[str] = []
    answers = answer_dialogs(press_ok, lambda dialog: labels.append(dialog.labelText()),
                             type_text("Openbaar nummer van de gemeente"), press_ok)
    qtbot.mouseClick(area.panel.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    assert len(answers.seen) == 1  # one dialog, kept open
    assert "reden" in labels[0].split("\n")[-1]
    qtbot.waitUntil(lambda: "pii.phone" not in rules_in_panel(area), timeout=5000)
    assert [d.reason for d in area.store.dismissals(area.draft.id)] == [
        "Openbaar nummer van de gemeente"]


def test_ignored_findings_are_listed_with_their_reason_and_can_be_undone(qtbot, context,
                                                                          monkeypatch):
    area = open_area(qtbot, context)
    select_phone_finding(qtbot, area)
    monkeypatch.setattr(area, "ask_reason", lambda finding: "Openbaar nummer van de gemeente")
    area.panel.dismiss_button.click()
    qtbot.waitUntil(lambda: "pii.phone" not in rules_in_panel(area), timeout=5000)
    ignored = area.panel.ignored
    assert ignored.toggle.isVisible() and "1" in ignored.toggle.text()
    assert ignored.toggle.accessibleName()
    assert ignored.toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not ignored.list.isVisible()
    ignored.toggle.setFocus()
    qtbot.keyClick(ignored.toggle, Qt.Key.Key_Space)  # opened from the keyboard
    assert ignored.list.isVisible() and ignored.list.count() == 1
    shown = ignored.list.item(0).text()
    assert "020-1234567" in shown and "Openbaar nummer van de gemeente" in shown
    # The one entry is selected, so "Count again" works without a click first.
    assert ignored.list.currentRow() == 0
    assert ignored.undo_button.isEnabled() and ignored.undo_button.accessibleName()
    qtbot.mouseClick(ignored.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "pii.phone" in rules_in_panel(area), timeout=5000)
    assert area.store.dismissals(area.draft.id) == []
    assert not ignored.toggle.isVisible()


def test_suggestion_buttons_say_what_they_do(qtbot, context):
    area = open_area(qtbot, context)
    area.editor.setPlainText("Wij komen reeds morgen.")
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("jargon"))
    button = area.panel.suggestion_buttons[0]
    assert button.text() == "Vervang door: al"
    assert button.accessibleName() == "Vervang door: al"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert area.editor.toPlainText() == "Wij komen al morgen."


DUTCH_ITEM = {"title": "Vraag over de afvalkalender", "link": "https://example.org/vraag",
              "guid": "v1",
              "description": "Wanneer wordt het gft bij ons in de straat opgehaald? Het is "
                             "niet te vinden op de website van de gemeente en de app werkt niet.",
              "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}


def test_a_reply_follows_the_language_of_the_item_not_of_the_interface(qtbot, make_context,
                                                                       feed_server):
    i18n.set_language("en")  # conftest sets Dutch back afterwards
    context = make_context("en")
    context.feeds.add_feed(feed_server.add("/afval.xml", rss("Gemeente", [DUTCH_ITEM])))
    context.feeds.refresh()
    item_id = context.items.item_ids()[0]
    area = open_area(qtbot, context)
    area.new_draft(topic="Afval", feed_item_id=item_id)
    qtbot.waitUntil(lambda: area.draft.feed_item_id == item_id, timeout=5000)
    assert area.draft.language == "nl"
    qtbot.waitUntil(lambda: area.drafts_list.templates_menu.actions() != [], timeout=5000)
    names = [a.text() for a in area.drafts_list.templates_menu.actions() if a.text()]
    assert "Antwoord op een vraag" in names and "Reply to a question" not in names
    # Words a Dutch reply shares with English do not make it English.
    text = "Good point, see our website."
    area.editor.setPlainText(text)
    qtbot.waitUntil(lambda: area.result is not None and area.result.text == text, timeout=5000)
    assert area.result.language == "nl"
    # A new draft of its own follows the interface again.
    first = area.draft.id
    area.editor.setPlainText("Iets anders")
    area.new_draft()
    qtbot.waitUntil(lambda: area.draft.id != first, timeout=5000)
    assert area.draft.language is None
    names = [a.text() for a in area.drafts_list.templates_menu.actions() if a.text()]
    assert "Reply to a question" in names
