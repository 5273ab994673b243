"""Giving a renamed feed back its own title from the window, as ``feeds rename ID ''`` does.

"Feed hernoemen" only took a new name (OK waits for one), so a name once given could not be
undone in the window. The dialog now has "Eigen titel van de feed gebruiken", reachable with
Tab and its Alt key, which returns an empty title.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from ambtenaar20.gui.areas.following import dialogs
from ambtenaar20.gui.areas.following.area import FollowingArea
from tests.feeds.feed_server import rss

WORDS = {"nl": ("Eigen titel van de feed gebruiken", "E"),
         "en": ("Use the feed's own title", "U")}


def _opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name, timeout=3000)
    return dialog


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_own_title_is_reached_with_tab_and_named(qtbot, make_context, language):
    make_context(language)
    dialog = _opened(qtbot, dialogs.RenameFeedDialog("Mijn eigen naam"))
    button = dialog.own_title_button
    words, _key = WORDS[language]
    assert button.text().replace("&", "") == words
    assert button.accessibleName() == words
    assert button.toolTip() and button.accessibleDescription() == button.toolTip()
    for _press in range(5):  # the field, then the buttons: it is in the Tab order
        if QApplication.focusWidget() is button:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert dialog.result() == dialogs.RenameFeedDialog.DialogCode.Accepted
    assert dialog.value() == ""  # the feed's own title, as ``feeds rename ID ''``


@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_has_an_alt_key_of_its_own_and_enter_still_means_the_typed_name(
        qtbot, make_context, language):
    make_context(language)
    _words, key = WORDS[language]
    dialog = _opened(qtbot, dialogs.RenameFeedDialog("Mijn eigen naam"))
    # Alt+key chooses it (Qt's mnemonic; offscreen Qt delivers no Alt key to a test), and no
    # other control of the dialog answers to that key.
    assert dialog.own_title_button.shortcut() == QKeySequence(f"Alt+{key}")
    others = [button.shortcut() for button in dialog.findChildren(QAbstractButton)
              if button is not dialog.own_title_button]
    assert QKeySequence(f"Alt+{key}") not in others
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter is OK, not "own title"
    assert dialog.result() == dialogs.RenameFeedDialog.DialogCode.Accepted
    assert dialog.value() == "Mijn eigen naam"


def test_the_area_gives_the_feed_its_own_title_back(qtbot, make_context, feed_server,
                                                    monkeypatch):
    context = make_context("nl")
    url = feed_server.add("/nieuws.xml", rss("Nieuws uit Testdorp", []))
    feed = context.feeds.add_feed(url, "Mijn eigen naam")
    area = FollowingArea(context)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1, timeout=10_000)
    said = []
    monkeypatch.setattr(area, "_say", said.append)

    def exec_(dialog):
        assert dialog.name.text() == "Mijn eigen naam"
        dialog.own_title_button.click()
        return dialog.result()

    monkeypatch.setattr(dialogs.RenameFeedDialog, "exec", exec_)
    area.rename_feed(feed["id"])
    qtbot.waitUntil(lambda: context.feeds.list_feeds()[0]["title"] == "", timeout=5000)
    # Why the tree shows the feed's address until then.
    qtbot.waitUntil(lambda: any("volgende vernieuwen" in message for message in said),
                    timeout=5000)
    context.feeds.refresh()
    assert context.feeds.list_feeds()[0]["title"] == "Nieuws uit Testdorp"
