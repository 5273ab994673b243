"""A calm 'nothing here yet' panel that tells the officer what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ambtenaar20.gui.accessible import named_button


class EmptyState(QWidget):
    """Title, explanation and optional action buttons, centred in the area."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title_label = QLabel(title)
        heading = self.title_label.font()
        heading.setPointSizeF(heading.pointSizeF() * 1.5)
        heading.setBold(True)
        self.title_label.setFont(heading)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel(text)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setMinimumWidth(320)
        self.text_label.setMaximumWidth(560)
        layout.addWidget(self.title_label)
        # Centred through stretches, not an alignment flag: with a flag the label would get its
        # one-line size hint and its wrapped text would be cut off.
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text_label, 4)
        text_row.addStretch(1)
        layout.addLayout(text_row)
        self.buttons = QVBoxLayout()
        self.buttons.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(self.buttons)
        layout.addStretch(2)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)

    def add_action_button(self, text: str, slot) -> QPushButton:
        button = named_button(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button


class OpeningNote(QWidget):
    """Stands in for an area until the database is open: "Opening your data…" when seen.

    Usually the window appears with its data and no one sees this note, so its text is laid
    out only when it is actually shown.
    """

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title, self._text = title, text
        self.note: EmptyState | None = None
        self.setAccessibleName(title)

    def showEvent(self, event) -> None:
        if self.note is None:
            self.note = EmptyState(self._title, self._text)
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.note)
        super().showEvent(event)
