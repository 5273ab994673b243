"""The draft's header (topic, status, platforms) is saved as soon as it changes.

Apart from ``area.py`` so that file keeps to typing, checking and saving the text.
"""

from __future__ import annotations

from ambtenaar20.core.drafting.drafts import Draft


class DraftHeaderSaving:
    """Mixed into ``WritingArea``; uses its header fields, store and drafts list."""

    def _save_topic(self) -> None:
        if self.draft is not None and self.topic.text() != self.draft.topic:
            draft_id, topic = self.draft.id, self.topic.text()
            self._run(lambda: self.store.update(draft_id, topic=topic), self._updated)

    def _save_status(self) -> None:
        if self.draft is not None:
            draft_id, status = self.draft.id, self.status.currentData()
            self._run(lambda: self.store.update(draft_id, status=status), self._updated)

    def _save_platforms(self) -> None:
        self.run_check()
        if self.draft is not None:
            draft_id, chosen = self.draft.id, self.platform_bar.selected()
            self._run(lambda: self.store.update(draft_id, platforms=chosen), self._updated)

    def _updated(self, draft: Draft) -> None:
        if self.draft is not None and draft.id == self.draft.id:
            self.draft = Draft(**{**draft.__dict__, "text": self.editor.toPlainText()})
            self.show_publication()
        self.refresh_list()
