"""Qt pieces of ``ambtenaar20 selftest``: Qt's own translations and printing a PDF offscreen.

They live in the GUI layer because they need Qt; the self-test command calls them so that an
installed (frozen) app proves its Qt plugins, fonts and translation files were packed along.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QMarginsF, QSizeF, QTranslator
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for rendering: always offscreen, so it needs no display and shows nothing.

    ``-platform`` wins over a ``QT_QPA_PLATFORM`` set (or set empty) in the environment.
    """
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    return QGuiApplication(["ambtenaar20-selftest", "-platform", "offscreen"])


def qt_translation_file(language: str) -> Path | None:
    """The ``qtbase_<language>.qm`` that Qt loads for standard buttons, or None if missing."""
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load(f"qtbase_{language}", directory):
        return None
    return Path(translator.filePath() or Path(directory) / f"qtbase_{language}.qm")


def render_probe_pdf(target: Path, html: str) -> int:
    """Print ``html`` to an A4 PDF at ``target`` the way reports are printed; returns pages.

    The document is laid out for the writer's real page first: without that Qt lays tables out
    at a third of the page width.
    """
    ensure_gui_application()
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()))
    document.setHtml(html)
    pages = document.pageCount()
    document.print_(writer)
    del writer  # finishes and closes the file
    return pages
