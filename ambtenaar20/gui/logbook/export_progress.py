"""The Rapportage area's progress row: how far an export is, and a button to cancel it.

A PDF, XLSX or pseudonymised export of thousands of entries runs for seconds; the row shows
that it moves and lets the officer stop it. It is hidden while no export runs, as the Volgen
area's refresh bar is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.accessible import named_button


class ExportProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_("Export progress"))
        self.cancel_button = named_button(_("&Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self) -> None:
        """Show the row at 0 % (determinate from the start: the total follows at once)."""
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.resetFormat()
        self.show()

    def show_progress(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if what:
            # Named in the bar: each step starts again from 0 % (a pseudonymised export
            # recognises the people, pseudonymises the entries, then writes the file).
            self.bar.setFormat(_("{step}: %p%").format(step=what))

    def end(self) -> None:
        self.hide()
