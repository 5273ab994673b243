"""The Volgen item list's columns: fitted to their texts at every new list, until the officer
drags one; from then on the officer's widths stay when another topic or feed is chosen.

The widths were fitted again at every click in the tree, so a dragged width was lost at once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ambtenaar20.gui.areas.following.area import FollowingArea
from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE, NAME_ROLE
from tests.feeds.feed_server import rss

SHORT, LONG = "Kort", "Nieuws van de gemeente"


@pytest.fixture
def area(qtbot, make_context, feed_server):
    context = make_context("nl")
    for path, name in (("/kort.xml", SHORT), ("/lang.xml", LONG)):
        items = [{"title": f"Bericht {number} van {name}", "guid": f"{path}{number}",
                  "link": f"https://example.org{path}/{number}",
                  "pubDate": f"Mon, 0{number + 1} Sep 2025 10:00:00 +0000"}
                 for number in range(3)]
        context.feeds.add_feed(feed_server.add(path, rss(name, items)))
    assert context.feeds.refresh().new_items == 6
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.pages.currentIndex() == 1 and widget.model.rowCount() == 6,
                    timeout=10_000)
    return widget


def _feed_column(area) -> int:
    return area.model.COLUMNS.index("feed")


def _choose_feed(qtbot, area, name: str) -> None:
    node = next(node for node in area.tree.nodes()
                if node.data(0, KIND_ROLE) == "feed" and node.data(0, NAME_ROLE) == name)
    area.tree.setCurrentItem(node)
    qtbot.waitUntil(lambda: area.model.rowCount() == 3
                    and all(area.model.row(row)["feed"] == name
                            for row in range(3)), timeout=10_000)


def _drag_right_edge(qtbot, area, column: int, by: int) -> None:
    """Drags the column's right edge in the header with the mouse, as the officer does."""
    header = area.table.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    start = QPoint(edge, header.height() // 2)
    viewport = header.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + QPoint(by * step // 4, 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(by, 0))


def test_without_a_drag_each_list_fits_its_own_feed_names(qtbot, area):
    header, column = area.table.horizontalHeader(), _feed_column(area)
    _choose_feed(qtbot, area, SHORT)
    short_width = header.sectionSize(column)
    # The title column follows the window's width: that is no choice of the officer's.
    before = area.table.width()
    area.resize(900, 600)
    qtbot.waitUntil(lambda: area.table.width() != before, timeout=3000)
    _choose_feed(qtbot, area, LONG)
    assert header.sectionSize(column) > short_width  # refitted to the longer name
    _choose_feed(qtbot, area, SHORT)
    assert header.sectionSize(column) == short_width


def test_a_dragged_width_stays_when_another_feed_is_chosen(qtbot, area):
    header, column = area.table.horizontalHeader(), _feed_column(area)
    _choose_feed(qtbot, area, SHORT)
    fitted = header.sectionSize(column)
    _drag_right_edge(qtbot, area, column, 80)
    dragged = header.sectionSize(column)
    assert dragged >= fitted + 60  # the drag reached the header (not a resize of our own)
    others = {other: header.sectionSize(other)
              for other in range(1, area.model.columnCount())}
    _choose_feed(qtbot, area, LONG)
    assert header.sectionSize(column) == dragged
    _choose_feed(qtbot, area, SHORT)
    assert header.sectionSize(column) == dragged
    # The columns not dragged keep their widths too: the officer arranged the list as a whole.
    assert {other: header.sectionSize(other)
            for other in range(1, area.model.columnCount())} == others


def test_a_larger_font_is_no_drag(qtbot, area):
    """Qt widens a column itself to the header's least width at a larger font: the lists
    after it are still fitted."""
    header, column = area.table.horizontalHeader(), _feed_column(area)
    _choose_feed(qtbot, area, SHORT)
    small = header.sectionSize(column)
    previous = QApplication.font()
    font = QFont(previous)
    font.setPointSize(max(previous.pointSize(), 9) + 7)
    QApplication.setFont(font)
    try:
        qtbot.waitUntil(lambda: header.sectionSize(column) > small, timeout=3000)
        large_short = header.sectionSize(column)
        _choose_feed(qtbot, area, LONG)
        assert header.sectionSize(column) > large_short
    finally:
        QApplication.setFont(previous)
