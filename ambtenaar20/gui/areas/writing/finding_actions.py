"""What the officer does with a finding: apply a suggestion, ignore it with a reason (and undo
that), add a word to their list, tick a checklist question.

Ignoring needs a reason (kept with the draft, for whoever reads it later): the question stays
open until one is typed or it is cancelled.
"""

from __future__ import annotations

from ambtenaar20.core.drafting.drafts import Dismissal
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.writing.checked_input import ask_checked_text


def _reason_problem(text: str) -> str | None:
    return None if text.strip() else _("Give a short reason for ignoring this finding.")


class FindingActions:
    """Mixed into ``WritingArea``; uses its editor, panel, store and current result."""

    def apply_suggestion(self, finding: Finding, suggestion: str) -> None:
        if self.editor.apply_suggestion(finding, suggestion):
            self._check_timer.start(0)

    def ask_reason(self, finding: Finding) -> str | None:
        return ask_checked_text(
            self, _("Ignore finding"),
            _("Why is this finding not a problem here? The reason is kept with the draft."),
            _reason_problem)

    def dismiss(self, finding: Finding) -> None:
        if self.draft is None or self.result is None:
            return
        reason = self.ask_reason(finding)
        if reason is None:
            return
        pack = f"{self.result.pack_id} {self.result.pack_version}"
        # A decision about the draft: a new one is stored for it (``draft_saving.py``).
        self._write(lambda draft_id: self.store.dismiss(draft_id, finding, pack, reason),
                    lambda kept: (self.dismissals.append(kept), self._show_result()))

    def undismiss(self, dismissal: Dismissal) -> None:
        """The finding counts again (the officer ignored it by mistake, or changed their mind)."""
        def undone(_result: None) -> None:
            self.dismissals = [d for d in self.dismissals if d.id != dismissal.id]
            self._show_result()

        self._run(lambda: self.store.undismiss(dismissal.id), undone)

    def add_word(self, word: str) -> None:
        self._run(lambda: self.service.word_list.add(word), lambda _r: self.run_check())

    def _tick(self, item_id: str, ticked: bool) -> None:
        if self.draft is not None:
            self._ticks = {*self._ticks, item_id} if ticked else (
                self._ticks - {item_id})
            if self.unsaved is not None and not ticked:
                return  # nothing stored to untick
            self._write(lambda draft_id: self.store.tick(draft_id, item_id, ticked))
