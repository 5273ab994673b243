"""Where Rapportage saves an export: a Save dialog for the chosen file format.

The dialog offers the format's own file type first ("PDF-bestanden (*.pdf)") and all files
second, and adds the format's extension to a name typed without one. The dialog adds it itself
(``defaultSuffix``), so its question before replacing a file is about the file that is
written; a native dialog that leaves the name bare is caught afterwards, with the same
question.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ambtenaar20.core.i18n import N_, _

#: Export format -> untranslated file type for the Save dialog.
FILE_TYPES = {
    "xlsx": N_("Excel workbooks (*.xlsx)"),
    "pdf": N_("PDF files (*.pdf)"),
    "csv": N_("CSV files (*.csv)"),
    "json": N_("JSON files (*.json)"),
}


def name_filters(file_format: str) -> list[str]:
    """The Save dialog's file types: the format's own, then all files."""
    return [_(FILE_TYPES[file_format]), _("All files (*)")]


def suggested_name(start: object, end: object, file_format: str) -> str:
    """The file name offered for an export of the period, in the interface language."""
    return _("log-{start}-{end}").format(start=start, end=end) + "." + file_format


def with_extension(path: Path, file_format: str) -> Path:
    """``path`` with the format's extension when the officer typed a name without any."""
    return path if path.suffix else path.with_name(f"{path.name}.{file_format}")


def save_dialog(parent: QWidget, suggested: Path, file_format: str) -> QFileDialog:
    dialog = QFileDialog(parent, _("Export the log"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters(name_filters(file_format))
    dialog.selectNameFilter(name_filters(file_format)[0])
    dialog.setDefaultSuffix(file_format)
    dialog.setDirectory(str(suggested.parent))
    dialog.selectFile(suggested.name)
    return dialog


def ask_save_target(parent: QWidget, suggested: Path, file_format: str) -> Path | None:
    """The file the officer chose to save to (with the format's extension), or ``None``."""
    dialog = save_dialog(parent, suggested, file_format)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    chosen = Path(dialog.selectedFiles()[0])
    target = with_extension(chosen, file_format)
    if target != chosen and target.exists() and not _replace_ok(parent, target):
        return None
    return target


def _replace_ok(parent: QWidget, target: Path) -> bool:
    answer = QMessageBox.question(
        parent, _("Export the log"),
        _("{name} already exists. Do you want to replace it?").format(name=target.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
