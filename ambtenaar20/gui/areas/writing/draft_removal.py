"""Deleting a draft: asked first, and the editor moves on to the draft beside it in the list.

The editor always has a draft to type in: when the last one is deleted a new one is opened, as
on the first start (not stored until the officer writes in it, see ``draft_saving.py``). A
log entry made when the draft was published stays in the log; the entry "Reageren" made for a
reply that was never published is deleted with its draft, and the question says so
(``core/replies.py``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ambtenaar20.core.drafting.drafts import Draft
from ambtenaar20.core.i18n import _


class DraftRemoval:
    """Mixed into ``WritingArea``; uses its drafts list, store and opening of drafts."""

    def ask_delete(self, draft: Draft, removes_entry: bool = False) -> bool:
        title = draft.title + ("…" if len(draft.text.strip().splitlines()[0]) > len(draft.title)
                               else "") if draft.title else _("(empty draft)")
        if removes_entry:
            question = _("Delete the draft “{title}” and the log entry of this reply? The "
                         "reply was never published. The draft cannot be brought back; the "
                         "log entry is kept as deleted, with its history.").format(title=title)
        else:
            question = _("Delete the draft “{title}”? This cannot be undone.").format(
                title=title)
        if draft.published_at is not None:
            question += " " + _("Its entry in the log stays.")
        answer = QMessageBox.question(
            self, _("Delete draft"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_shown_draft(self) -> None:
        if self.draft is None:
            return
        self.flush()  # stores a new draft that has text, so it can be asked about and deleted
        if self.unsaved is not None:
            self.state.setText(_("This draft is still empty and was not saved: there is "
                                 "nothing to delete."))
            return
        self.delete_draft(self.draft.id)

    def delete_draft(self, draft_id: int) -> None:
        if self.draft is not None and self.draft.id == draft_id:
            # With the text typed so far: the question names it by its first line.
            draft = Draft(**{**self.draft.__dict__, "text": self.editor.toPlainText()})
        else:
            draft = self.drafts_list.draft(draft_id)
        if draft is None:
            return
        if draft.feed_item_id is None or draft.published_at is not None:
            self._confirm_delete(draft, removes_entry=False)
            return
        # A reply: whether its log entry goes too is read from the log, off the GUI thread.
        from ambtenaar20.core.replies import abandoned_reply_entry

        context = self.context
        self._run(lambda: abandoned_reply_entry(context, draft) is not None,
                  lambda removes: self._confirm_delete(draft, removes_entry=removes))

    def _confirm_delete(self, draft: Draft, removes_entry: bool) -> None:
        if not self.ask_delete(draft, removes_entry):
            return
        draft_id = draft.id
        shown = self.draft is not None and self.draft.id == draft_id
        neighbour = self.drafts_list.neighbour_of(draft_id)
        if shown:
            # Nothing may save into the deleted draft any more.
            self._save_timer.stop()
            self._dirty = False
            request = self._next_open_request()

        def deleted(_entry: object) -> None:
            if shown:
                self.draft = None
                if neighbour is None:
                    self.new_draft(focus=False)
                else:
                    self._run(lambda: self.store.get(neighbour),
                              lambda found: self._open_if_latest(request, found))
            self.refresh_list()

        from ambtenaar20.core.replies import delete_draft

        context = self.context
        self._run(lambda: delete_draft(context, draft_id), deleted)
