"""What the officer does to feeds and topics in the Volgen area: add, import, rename, remove.

A mixin of ``FollowingArea`` (kept apart to keep each module readable); like the rest of the
area it only shows dialogs and hands the work to ``_run`` (``run_in_background``). The dialogs
are loaded when an action is chosen, not with the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from ambtenaar20.core.i18n import _

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
# A feed's name as the tree shows it, without the unread count.
NAME_ROLE = Qt.ItemDataRole.UserRole + 3
# A failing feed's last problem in plain words, as the list area says it (else None).
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 4


class FeedActions:
    """Needs ``context``, ``tree``, ``model``, ``_run``, ``_say``, ``reload_lists``,
    ``refresh`` and ``_show_error`` from the area it is mixed into."""

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
        """Ask for a new name, starting from the one the tree shows (typing replaces it)."""
        from ambtenaar20.gui.areas.following.dialogs import RenameFeedDialog

        names = [node.data(0, NAME_ROLE) for node in self.tree.nodes()
                 if (node.data(0, KIND_ROLE), node.data(0, VALUE_ROLE)) == ("feed", feed_id)]
        dialog = RenameFeedDialog(names[0] if names else "", self)
        if dialog.exec() != RenameFeedDialog.DialogCode.Accepted:
            return
        title = dialog.value()

        def renamed(_feed) -> None:
            self.reload_lists()
            if not title:  # until then the tree shows the feed's address
                self._say(_("The feed gets its own title back at the next refresh."))

        self._run(lambda _c, _p: self.context.feeds.rename_feed(str(feed_id), title),
                  on_success=renamed, on_error=self._show_error)

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

    def add_feed(self, typed: tuple[str, str | None, str | None, str | None] | None = None
                 ) -> None:
        """Ask for an address and follow it, after ``FeedService.discover`` has looked at it
        (for a web page: at the feed it announces, or the one picked from several).

        An address the service refuses (a 404, no feed...) is said in a message, and the dialog
        comes back with what was ``typed``, to correct or cancel. One that could not be checked
        now (offline, a busy server) is followed, and the reason said.
        """
        from ambtenaar20.gui.areas.following.dialogs import AddFeedDialog

        dialog = AddFeedDialog(self)
        if typed is not None:
            for field, value in zip((dialog.url, dialog.title, dialog.user, dialog.password),
                                    typed, strict=True):
                field.setText(value or "")
        if dialog.exec() != AddFeedDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        url, title, user, password = values

        def refused(error: Exception) -> None:
            from ambtenaar20.core.errors import UsageError

            if not isinstance(error, UsageError):
                self._show_error(error)
                return
            from PySide6.QtWidgets import QMessageBox

            # Modal, then the dialog again: the officer reads why, then corrects the address.
            self._say(str(error))
            QMessageBox.warning(self, _("Add feed"), str(error))
            self.add_feed(values)

        def look(_cancel, _progress):
            return self.context.feeds.discover(url, user, password)

        def chosen(found) -> None:
            from PySide6.QtWidgets import QInputDialog

            if found.kind != "page" or len(found.feeds) == 1:
                follow(found)
                return
            labels = [f"{name} — {link}" if name else link for link, name in found.feeds]
            picked, accepted = QInputDialog.getItem(
                self, _("Choose a feed"), _("This web page offers several feeds:"),
                labels, 0, False)
            if not accepted:
                return
            target = found.feeds[labels.index(picked)][0]
            # The picked feed is looked at as the only feed of a page would have been.
            self._run_checking(lambda _c, _p: self.context.feeds.check_announced(
                url, target, user, password), on_success=follow, on_error=refused)

        def follow(found) -> None:
            """Follow the checked feed ``found`` names (or the address, when unchecked).

            A feed on another origin than the typed address is followed without the login,
            which was given for that address only (``Discovery.without_login``)."""
            target = (found.feeds[0][0] if found.kind == "page"
                      else found.taken_as_http or self.context.feeds.validate_url(url))
            login = (None, None) if found.without_login else (user, password)

            def added(_feed) -> None:
                self.reload_lists()
                notes = [found.login_note(target)] if found.without_login else []
                if found.taken_as_http:  # the dialog said https while it was typed
                    notes.append(found.scheme_note(url, self.context.feeds.validate_url(url)))
                if not found.checked:
                    notes.append(found.unchecked_note(target))
                if notes:
                    self._show_note("\n\n".join(notes))
                self.refresh()

            self._run(lambda _c, _p: self.context.feeds.add_feed(target, title, *login),
                      on_success=added, on_error=refused)

        self._run_checking(look, on_success=chosen, on_error=refused)

    def _show_note(self, text: str, title: str | None = None) -> None:
        """Something to know, not an error: in a message that does not block the window."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title or _("Add feed"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._say(" ".join(text.split("\n")))

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

        def work(_cancel, _progress):
            from ambtenaar20.core.feeds.opml import read_opml_file
            from ambtenaar20.core.feeds.opml_summary import describe_import

            report = self.context.feeds.import_opml(path)
            # Read again for the titles of skipped entries: the report names addresses only.
            read = read_opml_file(Path(path))
            return bool(report["added"]), describe_import(report, read.feeds,
                                                          read.without_address)

        def imported(result: tuple[bool, str]) -> None:
            added, summary = result
            self.reload_lists()
            # In a message that stays: the refresh that follows overwrites the status bar.
            self._show_note(summary, _("Import OPML"))
            if added:
                self.refresh()

        self._run(work, on_success=imported, on_error=self._show_error)
