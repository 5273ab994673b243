"""A feed's title is text in the window too: "Het <script>-element uitgelegd" is shown whole.

Qt guesses whether a label's or a tool tip's text is HTML; a title that looks like markup
would be drawn as HTML, its "<script>" eating the rest (the feeds store titles as text).
"""

from __future__ import annotations

from PySide6.QtGui import (
    Qt,  # this Qt also has mightBeRichText
    QTextDocument,
)

from ambtenaar20.gui.areas.following.item_model import ItemListModel
from ambtenaar20.gui.areas.following.queries import Selection
from ambtenaar20.gui.areas.following.reader import ReaderPane

TITLE = "Het <script>-element uitgelegd & <b>meer</b>"
ITEM = {"id": 1, "title": TITLE, "feed": "Uitleg <i>feed</i>", "link": "https://e.nl/1",
        "published": "2025-06-02T10:00:00Z", "lang": "nl", "sentiment": "neutral",
        "sentiment_override": None, "tone_words": [], "html": "<p>x</p>", "read": 0,
        "starred": 0, "needs_response": 0}


def test_the_reader_shows_title_and_feed_as_text(qtbot):
    assert Qt.mightBeRichText(TITLE)  # what Qt would otherwise draw as HTML
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_item(dict(ITEM))
    assert pane.title.text() == TITLE
    assert pane.title.textFormat() == Qt.TextFormat.PlainText
    assert pane.meta.textFormat() == Qt.TextFormat.PlainText
    assert "Uitleg <i>feed</i>" in pane.meta.text()


def test_the_list_tool_tip_shows_the_title_as_text(qtbot):
    model = ItemListModel(lambda *_args: (1, [dict(ITEM)]))
    model.show_page(Selection(), 1, [dict(ITEM)])
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    if Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    assert document.toPlainText() == TITLE
