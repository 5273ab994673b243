"""Answer the real dialogs a click opens, one step at a time, as an officer at the keyboard would.

The area opens its questions with ``exec()``, which runs its own event loop; a timer reaches the
dialog from inside that loop. A dialog still open when the steps are used up is rejected after a
while, so a test that fails never hangs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget

POLL_MS = 50
#: Polls after the last step before a dialog left open is rejected (3 seconds).
GIVE_UP_POLLS = 60

Step = Callable[[QWidget], None]


class DialogAnswers:
    """Runs each step on the active modal dialog in turn; ``seen`` lists the dialogs met."""

    def __init__(self, steps: tuple[Step, ...]) -> None:
        self.pending = list(steps)
        self.seen: list[QWidget] = []
        self._idle = 0
        self._timer = QTimer()
        self._timer.timeout.connect(self._poll)
        self._timer.start(POLL_MS)

    @property
    def done(self) -> bool:
        return not self.pending

    def stop(self) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if self.pending and dialog is not None:
            if not self.seen or self.seen[-1] is not dialog:
                self.seen.append(dialog)
            self.pending.pop(0)(dialog)
            return
        self._idle += 1
        if self._idle > GIVE_UP_POLLS and not self.pending:
            if dialog is not None:
                dialog.reject()
            self._timer.stop()


@pytest.fixture(name="answer_dialogs")
def answer_dialogs_fixture() -> Iterator[Callable[..., DialogAnswers]]:
    """``answer_dialogs(step, ...)``: answers the dialogs the next clicks open. Stopped when the
    test ends, so steps a failing test left never answer another test's dialogs."""
    made: list[DialogAnswers] = []

    def answer(*steps: Step) -> DialogAnswers:
        made.append(DialogAnswers(steps))
        return made[-1]

    yield answer
    for answers in made:
        answers.stop()


def type_text(text: str) -> Step:
    def step(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit)
        field.clear()
        field.insert(text)

    return step


def press_ok(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    ok = (buttons.button(QDialogButtonBox.StandardButton.Ok)
          or buttons.button(QDialogButtonBox.StandardButton.Yes))
    ok.click()
