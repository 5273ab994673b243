"""Quick-add (Ctrl+L from any area): write down an interaction in a few seconds."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.model import Interaction
from ambtenaar20.core.logbook.service import LogbookService
from ambtenaar20.gui.logbook.accessible_names import name_unnamed_children
from ambtenaar20.gui.logbook.entry_form import EntryForm
from ambtenaar20.gui.readable_colour import ERROR_RED, TextColour
from ambtenaar20.gui.workers import run_in_background


class QuickAddDialog(QDialog):
    added = Signal(object)

    def __init__(self, service: LogbookService, topics: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(_("Add to the log"))
        self.setObjectName("QuickAddDialog")
        layout = QVBoxLayout(self)
        self.form = EntryForm()
        self.form.set_topics(topics)
        layout.addWidget(self.form)
        self.error_label = QLabel()
        self.error_colour = TextColour(self.error_label, ERROR_RED)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.platform_edit.setFocus()
        self.saved_entry: Interaction | None = None
        name_unnamed_children(self)

    def save(self) -> None:
        values = self.form.values()
        service = self.service
        self.buttons.setEnabled(False)
        run_in_background(lambda _cancel, _progress: service.add(**values),
                          on_success=self._saved, on_error=self._failed)

    def _saved(self, entry: Interaction) -> None:
        self.saved_entry = entry
        self.added.emit(entry)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        # In the form's words, with the focus on the field to correct.
        self.error_label.setText(self.form.point_at_error(str(error)))
        self.error_label.show()
