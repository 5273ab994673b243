"""A one-line caption (a form's "Tot en met", "Taal") that never loses its last letter.

QLabel asks for the width of its text as laid out, the sum of the glyphs' advances, and a
form layout gives a caption exactly that width. Some letters draw past their advance: the
final "t" of "Tot en met" with the default font, the "l" of "Taal" at 14 pt (one to five
pixels, more at larger fonts), and QLabel clips what lies outside it, so the caption read
"Tot en me". The font metrics' bounding box does not show that overhang either, so a caption
asks for the width of a space more: enough at every size measured, and invisible beside a field.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel


class CaptionLabel(QLabel):
    """A QLabel for a one-line caption, a space wider than its text."""

    def sizeHint(self) -> QSize:
        return super().sizeHint() + QSize(self._room_after(), 0)

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() + QSize(self._room_after(), 0)

    def _room_after(self) -> int:
        # A wrapped label gets its width from the layout, not from its text.
        if self.wordWrap() or not self.text():
            return 0
        return self.fontMetrics().horizontalAdvance(" ")
