"""The Volgen reader when it is narrow or low (a 1024 x 768 screen at 14 pt).

A word wider than the pane ("Omgevingsvergunningaanvraag" in the title's large bold) was the
title's minimum: opening such an item made the reader wider and took the room from the item
list. A long title on a low screen took the buttons' height, and the layout drew the buttons
and the text over each other.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget

from ambtenaar20.gui.areas.following.long_words import BREAK
from ambtenaar20.gui.areas.following.reader import ReaderPane

LONG_WORD = "Omgevingsvergunningaanvraagprocedure"
ITEM = {"id": 1, "feed": "Gemeente Testdorp", "published": "2025-06-02T10:00:00Z",
        "lang": "nl", "sentiment": "neutral", "sentiment_override": None, "tone_words": [],
        "html": "<p>Tekst.</p>", "link": "https://e.nl/1", "read": 1, "starred": 0,
        "needs_response": 0}


def _pane(qtbot, width: int, height: int, title: str) -> ReaderPane:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_item(dict(ITEM, title=title))
    qtbot.wait(50)  # the layout after the texts and the labels changed
    return pane


def test_a_word_wider_than_the_reader_breaks_where_it_ends(qtbot, make_context):
    make_context("nl")
    title = f"{LONG_WORD} wordt eenvoudiger"
    pane = _pane(qtbot, 220, 700, title)
    word = QFontMetricsF(pane.title.font()).horizontalAdvance(LONG_WORD)
    assert word > 220  # the case: the word alone is wider than the pane
    assert pane.minimumSizeHint().width() < word  # it does not widen the pane
    assert pane.title.text().replace(BREAK, "") == title  # the same words, breakable
    assert pane.title.accessibleName() == title  # read out as given
    assert pane.title.height() >= pane.title.heightForWidth(pane.title.width())  # all of it
    # With room for the word it is shown as given.
    pane.resize(int(word) + 100, 700)
    qtbot.waitUntil(lambda: BREAK not in pane.title.text(), timeout=3000)
    assert pane.title.text() == title


def test_a_low_reader_cuts_the_title_not_the_buttons(qtbot, make_context):
    make_context("nl")
    title = " ".join(["Gemeenteraad besluit over de jeugdzorg in de wijk"] * 6)
    pane = _pane(qtbot, 230, 300, title)
    shown = sorted((widget for widget in pane.findChildren(QWidget)
                    if widget.parent() is pane and widget.isVisible()),
                   key=lambda widget: (widget.y(), widget.x()))
    for upper, lower in itertools.pairwise(shown):  # nothing drawn over anything else
        assert not upper.geometry().intersects(lower.geometry()), (upper, lower)
    assert pane.title.height() < pane.title.heightForWidth(pane.title.width())  # cut
    assert pane.title.toolTip() == title  # and whole in its tool tip
    # Given the height, the whole title again.
    pane.resize(230, 1400)
    qtbot.waitUntil(lambda: not pane.title.toolTip() and pane.title.height()
                    >= pane.title.heightForWidth(pane.title.width()), timeout=3000)
