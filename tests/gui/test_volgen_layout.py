"""Volgen and Voorkeuren on a laptop screen: 1024 x 768, or 1280 x 720 with a 14 pt font.

The reader pane kept a 383-pixel minimum and the item list's other columns fixed widths, so at
1024 pixels the title column had 26 pixels ("…") and at 14 pt the headers were cut. The
Voorkeuren dialog gave its sections less height than their wrapped notes take.

At 1024 x 768 with a 14 pt font the list still scrolled sideways with ~4 characters of each
title: the columns, the reader's widest button and the tree needed more than the window has.
There the list is now compact (feed names cut sooner, dates without the time), the marks'
header is short, and the reader's widest labels go on two lines.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

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


def _volgen_at(qtbot, make_context, feed_server, size: tuple[int, int],
               reader_position: str = "auto"):
    """The window at ``size`` before its lists arrive (the panes are shared out at that width),
    on Volgen with an item open; the reader where the officer chose (Beeld → Leesvenster)."""
    context = make_context("nl")
    context.settings.window.reader_position = reader_position
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
    # Opened, the item's buttons say "Markeer als ongelezen": the splitter widens the reader,
    # and the buttons' layout gives the longer label its room at its next pass (a posted
    # event: on a busy machine the reader was wide enough before the button was).
    buttons = area.reader.findChildren(QAbstractButton)
    qtbot.waitUntil(lambda: area.reader.width() >= area.reader.minimumSizeHint().width()
                    and all(button.width() >= button.sizeHint().width() for button in buttons
                            if button.isVisible()), timeout=3000)
    return window, area


def _assert_fits(window, area, least_title: float = 12) -> None:
    """``least_title``: the title column's least, in average characters of unread (bold)
    text."""
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
    # Room for a useful part of every title (it was 4 characters).
    assert header.sectionSize(0) >= least_title * QFontMetrics(bold).averageCharWidth()
    reader = area.reader
    for button in reader.findChildren(QAbstractButton):  # no button's label is cut
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.x() + button.width() <= reader.width(), button.text()
    for label in (reader.title, reader.meta):  # the title and its line wrap, whole
        assert label.height() >= label.heightForWidth(label.width())
    # Nothing drawn over anything else: each control below the one before it, or beside it.
    shown = sorted((widget for widget in reader.findChildren(QWidget)
                    if widget.parent() is reader and widget.isVisible()),
                   key=lambda widget: (widget.y(), widget.x()))
    for upper, lower in itertools.pairwise(shown):
        assert not upper.geometry().intersects(lower.geometry()), (upper, lower)


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


@pytest.mark.parametrize("font_size", [14], indirect=True)
def test_volgen_at_1024_pixels_and_14_pt_fits_without_scrolling(qtbot, make_context,
                                                                feed_server, font_size):
    window, area = _volgen_at(qtbot, make_context, feed_server, (1024, 768), "right")
    assert not area.panes.reader_is_below
    # ~10 characters of each title (it was 4), in unread (bold) text; the list's others whole.
    _assert_fits(window, area, least_title=9)
    table = area.table
    assert table.horizontalHeader().sectionSize(0) >= 10 * QFontMetrics(table.font()) \
        .averageCharWidth()
    # The list is compact: the feed's long name is cut sooner, the dates are short.
    assert table.compact
    dates = area.model.COLUMNS.index("published")
    assert all(len(area.model.data(area.model.index(row, dates))) <= 5
               for row in range(area.model.rowCount()))
    # The reader gave way below its widest label on one line: that label is on two now,
    # every word whole, and read out on one line.
    reader = area.reader
    assert reader.width() < reader.least_one_line_width()
    read = reader.read_button
    assert "\n" in read.text()
    assert read.text().replace("\n", " ") == "Markeer als on&gelezen"
    assert read.accessibleName() == "Markeer als ongelezen"


@pytest.mark.parametrize(("font_size", "size"), [(14, (1280, 720)), (0, (1400, 900))],
                         indirect=["font_size"])
def test_larger_screens_keep_the_full_list_and_one_line_labels(qtbot, make_context,
                                                               feed_server, font_size, size):
    _window, area = _volgen_at(qtbot, make_context, feed_server, size)
    assert not area.table.compact
    dates = area.model.COLUMNS.index("published")
    assert all(len(area.model.data(area.model.index(row, dates))) > 5  # with month, year
               for row in range(area.model.rowCount()))
    assert not [button.text() for button in area.reader.findChildren(QAbstractButton)
                if "\n" in button.text()]


def test_a_compact_list_turns_full_again_when_the_window_grows(qtbot, make_context,
                                                               feed_server):
    font = QFont(QApplication.font())
    previous = QApplication.font()
    font.setPointSize(14)
    QApplication.setFont(font)
    try:
        window, area = _volgen_at(qtbot, make_context, feed_server, (1024, 768), "right")
        assert area.table.compact
        window.resize(1400, 768)
        read = area.reader.read_button
        qtbot.waitUntil(lambda: not area.table.compact and "\n" not in read.text()
                        and read.width() >= read.sizeHint().width(), timeout=3000)
        dates = area.model.COLUMNS.index("published")
        assert len(area.model.data(area.model.index(0, dates))) > 5
        _assert_fits(window, area)
    finally:
        QApplication.setFont(previous)


def test_the_marks_header_is_short_and_says_the_whole_word(qtbot, make_context):
    from ambtenaar20.gui.areas.following.item_model import ItemListModel

    make_context("nl")
    model = ItemListModel(lambda *_args: (0, []))
    column = model.COLUMNS.index("flags")
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(column, horizontal) == "Mark."
    for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        assert model.headerData(column, horizontal, role) == "Markering"
    # The marks themselves are no wider than before: the header was the widest.
    assert model.column_texts(column) == ["★ reactie"]


def test_short_dates_say_the_day_for_the_last_half_year_and_the_year_before():
    from datetime import datetime

    from ambtenaar20.gui.areas.following.item_model import compact_moment

    now = datetime(2026, 1, 3, 12, 0)
    assert compact_moment(datetime(2026, 1, 3, 8, 5), now, short=True) == "08:05"
    assert compact_moment(datetime(2025, 12, 29, 21, 56), now, short=True) == "29-12"
    assert compact_moment(datetime(2025, 3, 1, 10, 0), now, short=True) == "2025"
    assert compact_moment(datetime(2025, 12, 29, 21, 56), now) == "29-12-2025"  # as before


@pytest.mark.parametrize("font_size", [0], indirect=True)
def test_volgen_on_a_large_screen_keeps_its_shares(qtbot, make_context, feed_server, font_size):
    window, area = _volgen_at(qtbot, make_context, feed_server, (1400, 900))
    _assert_fits(window, area)
    assert not area.panes.reader_is_below
    tree, listing, reader = area.panes.widths()
    total = tree + listing + reader
    # As the panes always started at this size: 15 / 53 / 32 per cent; the tree up to 18 %
    # for a feed's long name.
    assert 0.145 < tree / total < 0.185
    assert abs(reader / total - 0.32) < 0.01
    assert area.table.horizontalHeader().sectionSize(0) >= 300


@pytest.mark.parametrize(("font_size", "size"), [(14, (1024, 768)), (14, (1400, 900)),
                                               (0, (1024, 768))], indirect=["font_size"])
def test_where_both_are_cramped_the_reader_goes_under_the_list(qtbot, make_context,
                                                              feed_server, font_size, size):
    # Beside the list, at 1024 x 768 with 14 pt the titles kept ~10 characters and the reader
    # ~220 pixels; at 1400 x 900 with 14 pt the reader had 245 pixels, a button a line. Under
    # it (automatic) the list is full and the reader wide.
    window, area = _volgen_at(qtbot, make_context, feed_server, size)
    assert area.panes.reader_is_below
    assert area.tabs.y() > area.table.y() + area.table.height() - 1
    assert not area.table.compact
    _assert_fits(window, area, least_title=18)  # twice what it had beside the reader
    assert area.tabs.width() >= area.table.width() - 1  # the reader as wide as the list
    assert area.table.height() >= 12 * area.table.verticalHeader().defaultSectionSize()
    assert not [button.text() for button in area.reader.findChildren(QAbstractButton)
                if "\n" in button.text()]
    # Grown wide enough for both, the reader goes back beside the list.
    window.resize(2200, size[1])
    qtbot.waitUntil(lambda: not area.panes.reader_is_below, timeout=3000)
    qtbot.waitUntil(lambda: area.tabs.x() > area.table.x() + area.table.width() - 1,
                    timeout=3000)
    _assert_fits(window, area)


@pytest.mark.parametrize("font_size", [0], indirect=True)
def test_the_officer_puts_the_reader_under_the_list_and_it_stays_there(
        qtbot, make_context, feed_server, font_size):
    window, area = _volgen_at(qtbot, make_context, feed_server, (1400, 900))
    assert not area.panes.reader_is_below  # automatic: room enough beside the list
    actions = window.reader_position_actions
    assert actions["auto"].isChecked()
    assert [action.text() for action in actions.values()] == [
        "&Automatisch", "&Rechts van de lijst", "&Onder de lijst"]
    assert actions["below"].parent() is not None  # in Beeld's menu, reachable by keyboard
    assert window.view_menu.actions()[-1].menu().title() == "&Leesvenster"
    actions["below"].trigger()
    assert area.panes.reader_is_below
    qtbot.waitUntil(lambda: area.tabs.y() >= area.table.y() + area.table.height(),
                    timeout=3000)
    assert area.table.horizontalHeader().sectionSize(0) >= 500  # the titles get the width
    assert window.context.settings.window.reader_position == "below"
    # Saved: a new window on the same data opens with the reader under the list.
    from ambtenaar20.core.settings import SettingsStore

    assert SettingsStore(window.context.paths.settings).load().settings.window \
        .reader_position == "below"
    actions["right"].trigger()
    assert not area.panes.reader_is_below
    window.resize(1024, 768)  # chosen "right", the reader stays beside a narrow window
    qtbot.waitUntil(lambda: area.width() < 900, timeout=3000)
    assert not area.panes.reader_is_below


@pytest.mark.parametrize(("font_size", "size"), [(0, (1366, 768)), (0, (1400, 900))],
                         indirect=["font_size"])
def test_with_room_for_both_the_reader_stays_beside_the_list(qtbot, make_context, feed_server,
                                                            font_size, size):
    _window, area = _volgen_at(qtbot, make_context, feed_server, size)
    assert not area.panes.reader_is_below
    assert area.reader.button_lines(area.reader.width()) <= 3


def test_where_the_reader_goes_of_its_own_accord():
    from ambtenaar20.gui.areas.following.reader_position import below_heights, reader_below

    # Automatic: under the list only when beside it the list is compact and there is height.
    assert reader_below("auto", cramped_beside=True, height=640, line_height=22)
    assert not reader_below("auto", cramped_beside=False, height=640, line_height=22)
    assert not reader_below("auto", cramped_beside=True, height=400, line_height=22)
    # The officer's choice holds whatever the room; a damaged value counts as automatic.
    assert reader_below("below", cramped_beside=False, height=300, line_height=22)
    assert not reader_below("right", cramped_beside=True, height=900, line_height=22)
    assert reader_below("diagonal", cramped_beside=True, height=640, line_height=22)
    assert sum(below_heights(601)) == 601 and abs(below_heights(601)[0] - 300) <= 1


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
    # A reader whose labels can go on two lines gives way below its minimum, as far as the
    # list's least needs, and no further than its two-line width.
    wrapping = Needs(tree=160, least_reader=170, listing=450, least_listing=400,
                     wrapped_reader=130)
    assert shares(1240, wrapping) == [186, 658, 396]  # with room, as before
    assert shares(700, wrapping) == [130, 400, 170]  # the list has its least: one line
    assert shares(640, wrapping) == [96, 400, 144]  # was [96, 374, 170]
    assert shares(600, wrapping) == [90, 380, 130]
