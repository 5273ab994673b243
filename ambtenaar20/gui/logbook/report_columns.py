"""The two columns of Rapportage: the choices, and beside them the summary with its chart.

They stood in a box layout, the choices capped at 420 pixels: with a 14 pt font the captions
and the pseudonymise box were cut off at that cap, and the two columns together needed more
than a 1024 pixel screen, so the area scrolled sideways. Now they are the two blocks of a
``FlowLayout``: side by side when the row has room for both, otherwise the summary moves below
the choices, with the whole width for its table and chart.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLayout, QSizePolicy, QWidget

from ambtenaar20.gui.flow_layout import FlowLayout


class SummaryColumn(QWidget):
    """Asks only for its minimum width, so that it stays beside the choices whenever it fits;
    it expands into the rest of the row (its text wraps, its chart follows the width)."""

    def __init__(self, layout: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayout(layout)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())


def side_by_side_or_stacked(choices: QLayout, summary: QLayout) -> QWidget:
    """A widget with the ``summary`` column beside the ``choices`` when there is room, else
    below them."""
    choices_column = QWidget()
    choices_column.setLayout(choices)
    # As wide as its captions and fields ask, no wider (the summary takes the rest), and no
    # narrower: nothing is cut off, whatever the font.
    choices_column.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
    working = QWidget()
    layout = FlowLayout(working)
    layout.addWidget(choices_column)
    layout.addWidget(SummaryColumn(summary))
    return working
