"""The text fields of the Volgen dialogs show what is typed in them, and renaming a feed starts
from its name.

A feed address was cut off after about 120 pixels in *Feed toevoegen*, and the proxy's
placeholder in *Voorkeuren* read "leeg: de proxy va…": a plain line edit beside a long label
asks for room for 17 characters only. Checked in Dutch and English, at the normal font and at
14 pt, as the dialogs open.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame

from ambtenaar20.gui.areas.following import dialogs
from ambtenaar20.gui.areas.following.area import FollowingArea
from ambtenaar20.gui.dialogs.preferences_dialog import PreferencesDialog
from tests.feeds.feed_server import rss

# 50 characters: a feed address as officers paste them.
TYPICAL_ADDRESS = "https://www.gemeente-testdorp.nl/nieuws/feed.rss2"
# Qt keeps 2 pixels between the frame and the text on each side (QLineEditPrivate).
QT_TEXT_MARGIN = 2


@pytest.fixture(params=[None, 14], ids=["normal font", "14 pt"])
def font_size(request, qapp):
    previous = QApplication.font()
    if request.param:
        font = QFont(previous)
        font.setPointSize(request.param)  # a larger system font, as officers with low vision use
        QApplication.setFont(font)
    yield request.param
    QApplication.setFont(previous)


def shown_text(edit: QLineEdit, text: str) -> str:
    """``text`` as the field draws it now: elided to the room it has, as QLineEdit draws its
    placeholder (and as much of a typed value as can be seen without scrolling)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 2 * QT_TEXT_MARGIN
    assert width <= edit.contentsRect().width()
    return edit.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)


def opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_feed_address_shows_a_typical_address_and_the_whole_placeholder(
        qtbot, make_context, font_size, language):
    make_context(language)
    dialog = opened(qtbot, dialogs.AddFeedDialog())
    address = dialog.url
    assert shown_text(address, address.placeholderText()) == address.placeholderText()
    assert shown_text(address, TYPICAL_ADDRESS) == TYPICAL_ADDRESS


def test_the_feed_address_grows_with_the_dialog(qtbot, make_context):
    make_context("nl")
    dialog = opened(qtbot, dialogs.AddFeedDialog())
    before = dialog.url.width()
    dialog.resize(dialog.width() + 200, dialog.height())
    qtbot.waitUntil(lambda: dialog.url.width() >= before + 200)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_topic_query_shows_its_whole_example(qtbot, make_context, font_size, language):
    make_context(language)
    dialog = opened(qtbot, dialogs.AddTopicDialog())
    query = dialog.query
    assert query.placeholderText().startswith({"nl": "bijvoorbeeld", "en": "for example"}[language])
    assert shown_text(query, query.placeholderText()) == query.placeholderText()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_proxy_placeholder_is_not_cut_off(qtbot, make_context, font_size, language):
    dialog = opened(qtbot, PreferencesDialog(make_context(language)))
    proxy = dialog.feed_preferences.proxy
    assert proxy.placeholderText() == {"nl": "leeg: de proxy van het systeem gebruiken",
                                       "en": "empty: use the system proxy"}[language]
    assert shown_text(proxy, proxy.placeholderText()) == proxy.placeholderText()


def test_renaming_a_feed_starts_from_its_name_which_typing_replaces(
        qtbot, make_context, feed_server, monkeypatch):
    context = make_context("nl")
    assert context.store
    url = feed_server.add("/nieuws.xml", rss("Nieuws", []))
    feed = context.feeds.add_feed(url, "Gemeente Testdorp — nieuws voor inwoners")
    area = FollowingArea(context)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1, timeout=10_000)
    seen = {}

    def exec_(dialog):
        opened(qtbot, dialog)
        seen["text"], seen["selected"] = dialog.name.text(), dialog.name.selectedText()
        seen["whole"] = shown_text(dialog.name, dialog.name.text()) == dialog.name.text()
        qtbot.keyClicks(dialog.name, "Testdorp")
        return dialogs.RenameFeedDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.RenameFeedDialog, "exec", exec_)
    area.rename_feed(feed["id"])
    assert seen == {"text": "Gemeente Testdorp — nieuws voor inwoners",
                    "selected": "Gemeente Testdorp — nieuws voor inwoners", "whole": True}
    qtbot.waitUntil(lambda: context.feeds.list_feeds()[0]["title"] == "Testdorp", timeout=5000)


def test_a_feed_cannot_be_renamed_to_nothing(qtbot, make_context):
    make_context("nl")
    dialog = opened(qtbot, dialogs.RenameFeedDialog("Nieuws"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.name.setText("  ")
    assert not ok.isEnabled()
