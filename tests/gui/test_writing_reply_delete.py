"""Schrijven: deleting the draft of a reply that was never published says, and does, that the
log entry "Reageren" made goes with it (QA s6 #2); any other draft's question is unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ambtenaar20.core.logbook.model import LogFilter
from tests.feeds.feed_server import rss
from tests.gui.modal_answers import answer_dialogs_fixture, press_ok  # noqa: F401
from tests.gui.writing_support import open_area

ITEM = {"title": "Gemeenteraad stemt in met nieuw afvalbeleid", "guid": "r1",
        "link": "https://example.org/raad", "description": "De raad stemde gisteren in.",
        "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}


@pytest.fixture
def context(make_context, feed_server):
    ctx = make_context("nl")
    ctx.feeds.add_feed(feed_server.add("/raad.xml", rss("Gemeente", [ITEM])))
    ctx.feeds.refresh()
    return ctx


def test_deleting_an_unpublished_reply_says_the_log_entry_goes_too(qtbot, context,
                                                                     answer_dialogs):
    from ambtenaar20.core.replies import start_reply

    item_id = context.items.item_ids()[0]
    start_reply(context, item_id)
    [entry] = context.logbook.list()
    reply = context.drafting.drafts.create("", "", [], item_id)
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == reply.id, timeout=5000)

    asked: list[str] = []
    answers = answer_dialogs(lambda box: asked.append(box.text()),
                             lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.mouseClick(area.drafts_list.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    assert asked == ["Het concept “(leeg concept)” en de logboekregel van deze reactie "
                     "verwijderen? De reactie is nooit gepubliceerd. Het concept kan niet "
                     "worden teruggehaald; de logboekregel blijft als verwijderd bewaard, met "
                     "haar geschiedenis."]
    assert [e.id for e in context.logbook.list()] == [entry.id]  # "Nee" keeps both

    answers = answer_dialogs(press_ok)
    qtbot.mouseClick(area.drafts_list.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    qtbot.waitUntil(lambda: context.logbook.list() == [], timeout=5000)
    assert reply.id not in {d.id for d in context.drafting.drafts.list()}
    assert context.logbook.list(LogFilter(include_deleted=True))[0].deleted


def test_an_ordinary_draft_is_asked_about_as_before(qtbot, context, answer_dialogs):
    draft = context.drafting.drafts.create("Vanaf maandag halen we het afval op.")
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == draft.id, timeout=5000)
    asked: list[str] = []
    answers = answer_dialogs(lambda box: asked.append(box.text()),
                             lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.mouseClick(area.drafts_list.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    assert asked == ["Het concept “Vanaf maandag halen we het afval op.” verwijderen? Dit kan "
                     "niet ongedaan worden gemaakt."]
