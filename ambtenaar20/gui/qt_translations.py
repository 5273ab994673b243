"""Load Qt's own translations so standard buttons and dialogs read "Annuleren", not "Cancel"."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication


def install_qt_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Install ``qtbase`` for ``language``; returns the translators (keep them alive)."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl"
                               else QLocale.Language.English,
                               QLocale.Country.Netherlands if language == "nl"
                               else QLocale.Country.UnitedKingdom))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", directory):
        app.installTranslator(translator)
        installed.append(translator)
    return installed
