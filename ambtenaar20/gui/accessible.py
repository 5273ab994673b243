"""Buttons named for screen readers as they are made.

Naming them afterwards by walking the widget tree (``findChildren``) wraps every widget in it
for Python: ~4 ms of the Volgen area's start-up, for names known when the buttons are made.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget


def named_button(text: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    name_after_text(button)
    return button


def name_after_text(button: QAbstractButton) -> None:
    """The accessible name is the label without its mnemonic ``&`` (call again after setText)."""
    button.setAccessibleName(button.text().replace("&", ""))
