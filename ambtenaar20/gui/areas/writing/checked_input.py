"""A one-line question that stays open until its answer is acceptable.

``QInputDialog.getText`` closes on OK whatever was typed: an empty reason for ignoring a finding
then did nothing, without a word. This dialog says below the question why the answer is not
accepted and waits for another answer or Cancel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

#: Returns why ``text`` cannot be the answer, or None when it can.
Check = Callable[[str], str | None]


class CheckedInputDialog(QInputDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, check: Check,
                 text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setInputMode(QInputDialog.InputMode.TextInput)
        self.setLabelText(label)
        self.setTextValue(text)
        self._question = label
        self._check = check

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            problem = self._check(self.textValue())
            if problem:
                self.setLabelText(f"{self._question}\n\n{problem}")
                field = self.findChild(QLineEdit)
                if field is not None:
                    # A screen reader reads the problem with the field the focus returns to.
                    field.setAccessibleDescription(problem)
                    field.setFocus()
                return
        super().done(result)


def ask_checked_text(parent: QWidget | None, title: str, label: str, check: Check,
                     text: str = "") -> str | None:
    """The accepted answer, stripped; None when cancelled."""
    dialog = CheckedInputDialog(parent, title, label, check, text)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue().strip()
    finally:
        dialog.deleteLater()
