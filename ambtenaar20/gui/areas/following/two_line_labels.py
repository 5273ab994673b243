"""Button labels that go onto two lines when their pane has less room than one line of them.

A button's label never wraps, so the Volgen reader could not be narrower than its widest button
("Markeer als ongelezen", 229 pixels at 14 pt): on a 1024-pixel screen the item list kept ~4
characters of each title. Here a label that does not fit is shown on two lines, broken at the
space that leaves the longer line shortest, and a button's minimum is its label's two-line
width, so the pane can be that narrow. Every word stays whole; the accessible name stays one
line. Whether a label fits is decided by the pane's width, not the button's own: a label does
not flip between its forms as the layout tries widths.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QPushButton, QWidget


def two_lines(text: str, metrics: QFontMetricsF) -> str:
    """``text`` broken at the space that leaves its longer line the shortest ("&" kept)."""
    spaces = [index for index, character in enumerate(text) if character == " "]
    if not spaces:
        return text

    def longer_line(index: int) -> float:
        return max(metrics.horizontalAdvance(part.replace("&", ""))
                   for part in (text[:index], text[index + 1:]))

    split = min(spaces, key=longer_line)
    return text[:split] + "\n" + text[split + 1:]


class TwoLineLabels:
    """The labels of a pane's buttons, each on one line where the pane has the room."""

    def __init__(self) -> None:
        #: Every text each button can show (a toggle shows two), in the interface's language.
        self._texts: dict[QPushButton, tuple[str, ...]] = {}
        #: The text each button shows now, as set (on one line).
        self._shown: dict[QPushButton, str] = {}
        #: For each text: the button's width with it on one line, and on two.
        self._one_line: dict[str, int] = {}
        self._two_lines: dict[str, int] = {}
        #: The width the buttons have in the pane; None until it is laid out (one line).
        self._room: int | None = None

    def add(self, button: QPushButton, *texts: str) -> None:
        """``button`` shows one of ``texts``, the first for now."""
        self._texts[button] = texts
        self.set_text(button, texts[0])

    def set_text(self, button: QPushButton, text: str) -> None:
        self._shown[button] = text
        one_line = self._one_line.get(text)
        wrap = self._room is not None and one_line is not None and one_line > self._room
        button.setText(two_lines(text, QFontMetricsF(button.font())) if wrap else text)
        button.setAccessibleName(text.replace("&", ""))  # one line, as the label reads
        # As narrow as its label allows: on two lines. Not the widest of its texts: "Ster"
        # then kept the width of "Ster weghalen" and no longer shared a row.
        button.setMinimumWidth(self._two_lines.get(text, 0))

    def measure(self) -> None:
        """Every text's width on one line and on two, in the buttons' font now (again at a
        change of font)."""
        self._one_line.clear()
        self._two_lines.clear()
        for button, texts in self._texts.items():
            metrics = QFontMetricsF(button.font())
            button.setMinimumWidth(0)  # its size hints as the texts need, not as set before
            for text in texts:
                button.setText(text)
                self._one_line[text] = button.sizeHint().width()
                button.setText(two_lines(text, metrics))
                self._two_lines[text] = button.sizeHint().width()
            self.set_text(button, self._shown[button])

    def one_line_width(self) -> int:
        """The widest button with its label on one line."""
        return max(self._one_line.values(), default=0)

    def one_line_width_of(self, widget: QWidget) -> int:
        """``widget``'s width with its text now on one line; its size hint when it is not one
        of these buttons."""
        one_line = self._one_line.get(self._shown.get(widget, ""))
        return one_line if one_line is not None else widget.sizeHint().width()

    def set_room(self, room: int) -> None:
        """The pane's width for its buttons is now ``room``: labels wider go on two lines."""
        if room != self._room:
            self._room = room
            for button, text in self._shown.items():
                self.set_text(button, text)
