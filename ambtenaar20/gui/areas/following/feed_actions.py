"""What the officer does to feeds and topics in the Volgen area: add, import, rename, remove.

A mixin of ``FollowingArea`` (kept apart to keep each module readable); like the rest of the
area it only shows dialogs and hands the work to ``_run`` (``run_in_background``). The dialogs
are loaded when an action is chosen, not with the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from ambtenaar20.core.i18n import _

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2


class FeedActions:
    """Needs ``context``, ``tree``, ``model``, ``_run``, ``reload_lists``, ``refresh`` and
    ``_show_error`` from the area it is mixed into."""

    def _tree_menu(self, position) -> None:
        node = self.tree.itemAt(position)
        if node is None or node.data(0, KIND_ROLE) not in ("feed", "topic"):
            return
        kind, value = node.data(0, KIND_ROLE), node.data(0, VALUE_ROLE)
        menu = QMenu(self)
        if kind == "feed":
            menu.addAction(_("Rename…"), lambda: self.rename_feed(value))
            menu.addAction(_("Remove feed…"), lambda: self.remove_feed(value))
        else:
            menu.addAction(_("Remove topic…"), lambda: self.remove_topic(value))
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def rename_feed(self, feed_id: int) -> None:
        from PySide6.QtWidgets import QInputDialog

        title, accepted = QInputDialog.getText(self, _("Rename feed"), _("New name:"))
        if accepted and title.strip():
            self._run(lambda _c, _p: self.context.feeds.rename_feed(str(feed_id), title),
                      on_success=lambda _r: self.reload_lists(), on_error=self._show_error)

    def remove_feed(self, feed_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, _("Remove feed"),
            _("Stop following this feed and delete all its items? This cannot be undone."))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda _c, _p: self.context.feeds.remove_feed(str(feed_id)),
                      on_success=lambda _r: (self.reload_lists(), self.model.reload()),
                      on_error=self._show_error)

    def remove_topic(self, name: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, _("Remove topic"),
            _("Remove the topic '{name}'? Its items stay.").format(name=name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda _c, _p: self.context.topics.remove_topic(name),
                      on_success=lambda _r: self.reload_lists(), on_error=self._show_error)

    def add_feed(self) -> None:
        from ambtenaar20.gui.areas.following.dialogs import AddFeedDialog

        dialog = AddFeedDialog(self)
        if dialog.exec() != AddFeedDialog.DialogCode.Accepted:
            return
        url, title, user, password = dialog.values()

        def look(_cancel, _progress):
            service = self.context.feeds
            target = service.validate_url(url)
            kind, found = service.discover(target, user, password)
            if kind == "page" and not found:
                from ambtenaar20.core.errors import UsageError

                raise UsageError(_("{url} is a web page that announces no feed.").format(
                    url=target))
            return [link for link, _title in found] if kind == "page" else [target], found

        def chosen(result) -> None:
            from PySide6.QtWidgets import QInputDialog

            links, found = result
            target = links[0]
            if len(links) > 1:
                labels = [f"{name} — {link}" if name else link for link, name in found]
                picked, accepted = QInputDialog.getItem(
                    self, _("Choose a feed"), _("This web page offers several feeds:"),
                    labels, 0, False)
                if not accepted:
                    return
                target = links[labels.index(picked)]
            self._run(lambda _c, _p: self.context.feeds.add_feed(target, title, user, password),
                      on_success=lambda _feed: (self.reload_lists(), self.refresh()),
                      on_error=self._show_error)

        self._run(look, on_success=chosen, on_error=self._show_error)

    def add_topic(self) -> None:
        from ambtenaar20.gui.areas.following.dialogs import AddTopicDialog

        dialog = AddTopicDialog(self)
        if dialog.exec() != AddTopicDialog.DialogCode.Accepted:
            return
        name, query = dialog.values()
        self._run(lambda _c, _p: self.context.topics.add_topic(name, query),
                          on_success=lambda _topic: self.reload_lists(),
                          on_error=self._show_error)

    def import_opml(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(self, _("Import OPML"), "",
                                                    _("OPML files (*.opml *.xml)"))
        if not path:
            return
        self._run(lambda _c, _p: self.context.feeds.import_opml(path),
                          on_success=lambda _r: (self.reload_lists(), self.refresh()),
                          on_error=self._show_error)
