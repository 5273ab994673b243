"""Marking a draft as published: once, with or without the post's web address.

Reports count posts, so a draft is logged once. The button is off for a published draft and
says why (tooltip, status line); while a publication is being recorded it is off too, so a
double click cannot start a second one. The drafts store refuses a second one anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ambtenaar20.core.drafting.drafts import Draft
from ambtenaar20.core.drafting.platforms import platforms
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.writing.checked_input import ask_checked_text
from ambtenaar20.gui.local_time import full_moment


def _address_problem(text: str) -> str | None:
    # Empty is fine: a post on a platform without links has no address.
    if text.strip() and not text.strip().lower().startswith(("http://", "https://")):
        return _("A web address starts with https://. Leave the field empty if the post has "
                 "none.")
    return None


class PublishingActions:
    """Mixed into ``WritingArea``; uses its draft, store, recorder, buttons and state label."""

    _publishing = False

    def published_reason(self) -> str:
        """Why the draft cannot be marked (again), or "" when it can."""
        if self.draft is None or self.draft.published_at is None:
            return ""
        return _("Marked as published on {moment}; it is in the log once and is not logged "
                 "again.").format(moment=full_moment(self.draft.published_at))

    def show_publication(self) -> None:
        reason = self.published_reason()
        self.publish_button.setEnabled(self.draft is not None and not reason
                                       and not self._publishing)
        self.publish_button.setToolTip(reason or _(
            "Mark the draft as published and add it to the log"))
        self.publish_button.setAccessibleDescription(reason)

    def ask_publication(self) -> tuple[str, str] | None:
        url = ask_checked_text(self, _("Mark as published"), _(
            "Web address (URL) of the published post. Leave it empty if the post has none:"),
            _address_problem)
        if url is None:
            return None
        # The log stores the platform by the name the officer sees (and picks in the Logboek's
        # own list), not by the counting rules' key: "X", not "x", so reports count it once.
        keys = self.platform_bar.selected() or tuple(self.platform_bar.boxes)
        choices = [platforms()[key].name for key in keys]
        platform, ok = QInputDialog.getItem(self, _("Mark as published"), _("Platform:"),
                                            choices, 0, False)
        return (url, platform) if ok else None

    def publish(self) -> None:
        if self.draft is None or self.published_reason() or self._publishing:
            return
        answer = self.ask_publication()
        if answer is None:
            return
        self.flush()
        url, platform = answer
        still_open = list(self.open_findings)
        recorder = self.recorder
        self._publishing = True
        self.show_publication()

        def done(draft: Draft) -> None:
            self._publishing = False
            self._updated(draft)
            self.status.setCurrentIndex(self.status.findData(draft.status))
            if recorder is None:
                QMessageBox.information(self, _("Published"), _(
                    "The draft is marked as published. The log is not available in this "
                    "version, so no log entry was made."))
            else:
                self.state.setText(_("Marked as published and added to the log"))

        def failed(_error: Exception) -> None:
            # Perhaps published meanwhile elsewhere (the command line): show it as it is now.
            self._publishing = False
            self.show_publication()
            if self.draft is not None and self.unsaved is None:
                draft_id = self.draft.id
                self._run(lambda: self.store.get(draft_id), self._updated)

        # Publishing a new draft not stored yet stores it (``draft_saving.py``).
        self._write(lambda draft_id: self.store.mark_published(draft_id, url, platform,
                                                               still_open, recorder),
                    done, failed)
