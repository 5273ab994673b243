"""Load Qt's own translations so standard buttons and dialogs read "Annuleren", not "Cancel"."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

#: Texts Qt gained after its Dutch catalogue was last updated: Qt 6.11's file dialog added Alt
#: keys to two labels ("&Look in:", "Files of &type:"), which ``qtbase_nl`` still has without
#: them, so those two showed in English in an otherwise Dutch dialog.
MISSING_DUTCH = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestands&type:",
}


class GapTranslator(QTranslator):
    """Translates only ``MISSING_DUTCH``; everything else falls through to ``qtbase``."""

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (a null string), not "": Qt takes an empty string as the translation.
        return MISSING_DUTCH.get((context, source))


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
    if language == "nl":
        # Installed last, so asked first; it answers only for its own few texts.
        gaps = GapTranslator(app)
        app.installTranslator(gaps)
        installed.append(gaps)
    return installed
