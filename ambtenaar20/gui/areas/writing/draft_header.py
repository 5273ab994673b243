"""The draft's header (topic, status, platforms) is saved as soon as it changes.

Apart from ``area.py`` so that file keeps to typing, checking and saving the text.
"""

from __future__ import annotations

from ambtenaar20.core.drafting.drafts import Draft
from ambtenaar20.core.drafting.unsaved import has_content


class DraftHeaderSaving:
    """Mixed into ``WritingArea``; uses its header fields, store and drafts list.

    A new draft not stored yet (``draft_saving.py``) is stored by a topic, a platform or a
    status other than "draft"; clearing them again on it stores nothing.
    """

    def _header_has_content(self) -> bool:
        return self.unsaved is None or has_content(
            "", self.topic.text(), self.platform_bar.selected(), self.status.currentData())

    def _save_topic(self) -> None:
        if (self.draft is not None and self.topic.text() != self.draft.topic
                and self._header_has_content()):
            topic = self.topic.text()
            self._write(lambda draft_id: self.store.update(draft_id, topic=topic),
                        self._updated)

    def _save_status(self) -> None:
        if self.draft is not None and self._header_has_content():
            status = self.status.currentData()
            self._write(lambda draft_id: self.store.update(draft_id, status=status),
                        self._updated)

    def _save_platforms(self) -> None:
        self.run_check()
        if self.draft is not None and self._header_has_content():
            chosen = self.platform_bar.selected()
            self._write(lambda draft_id: self.store.update(draft_id, platforms=chosen),
                        self._updated)

    def _updated(self, draft: Draft) -> None:
        if self.draft is not None and draft.id == self.draft.id:
            self.draft = Draft(**{**draft.__dict__, "text": self.editor.toPlainText()})
            self.show_publication()
        self.refresh_list()
