"""Saving the shown draft: autosave, saving at once, and storing a new draft only with content.

A new draft is an ``UnsavedDraft`` (``core/drafting/unsaved.py``) until something is worth
keeping: opening Schrijven, or "New draft", and leaving again stores nothing. Every write to
the shown draft (text, topic, status, platforms, a tick, an ignored finding, publishing) goes
through ``_write``, which stores an unsaved draft first, with what is on screen, and then shows
it as the stored draft it has become.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ambtenaar20.core.drafting.drafts import Draft
from ambtenaar20.core.drafting.unsaved import UnsavedDraft, has_content
from ambtenaar20.core.i18n import _


class DraftSaving:
    """Mixed into ``WritingArea``; uses its draft, editor, header fields, store and timers."""

    #: The shown draft while it is not stored yet; None for a stored one.
    unsaved: UnsavedDraft | None = None

    def _screen_content(self) -> tuple[str, str, tuple[str, ...]]:
        return self.editor.toPlainText(), self.topic.text(), self.platform_bar.selected()

    def _stored_id(self) -> Callable[[], int]:
        """For a worker: the shown draft's number; an unsaved one is stored first, with the
        text, topic and platforms on screen now (read here, on the GUI thread)."""
        unsaved = self.unsaved
        if unsaved is None:
            draft_id = self.draft.id
            return lambda: draft_id
        text, topic, chosen = self._screen_content()
        return lambda: unsaved.store(text, topic, chosen).id

    def _adopt_stored(self, refresh: bool = True) -> bool:
        """Once stored, the unsaved draft shown is that stored draft (and is in the list);
        True when it was adopted now."""
        unsaved = self.unsaved
        if unsaved is None or unsaved.stored is None:
            return False
        self.unsaved = None
        self.draft = Draft(**{**unsaved.stored.__dict__, "text": self.editor.toPlainText()})
        self.show_publication()
        if refresh:
            self.refresh_list()
        return True

    def _write(self, work: Callable[[int], Any], done: Callable[[Any], None] | None = None,
               failed: Callable[[Exception], None] | None = None) -> None:
        """``work(draft number)`` on a worker, for the shown draft, storing it first if new."""
        draft_id = self._stored_id()

        def finished(result: Any) -> None:
            self._adopt_stored()
            if done is not None:
                done(result)

        def not_done(error: Exception) -> None:
            self._adopt_stored()  # stored before the write itself failed, perhaps
            if failed is not None:
                failed(error)

        self._run(lambda: work(draft_id()), finished, not_done)

    def _still_shown(self, draft_id: int, unsaved: UnsavedDraft | None) -> bool:
        """Is the draft that was ``draft_id`` (perhaps stored since) still the one shown?"""
        if self.draft is None:
            return False
        stored = unsaved.stored if unsaved is not None else None
        return self.draft.id == draft_id or (stored is not None and self.draft.id == stored.id)

    def save_now(self) -> None:
        """Autosave in the background (the timer's job)."""
        if self.draft is None or not self._dirty:
            return
        draft_id, unsaved, text = self.draft.id, self.unsaved, self.editor.toPlainText()
        self._dirty = False
        if unsaved is not None and not has_content(text):
            self.state.setText("")  # only spaces, or typed and removed again: nothing to keep
            return

        def not_saved(_error: Exception) -> None:
            # Keep it dirty so the next pause (or closing) tries again.
            if self._still_shown(draft_id, unsaved):
                self._dirty = True
                self._save_timer.start()

        self._write(lambda stored_id: self.store.save_text(stored_id, text),
                    lambda _r: (self.state.setText(_("Saved")), self.refresh_list()), not_saved)

    def flush(self, refresh: bool = True) -> None:
        """Save now and wait for it: used when switching drafts and when the window closes.

        What it stored is listed at once (``refresh``): clicking another draft right after
        typing in a new one stored it here, and the list went on without it, so the officer
        thought the text lost; a stored draft flushed kept its old title. Closing uses
        ``flush_on_closing``.
        """
        self._save_timer.stop()
        wrote = False
        if self.draft is not None and self._dirty:
            self._dirty = False
            text = self.editor.toPlainText()
            if self.unsaved is not None and not has_content(text):
                return
            self.store.save_text(self._stored_id()(), text)
            wrote = True
        # Also when an autosave on a worker stored the new draft just now.
        adopted = self._adopt_stored(refresh=False)
        if refresh and (adopted or wrote):
            self.refresh_list()

    def flush_on_closing(self) -> None:
        """``flush`` without loading the list again: the database closes next. A method, not
        a lambda, so Qt drops the quit connection when the area is deleted."""
        self.flush(refresh=False)
