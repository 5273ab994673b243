"""The Volgen area says what happened where the officer looks (QA s6 #1-#3): the OPML import's
summary in a message that stays, with the file's folders in the tree; a failing feed's problem
in the list area and to screen readers; a search with a mistake or no hits as an empty list
that says so, with the reader cleared.

Real feeds from a loopback server, a closed port for the failing feed.
"""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ambtenaar20.gui.areas.following.area import FollowingArea
from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE, VALUE_ROLE
from tests.feeds.feed_server import rss

REFUSED = "The server refused the connection."


def build_area(qtbot, context) -> FollowingArea:
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def news(prefix: str, count: int) -> list[dict[str, str]]:
    return [{"title": f"{prefix} {number} over groene daken", "guid": f"{prefix}-{number}",
             "pubDate": f"Mon, 0{1 + number} Sep 2025 10:00:00 +0000"}
            for number in range(count)]


def feed_node(area, feed_id):
    return next(node for node in area.tree.nodes()
                if (node.data(0, KIND_ROLE), node.data(0, VALUE_ROLE)) == ("feed", feed_id))


def open_notes(area) -> list[str]:
    return [box.text() for box in area.findChildren(QMessageBox) if box.isVisible()]


# -- OPML import ------------------------------------------------------------------------------


def test_opml_import_says_what_it_did_and_shows_the_files_folders(qtbot, make_context,
                                                                  feed_server, tmp_path,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    context = make_context("en")
    followed = feed_server.add("/gemeente.xml", rss("Gemeente", news("Gemeente", 2)))
    context.feeds.add_feed(followed)
    water = feed_server.add("/water.xml", rss("Waterschap", news("Water", 2)))
    climate = feed_server.add("/climate.xml", rss("Climate news", news("Climate", 2)))
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline text="Klimaat"><outline text="Waterschap" xmlUrl="{html.escape(water)}"/>'
        f'<outline text="Climate news" xmlUrl="{html.escape(climate)}"/></outline>'
        '<outline text="Kapot" xmlUrl="niet-een-url"/>'
        f'<outline text="Gemeente" xmlUrl="{html.escape(followed)}"/>'
        '</body></opml>', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args, **_kwargs: (str(opml), ""))
    area = build_area(qtbot, context)
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1, timeout=10_000)

    area.import_button.click()
    qtbot.waitUntil(lambda: len(open_notes(area)) == 1, timeout=10_000)
    assert open_notes(area) == [
        "2 feeds added, 1 already followed, 1 skipped (not a valid http or https address).\n"
        "Skipped: Kapot (niet-een-url)."]

    # The folder is a row of the Feeds branch, with its two feeds under it.
    def folder():
        feeds = area.tree.topLevelItem(2)
        rows = [feeds.child(n) for n in range(feeds.childCount())]
        return next((row for row in rows if row.text(0) == "Klimaat"), None)

    qtbot.waitUntil(lambda: folder() is not None and folder().childCount() == 2,
                    timeout=10_000)
    assert sorted(folder().child(n).data(0, KIND_ROLE) for n in range(2)) == ["feed", "feed"]
    unfiled = area.tree.topLevelItem(2).child(1)  # after the folder, not refreshed: its address
    assert unfiled.data(0, KIND_ROLE) == "feed" and unfiled.text(0).startswith(followed)
    with qtbot.waitSignal(area.refresh_task.signals.finished, timeout=30_000):
        pass

    # Again: nothing new, and it says so instead of nothing.
    for box in area.findChildren(QMessageBox):
        box.close()
    area.import_button.click()
    qtbot.waitUntil(lambda: len(open_notes(area)) == 1, timeout=10_000)
    assert open_notes(area)[0].startswith("0 feeds added, 3 already followed, 1 skipped")


def test_opml_summary_in_dutch_counts_and_names_a_few(tmp_path):
    from ambtenaar20.core.feeds.opml import OpmlFeed
    from ambtenaar20.core.feeds.opml_summary import describe_import

    report = {"added": ["https://a.nl/rss"], "existing": ["https://b.nl/rss"] * 2,
              "invalid": ["niet-een-url"], "with_password": []}
    assert describe_import(report, [OpmlFeed("niet-een-url", "Kapot", "")]) == (
        "1 feed toegevoegd, 2 al gevolgd, 1 overgeslagen (geen geldig http- of "
        "https-adres).\nOvergeslagen: Kapot (niet-een-url).")
    report["invalid"] = [f"fout{n}" for n in range(5)]
    assert describe_import(report).endswith("Overgeslagen: fout0, fout1, fout2 en 2 meer.")


# -- a failing feed ---------------------------------------------------------------------------


def test_a_failing_feed_says_its_problem_in_the_list_and_to_screen_readers(qtbot,
                                                                          make_context):
    context = make_context("en")
    feed = context.feeds.add_feed("http://127.0.0.1:9/rss.xml")  # discard port: refused
    context.feeds.refresh()
    area = build_area(qtbot, context)
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1, timeout=10_000)
    node = feed_node(area, feed["id"])
    problem = f"This feed could not be fetched: {REFUSED} It has never been fetched."
    spoken = node.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"http://127.0.0.1:9/rss.xml: 0 unread items. {problem}"
    area.tree.setCurrentItem(node)
    qtbot.waitUntil(lambda: area.table.placeholder == problem, timeout=10_000)
    assert area.table.accessibleDescription() == problem
    assert not area.notice.isVisible()  # no rows: said in the empty list itself
    # Back to all items: nothing to say there.
    area.tree.setCurrentItem(area.tree.topLevelItem(0))
    qtbot.waitUntil(lambda: area.table.placeholder == "", timeout=10_000)


def test_a_failing_feed_with_items_says_it_above_the_list(qtbot, make_context, feed_server):
    context = make_context("en")
    url = feed_server.add("/gaat-mis.xml", rss("Gaat mis", news("Bericht", 3)))
    feed = context.feeds.add_feed(url)
    context.feeds.refresh()
    feed_server.add("/gaat-mis.xml", b"kapot", status=500, content_type="text/plain")
    context.feeds.refresh()
    area = build_area(qtbot, context)
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1, timeout=10_000)
    area.tree.setCurrentItem(feed_node(area, feed["id"]))
    qtbot.waitUntil(area.notice.isVisible, timeout=10_000)
    text = area.notice.text()
    assert text.startswith("This feed could not be fetched: ") and " Last fetched: " in text
    assert area.model.rowCount() == 3 and area.table.placeholder == ""


# -- search -----------------------------------------------------------------------------------


@pytest.fixture
def searched(qtbot, make_context, feed_server):
    """A topic chosen, then a search with four hits, the first of them open in the reader."""
    context = make_context("en")
    context.feeds.add_feed(feed_server.add("/regen.xml", rss("Regen", news("Regen", 4))))
    context.feeds.add_feed(feed_server.add("/hitte.xml", rss("Hitte", [
        {"title": f"Hittestress {n}", "guid": f"h{n}",
         "pubDate": "Mon, 01 Sep 2025 10:00:00 +0000"} for n in range(3)])))
    context.topics.add_topic("Hittestress", "hittestress")
    context.feeds.refresh()
    area = build_area(qtbot, context)
    qtbot.waitUntil(lambda: area.pages.currentIndex() == 1, timeout=10_000)
    topic = area.tree.topLevelItem(1).child(0)
    area.tree.setCurrentItem(topic)
    qtbot.waitUntil(lambda: area.model.selection.topic == "Hittestress"
                    and area.model.rowCount() == 3, timeout=10_000)
    area.search.setText("regen*")
    area.search.returnPressed.emit()
    qtbot.waitUntil(lambda: area.model.rowCount() == 4, timeout=10_000)
    area.table.setCurrentIndex(area.model.index(0, 0))
    qtbot.waitUntil(lambda: area.reader.item is not None, timeout=10_000)
    return area


def test_a_search_with_a_mistake_empties_the_list_and_says_why(qtbot, searched):
    area = searched
    assert area.tree.selectedItems() == []  # the search's list, not the topic's
    area.search.setText('"groen dak')
    area.search.returnPressed.emit()
    message = "Query error at character 1: "
    qtbot.waitUntil(lambda: area.table.placeholder.startswith(message), timeout=10_000)
    assert area.model.rowCount() == 0
    assert area.reader.item is None
    assert area.tree.currentItem() is None and area.tree.selectedItems() == []
    # A refresh with new items reloads the list: it stays empty, no error dialog.
    area.model.reload()
    qtbot.waitUntil(lambda: not area.model.busy, timeout=10_000)
    assert area.model.rowCount() == 0 and area.table.placeholder.startswith(message)
    assert [box for box in area.findChildren(QMessageBox) if box.isVisible()] == []


def test_a_search_without_hits_says_so_and_clearing_it_shows_all_items(qtbot, searched):
    area = searched
    area.search.setText("kwijtgeraakt")
    area.search.returnPressed.emit()
    qtbot.waitUntil(lambda: area.table.placeholder != "", timeout=10_000)
    assert area.table.placeholder.startswith("No items found for “kwijtgeraakt”.\n")
    # Shown in the list, and named for screen readers (painted text is not read out).
    label = area.table.placeholder_label
    assert label.isVisible() and label.text() == area.table.placeholder
    assert label.geometry().intersects(area.table.viewport().rect())
    assert area.table.accessibleDescription() == area.table.placeholder
    assert area.reader.item is None
    area.search.clear()
    area.search.returnPressed.emit()
    qtbot.waitUntil(lambda: area.model.rowCount() == 7, timeout=10_000)
    assert area.tree.currentItem() is area.tree.topLevelItem(0)
    assert area.table.placeholder == "" and not label.isVisible()
