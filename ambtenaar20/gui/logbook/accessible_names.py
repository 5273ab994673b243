"""Give every button, text field and list in an area a name a screen reader can announce.

Buttons are named after their text; the text field inside an editable combo box or date field
takes the name of its owner. Widgets that already have a name keep it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QWidget


def name_unnamed_children(root: QWidget) -> None:
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit) + \
            root.findChildren(QListWidget):
        if widget.accessibleName():
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        owner = widget.parentWidget()
        name = text.replace("&", "") or (owner.accessibleName() if owner is not None else "")
        if name:
            widget.setAccessibleName(name)
