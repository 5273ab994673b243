"""The tree's share of Volgen's width: its feeds' names, and never less for a longer one.

With the reader under the list at 1024 x 768 and 14 pt the tree had 126 pixels ("Klima…",
"⚠ Fee…"), less than before a longer feed name was added: the list's feed column grew and the
tree gave way to it. At 1280 x 720 with 12 pt the tree cut "De Stentor – Zwolle" and "Climate
Adaptation Platform" with room to spare in the list. The titles' 20 characters still come
first: at 1024 x 768 with 14 pt there is no room beyond them.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE
from ambtenaar20.gui.areas.following.pane_shares import Needs, below_shares, shares
from ambtenaar20.gui.main_window import MainWindow
from tests.feeds.feed_server import rss

#: The list's columns but the title and the feed column, a title's 20 and 12 characters, the
#: feed column's cap: pixels as at 14 pt.
COLUMNS, TITLE, LEAST_TITLE, FEED_CAP = 360, 220, 132, 154


def _needs(feed_column: int, named_tree: int, least_reader: int = 250) -> Needs:
    return Needs(tree=150, least_reader=least_reader,
                 listing=COLUMNS + feed_column + TITLE,
                 least_listing=COLUMNS + feed_column + LEAST_TITLE,
                 named_tree=named_tree, feed_growth=FEED_CAP - feed_column)


def test_a_longer_feed_name_never_narrows_the_tree():
    # The feed column and the tree's feed rows grow with the longest name, to their caps.
    for width in range(700, 1500, 20):
        below, beside = [], []
        for name in range(40, 400, 10):
            needs = _needs(min(name, FEED_CAP), min(name + 40, 300))
            below.append(below_shares(width, needs)[0])
            beside.append(shares(width, needs)[0])
        assert below == sorted(below), width
        assert beside == sorted(beside), width


def test_under_the_list_the_tree_takes_its_names_once_the_titles_have_their_room():
    needs = _needs(FEED_CAP, named_tree=240)
    # 1024 x 768 at 14 pt: the titles keep their 20 characters, the tree its 15 %.
    assert below_shares(843, needs) == [126, 717]
    tree, listing = below_shares(900, needs)  # some room: as much as the titles leave
    assert listing == COLUMNS + FEED_CAP + TITLE and tree == 900 - listing
    assert below_shares(1120, needs) == [240, 880]  # room: the tree has its names
    assert below_shares(1120, _needs(FEED_CAP, named_tree=600))[0] == 1120 // 4  # its cap
    assert below_shares(600, needs)[0] == 90  # never under 15 %


def test_beside_the_reader_the_names_come_after_the_titles():
    needs = _needs(FEED_CAP, named_tree=240, least_reader=170)
    # Room beyond the list's 20 characters and the reader's third: the tree's names.
    assert shares(1500, needs) == [240, 780, 480]
    # Some: as much as leaves the list its 20 characters.
    assert shares(1400, needs) == [218, 734, 448]
    # None: the tree keeps 15 %, the reader gives way to the list.
    assert shares(1000, needs) == [150, 680, 170]


@pytest.fixture
def larger_font(qapp, request):
    previous = QApplication.font()
    font = QFont(previous)
    font.setPointSize(request.param)
    QApplication.setFont(font)
    yield request.param
    QApplication.setFont(previous)


def _volgen(qtbot, make_context, feed_server, feeds: list[str], size: tuple[int, int]):
    context = make_context("nl")
    for number, name in enumerate(feeds):
        items = [{"title": f"Hittestress in de binnenstad, bericht {n}", "guid": f"{number}-{n}",
                  "link": f"https://example.org/{number}/{n}",
                  "pubDate": f"Mon, {n + 1:02d} Sep 2025 10:00:00 +0000"} for n in range(3)]
        context.feeds.add_feed(feed_server.add(f"/feed{number}.xml", rss(name, items)))
    context.feeds.refresh()
    context.topics.add_topic("Klimaatadaptatie", "hittestress")
    window = MainWindow(context)
    window.remember_state = False
    window.warm_up_delay_ms = None
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.populate_areas()
    area = window.area("follow")
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1 and area.model.rowCount() > 0,
                    timeout=10_000)
    return area


def _whole(tree, node) -> bool:
    index = tree.indexFromItem(node)
    return tree.visualItemRect(node).left() + tree.sizeHintForIndex(index).width() \
        <= tree.viewport().width()


@pytest.mark.parametrize("larger_font", [12], indirect=True)
def test_at_1280_by_720_with_12_pt_the_feeds_names_are_whole(qtbot, make_context, feed_server,
                                                             larger_font):
    names = ["De Stentor – Zwolle", "Gemeente Zwolle", "Climate Adaptation Platform"]
    area = _volgen(qtbot, make_context, feed_server, names, (1280, 720))
    feeds = [node for node in area.tree.nodes() if node.data(0, KIND_ROLE) == "feed"]
    assert len(feeds) == 3
    # Names up to ``TREE_FEED_CHARACTERS`` whole; a longer one cut, not at the titles' cost.
    assert [_whole(area.tree, node) for node in feeds] == [False, True, True], \
        [node.text(0) for node in feeds]
    # ... and the titles keep far more than their 20 characters.
    assert area.table.horizontalHeader().sectionSize(0) > 40 * area.table.fontMetrics() \
        .averageCharWidth()
