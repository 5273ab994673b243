"""The tree beside the item list: all items, the topics and the feeds, with unread counts.

Kept apart from the area, which decides what a chosen row shows: this widget only lays out
the lists it is given, keeps the chosen row across a refill, and says how wide its texts are
(the area gives it that much room where it can).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE, NAME_ROLE, VALUE_ROLE
from ambtenaar20.gui.areas.following.item_table import cell_margins
from ambtenaar20.gui.areas.following.queries import Lists


class SourceTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(_("Topics and feeds"))

    def fill(self, lists: Lists) -> None:
        """Show ``lists``; the row chosen before stays chosen (else "All items"), silently."""
        feeds, topics, unread = lists.feeds, lists.topics, lists.unread
        current = self.currentItem()
        chosen = (current.data(0, KIND_ROLE), current.data(0, VALUE_ROLE)) if current else None
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
        for feed in feeds:
            name = feed["title"] or feed["url"]
            node = QTreeWidgetItem([f"{name} ({feed['unread']})"])
            _describe_count(node, name, feed["unread"], feed["last_error"] or feed["url"])
            node.setData(0, KIND_ROLE, "feed")
            node.setData(0, VALUE_ROLE, feed["id"])
            node.setData(0, NAME_ROLE, name)
            if feed["last_status"] == "error":
                node.setText(0, "⚠ " + node.text(0))
            feed_root.addChild(node)
        self.expandAll()
        restored = everything
        for node in self.nodes():
            if chosen and (node.data(0, KIND_ROLE), node.data(0, VALUE_ROLE)) == chosen:
                restored = node
        self.setCurrentItem(restored)
        self.blockSignals(False)

    def nodes(self) -> Iterator[QTreeWidgetItem]:
        """Every row, top-level rows and their children, in order."""
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            yield top
            for child in range(top.childCount()):
                yield top.child(child)

    def content_width(self) -> int:
        """The width that shows its own rows and the topics whole, unread counts included.

        Not the feeds: a feed's name can be long (or its address), and is cut ("…") as before;
        its tooltip has it whole.
        """
        widest = 0
        for node in self.nodes():
            if node.data(0, KIND_ROLE) == "feed":
                continue
            depth = 0 if node.parent() is None else 1
            width = self.sizeHintForIndex(self.indexFromItem(node)).width()
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


def _describe_count(node: QTreeWidgetItem, name: str, unread: int, detail: str = "") -> None:
    """Tooltip and screen-reader text that say what the number in brackets is."""
    spoken = ngettext("{name}: {count} unread item", "{name}: {count} unread items",
                      unread).format(name=name, count=unread)
    node.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
    node.setToolTip(0, f"{spoken}\n{detail}" if detail else spoken)
