"""A line edit as wide as what is typed in it: a feed address, a query, a proxy, a feed name.

QLineEdit asks for room for about 17 characters, whatever it is for. Beside a long label in a
form that left a feed's address about 120 pixels: the address and the placeholder were cut
off ("leeg: de proxy va…"). This one is never narrower than its placeholder and a typical
value (``sample``), measured in the font it has now, so it keeps up with a larger font; a form
lets it grow with the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

# Qt keeps this many pixels between the frame and the text on each side (QLineEditPrivate).
TEXT_MARGIN = 2
# The text cursor after the last character.
CURSOR = 1


class WideLineEdit(QLineEdit):
    def __init__(self, sample: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.sample = sample

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._room()), hint.height())

    def minimumSizeHint(self) -> QSize:
        # The minimum, not only the hint: a new window gets at most two thirds of the screen's
        # width, which cut the address again at 14 pt on a laptop screen.
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._room()), hint.height())

    def _room(self) -> int:
        """The width of the field that shows the sample and the placeholder whole: with the
        text margins, Qt's own margin and the style's frame, as ``QLineEdit.sizeHint`` adds
        them."""
        metrics = self.fontMetrics()
        text_width = max(metrics.horizontalAdvance(self.sample),
                         metrics.horizontalAdvance(self.placeholderText()))
        margins, contents = self.textMargins(), self.contentsMargins()
        inner = (text_width + CURSOR + 2 * TEXT_MARGIN + margins.left() + margins.right()
                 + contents.left() + contents.right())
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option,
                                             QSize(inner, metrics.height()), self).width()
