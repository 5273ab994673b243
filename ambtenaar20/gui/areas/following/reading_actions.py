"""Volgen's reading: opening an item in the reader, its marks and tone, "Reageren".

A mixin of ``FollowingArea`` (as ``FeedActions`` is), apart so that the area's module keeps to
laying out its panes. Every database call runs on a worker (``_run``); what comes back is shown
only while the officer is still on that item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel

from ambtenaar20.core.i18n import _

if TYPE_CHECKING:  # the query parser is imported when first used, not at start-up
    from ambtenaar20.core.app_context import AppContext
    from ambtenaar20.core.feeds.query import Term
    from ambtenaar20.gui.areas.following.queries import Selection


class ReadingActions:
    """Needs ``context``, ``model``, ``table``, ``reader``, ``tabs``, ``reply_started``,
    ``reload_lists``, ``_run``, ``_say`` and ``_show_error`` of the area."""

    def _item_selected(self, current, _previous=None) -> None:
        if not current.isValid():
            self.reader.show_item(None)
            return
        row = self.model.row(current.row())
        item_id, was_unread = row["id"], not row["read"]
        selection = self.model.selection

        def work(_cancel, _progress):
            items = self.context.items
            items.analyse_pending([item_id])
            items.set_flag([item_id], "read", True)
            item = _with_tone_words(items, item_id)
            item["highlight"] = _words_to_mark(self.context, selection, item)
            return item

        def opened(item: dict[str, Any]) -> None:
            self._show_item(item)
            if was_unread:
                self.reload_lists()  # opening marked it read: the unread counts went down

        self._run(work, on_success=opened, on_error=self._show_error)

    def _show_item(self, item: dict[str, Any]) -> None:
        current = self.table.currentIndex()
        if not current.isValid() or self.model.row(current.row())["id"] != item["id"]:
            return  # the officer has moved on
        self.reader.show_item(item)
        self.tabs.setCurrentWidget(self.reader)
        self.model.update_row(item["id"], read=True, sentiment=item["sentiment"])

    def go_unread(self, step: int) -> None:
        """Select the next (step 1) or previous (step -1) unread item."""
        row = self.table.currentIndex().row()
        candidates = range(row + 1, self.model.rowCount()) if step > 0 else range(row - 1, -1, -1)
        for index in candidates:
            if not self.model.row(index)["read"]:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(index, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return
        self._say(_("No more unread items in this list."))

    def _set_flag(self, item_id: int, flag: str, value: bool) -> None:
        self.model.update_row(item_id, **{flag: value})
        self._run(lambda _c, _p: self.context.items.set_flag([item_id], flag, value),
                          on_success=lambda _r: self.reload_lists(), on_error=self._show_error)

    def _set_sentiment(self, item_id: int, label: str | None) -> None:
        def work(_cancel, _progress):
            self.context.items.set_sentiment_override(item_id, label)
            return _with_tone_words(self.context.items, item_id)

        self._run(work, on_success=self._show_item, on_error=self._show_error)

    def _reply(self, item_id: int) -> None:
        from ambtenaar20.core.replies import start_reply

        self._run(lambda _c, _p: start_reply(self.context, item_id),
                  on_success=lambda topic: self.reply_started.emit(item_id, topic),
                  on_error=self._show_error)


def _words_to_mark(context: AppContext, selection: Selection,
                   item: dict[str, Any]) -> tuple[Term, ...]:
    """The words the reader marks: the search's, the chosen topic's, or (all items, a feed)
    those of every topic the item is in. On a worker: it reads the topics' queries."""
    from ambtenaar20.core.feeds.highlights import included_terms

    # What the index matched: the title and the text (a part of a query that does not match
    # them, "wonen" of "woningmarkt OR (wonen -fiets)" beside "fiets", marks nothing).
    indexed = f"{item.get('title') or ''}\n{item.get('text') or ''}"
    if selection.query:
        return included_terms([selection.query], indexed)
    names = [selection.topic] if selection.topic else item.get("topics", [])
    return included_terms(context.topics.queries_of(names), indexed)


def _with_tone_words(items: Any, item_id: int) -> dict[str, Any]:
    """The item for the reader, with the words that set its tone (on a worker: it analyses)."""
    item = items.item(item_id)
    item["tone_words"] = items.tone_words(item_id)
    return item
