"""Help → Diagnose: the report IT asks for, and a button to save it without personal data."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QStandardPaths, Signal, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core import diagnostics
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.workers import run_in_background

log = logging.getLogger(__name__)


def qt_versions() -> dict[str, str]:
    return {"Qt": qVersion(), "PySide6 (runtime)": pyside_version}


class DiagnosticsDialog(QDialog):
    report_ready = Signal()
    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Diagnostics"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("Information for IT support when something does not work. The file you "
                         "save for IT leaves out your name and other personal data."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(_("Diagnostic report"))
        self.text.setPlainText(_("Collecting information…"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(_("&Save for IT…"))
        self.save_button.setAccessibleName(_("Save for IT"))
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_and_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.tasks = [run_in_background(
            lambda cancel, progress: diagnostics.render(
                diagnostics.collect(self.context, qt_versions())),
            on_success=self._show, on_error=self._show_error)]

    def _show(self, text: str) -> None:
        self.text.setPlainText(text)
        self.save_button.setEnabled(True)
        self.report_ready.emit()

    def _show_error(self, error: Exception) -> None:
        self.text.setPlainText(str(error))
        self.report_ready.emit()

    def choose_and_save(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save for IT"), str(Path(folder) / "ambtenaar20-diagnose.txt"),
            _("Text files (*.txt)"))
        if name:
            self.save_to(Path(name))

    def save_to(self, target: Path) -> None:
        self.save_button.setEnabled(False)
        self.tasks.append(run_in_background(
            lambda cancel, progress: diagnostics.save_for_it(self.context, target,
                                                             qt_versions()),
            on_success=self._saved, on_error=self._save_failed))

    def _saved(self, path: Path) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(path)

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        QMessageBox.warning(self, _("Diagnostics"), _("The file could not be saved: {reason}")
                            .format(reason=error))
