"""The tree beside the item list: all items, the topics and the feeds, with unread counts.

Feeds with a category (an OPML folder, "Klimaat" or "Klimaat/Hitte") are shown under a row of
that folder in the Feeds branch, the others after the folders. A failing feed says its last
problem to screen readers too, not only in its tooltip.

Kept apart from the area, which decides what a chosen row shows: this widget only lays out
the lists it is given, keeps the chosen row across a refill, and says how wide its texts are
(the area gives it that much room where it can).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.gui.areas.following.feed_actions import (
    KIND_ROLE,
    NAME_ROLE,
    PROBLEM_ROLE,
    VALUE_ROLE,
)
from ambtenaar20.gui.areas.following.item_table import cell_margins, text_width
from ambtenaar20.gui.areas.following.list_notices import feed_problem
from ambtenaar20.gui.areas.following.queries import Lists


class SourceTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(_("Topics and feeds"))

    def fill(self, lists: Lists) -> str | None:
        """Show ``lists``; the row chosen before stays chosen (else "All items"), silently,
        and so does the scroll position. No row chosen (a search is shown) stays so, except at
        the first fill. Returns the name of the topic or feed that was chosen and is gone
        (removed here or by the command line), else None."""
        feeds, topics, unread = lists.feeds, lists.topics, lists.unread
        current = self.currentItem()
        chosen = (current.data(0, KIND_ROLE), current.data(0, VALUE_ROLE)) if current else None
        # A feed's row has its name apart (its text has the count); a topic's value is its name.
        chosen_name = (current.data(0, NAME_ROLE) or current.data(0, VALUE_ROLE)) if current \
            else None
        first = self.topLevelItemCount() == 0
        scrolled = self.verticalScrollBar().value()
        self.blockSignals(True)
        self.clear()
        # The number in brackets is the unread count on every row, as mail programs show it;
        # short enough for the tree's first-screen width. Spelled out for tooltips and readers.
        everything = QTreeWidgetItem([_("All items ({n})").format(n=unread)])
        _describe_count(everything, _("All items"), unread)
        everything.setData(0, KIND_ROLE, "all")
        topic_root = QTreeWidgetItem([_("Topics")])
        feed_root = QTreeWidgetItem([_("Feeds")])
        for root in (topic_root, feed_root):
            root.setFlags(root.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self.addTopLevelItems([everything, topic_root, feed_root])
        for topic in topics:
            node = QTreeWidgetItem([f"{topic['name']} ({topic['unread']})"])
            _describe_count(node, topic["name"], topic["unread"], topic["query"])
            node.setData(0, KIND_ROLE, "topic")
            node.setData(0, VALUE_ROLE, topic["name"])
            topic_root.addChild(node)
        folders: dict[str, QTreeWidgetItem] = {"": feed_root}
        # The service lists feeds by category, "" first: the folders' rows come before them.
        for feed in sorted(feeds, key=lambda feed: not feed.get("category")):
            name = feed["title"] or feed["url"]
            node = QTreeWidgetItem([f"{name} ({feed['unread']})"])
            problem = feed_problem(feed)
            _describe_count(node, name, feed["unread"], feed["last_error"] or feed["url"],
                            problem)
            node.setData(0, KIND_ROLE, "feed")
            node.setData(0, VALUE_ROLE, feed["id"])
            node.setData(0, NAME_ROLE, name)
            node.setData(0, PROBLEM_ROLE, problem)
            if feed["last_status"] == "error":
                node.setText(0, "⚠ " + node.text(0))
            _folder(folders, feed.get("category") or "").addChild(node)
        self.expandAll()
        restored = everything
        for node in self.nodes():
            if chosen and (node.data(0, KIND_ROLE), node.data(0, VALUE_ROLE)) == chosen:
                restored = node
        if chosen or first:
            self.setCurrentItem(restored)
        if scrolled:
            self.executeDelayedItemsLayout()  # the scroll range of the new rows, not of none
            self.verticalScrollBar().setValue(scrolled)
        self.blockSignals(False)
        gone = chosen is not None and chosen[0] != "all" and restored is everything
        return chosen_name if gone else None

    def nodes(self) -> Iterator[QTreeWidgetItem]:
        """Every row, top-level rows and (at any depth) their children, in order."""
        for index in range(self.topLevelItemCount()):
            yield from _with_children(self.topLevelItem(index))

    def problem_of(self, feed_id: int | None) -> str | None:
        """The failing feed's problem as its row says it (None: no such feed, or it works)."""
        for node in self.nodes():
            if (node.data(0, KIND_ROLE), node.data(0, VALUE_ROLE)) == ("feed", feed_id):
                return node.data(0, PROBLEM_ROLE)
        return None

    def content_width(self, feed_characters: int = 0) -> int:
        """The width that shows its own rows and the topics whole, unread counts included,
        and the feeds' rows up to ``feed_characters`` average characters (0: not the feeds).

        A feed's name can be long (or its address): past that it is cut ("…"); its tooltip
        has it whole.
        """
        widest = 0
        metrics = QFontMetricsF(self.font())
        most = math.ceil(metrics.averageCharWidth() * feed_characters)
        for node in self.nodes():
            cut = 0
            if node.data(0, KIND_ROLE) == "feed":
                if not feed_characters:
                    continue
                cut = max(text_width(metrics, node.text(0)) - most, 0)
            depth, parent = 0, node.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            width = self.sizeHintForIndex(self.indexFromItem(node)).width() - cut
            widest = max(widest, self.indentation() * (depth + int(self.rootIsDecorated()))
                         + width)
        return widest + 2 * self.frameWidth()

    def cell_margins(self) -> int | None:
        """The room the style keeps around a row's text (the item list's cells have the
        same): measured here, where rows are shown before the list has any. None: no rows."""
        first = self.topLevelItem(0)
        if first is None:
            return None
        return cell_margins(self, self.indexFromItem(first), QFontMetricsF(self.font()))


def _with_children(node: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
    yield node
    for child in range(node.childCount()):
        yield from _with_children(node.child(child))


def _folder(folders: dict[str, QTreeWidgetItem], category: str) -> QTreeWidgetItem:
    """The row of ``category`` ("A/B": B under A), made (with its parents) when first asked."""
    if category in folders:
        return folders[category]
    parent, _slash, name = category.rpartition("/")
    node = QTreeWidgetItem([name])
    node.setFlags(node.flags() & ~Qt.ItemFlag.ItemIsSelectable)
    # No KIND_ROLE: like "Topics" and "Feeds", a folder's row is a heading, not a list.
    node.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                 _("Folder {name}").format(name=name))
    _folder(folders, parent).addChild(node)
    folders[category] = node
    return node


def _describe_count(node: QTreeWidgetItem, name: str, unread: int, detail: str = "",
                    problem: str | None = None) -> None:
    """Tooltip and screen-reader text that say what the number in brackets is, and a failing
    feed's problem (in the spoken text too: a tooltip needs a mouse)."""
    spoken = ngettext("{name}: {count} unread item", "{name}: {count} unread items",
                      unread).format(name=name, count=unread)
    if problem:
        spoken += ". " + problem
        node.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, problem)
    node.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
    node.setToolTip(0, f"{spoken}\n{detail}" if detail and not problem else spoken)
