"""Volgen and Voorkeuren on a laptop screen: 1024 x 768, or 1280 x 720 with a 14 pt font.

The reader pane kept a 383-pixel minimum and the item list's other columns fixed widths, so at
1024 pixels the title column had 26 pixels ("…") and at 14 pt the headers were cut. The
Voorkeuren dialog gave its sections less height than their wrapped notes take.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from ambtenaar20.gui.main_window import MainWindow
from tests.feeds.feed_server import rss


@pytest.fixture
def font_size(qapp, request):
    """The application's font at ``request.param`` points (0: as it is)."""
    previous = QApplication.font()
    if request.param:
        font = QFont(previous)
        font.setPointSize(request.param)  # a larger system font, as officers with low vision
        QApplication.setFont(font)
    yield request.param
    QApplication.setFont(previous)


def _stored_items(context, feed_server) -> None:
    # A feed with a long name, as real ones have ("Nieuws uit de gemeente Utrecht").
    items = [{"title": f"Gemeente trekt extra geld uit voor de jeugdzorg in wijk {n}",
              "guid": f"g{n}", "link": f"https://example.org/{n}",
              "description": "<p>De gemeenteraad stemde in met een extra bijdrage.</p>",
              "pubDate": f"Mon, {n + 1:02d} Sep 2025 10:00:00 +0000"} for n in range(12)]
    context.feeds.add_feed(feed_server.add("/zorg.xml",
                                           rss("Nieuws uit de gemeente Utrecht", items)))
    assert context.feeds.refresh().new_items == 12
    context.topics.add_topic("Zorg", "jeugdzorg")


def _volgen_at(qtbot, make_context, feed_server, size: tuple[int, int]):
    """The window at ``size`` before its lists arrive (the panes are shared out at that width),
    on Volgen with an item open."""
    context = make_context("nl")
    _stored_items(context, feed_server)
    window = MainWindow(context)
    window.remember_state = False
    window.warm_up_delay_ms = None
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.populate_areas()
    area = window.area("follow")
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1 and area.model.rowCount() == 12,
                    timeout=10_000)
    area.table.setCurrentIndex(area.model.index(0, 0))
    qtbot.waitUntil(lambda: area.reader.item is not None, timeout=10_000)
    # Opened, the item's buttons say "Markeer als ongelezen": the splitter widens the reader.
    qtbot.waitUntil(lambda: area.reader.width() >= area.reader.minimumSizeHint().width(),
                    timeout=3000)
    return window, area


def _assert_fits(window, area) -> None:
    page = window.stack.currentWidget()
    assert page.horizontalScrollBar().maximum() == 0  # the window does not scroll sideways
    table = area.table
    assert table.horizontalScrollBar().maximum() == 0  # nor does the list
    header = table.horizontalHeader()
    for column in range(1, area.model.columnCount()):
        title = area.model.headerData(column, header.orientation())
        assert header.sectionSize(column) >= header.sectionSizeHint(column), title  # not cut
        if column != 1:  # the feed's long name is cut on purpose; dates and tones never
            assert header.sectionSize(column) >= table.sizeHintForColumn(column), title
    bold = QFont(table.font())
    bold.setBold(True)
    # Room for a useful part of every title (it was 4 characters): at least 12 of it.
    assert header.sectionSize(0) >= 12 * QFontMetrics(bold).averageCharWidth()
    reader = area.reader
    for button in reader.findChildren(QAbstractButton):  # no button's label is cut
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.x() + button.width() <= reader.width(), button.text()
    for label in (reader.title, reader.meta):  # the title and its line wrap, whole
        assert label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize(("font_size", "size"), [(0, (1024, 768)), (14, (1280, 720))],
                         indirect=["font_size"])
def test_volgen_gives_the_titles_and_the_reader_room_on_a_laptop(qtbot, make_context,
                                                                 feed_server, font_size, size):
    window, area = _volgen_at(qtbot, make_context, feed_server, size)
    _assert_fits(window, area)
    # The reader's buttons wrap instead of holding the pane at the width of a row of three.
    assert area.reader.minimumSizeHint().width() < area.reader.open_button.sizeHint().width() \
        + area.reader.reply_button.sizeHint().width() + area.reader.tone.sizeHint().width()
    if font_size:
        return  # at 14 pt with this long feed name, the tree gives way to the list's least
    tree = area.tree
    for node in list(tree.nodes())[:4]:  # "All items", "Topics" and the topic: counts not cut
        index = tree.indexFromItem(node)
        right = tree.visualItemRect(node).left() + tree.sizeHintForIndex(index).width()
        assert right <= tree.viewport().width(), node.text(0)


@pytest.mark.parametrize("font_size", [0], indirect=True)
def test_volgen_on_a_large_screen_keeps_its_shares(qtbot, make_context, feed_server, font_size):
    window, area = _volgen_at(qtbot, make_context, feed_server, (1400, 900))
    _assert_fits(window, area)
    tree, listing, reader = area.splitter.sizes()
    total = tree + listing + reader
    # As the panes always started at this size: 15 / 53 / 32 per cent; the tree up to 18 %
    # for a feed's long name.
    assert 0.145 < tree / total < 0.185
    assert abs(reader / total - 0.32) < 0.01
    assert area.table.horizontalHeader().sectionSize(0) >= 300


@pytest.mark.parametrize("font_size", [0, 14], indirect=True)
def test_preferences_show_their_notes_whole(qtbot, make_context, font_size):
    from ambtenaar20.gui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(make_context("nl"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    notes = [label for label in dialog.findChildren(QLabel) if label.wordWrap()]
    assert len(notes) >= 2  # the language note and the backup note
    for note in notes:
        # Every line of the note has room (cut off below, the last lines were missing).
        assert note.height() >= note.heightForWidth(note.width()), note.text()
    available = dialog.screen().availableGeometry()
    assert dialog.height() <= available.height()  # the rest scrolls; Opslaan stays in view


def test_the_shares_serve_the_list_first_when_room_is_short():
    from ambtenaar20.gui.areas.following.pane_shares import Needs, shares

    needs = Needs(tree=160, least_reader=170, listing=450, least_listing=400)
    assert shares(1240, needs) == [186, 658, 396]  # 15 / 53 / 32 %, as always
    tree, listing, reader = shares(864, needs)  # a 1024-pixel screen
    assert (tree, listing) == (160, 450) and reader == 864 - 610  # the reader gives way
    # Less still: the reader at its minimum, and the tree gives way as far as the list's least
    # needs, down to 15 %.
    assert shares(700, needs) == [130, 400, 170]
    assert shares(600, needs) == [90, 340, 170]
