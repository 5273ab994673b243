"""An uncaught exception in the GUI becomes a plain-language dialog and a log entry.

Without this, PySide6 prints the traceback to a console the officer does not have, and the app
may appear to do nothing.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from ambtenaar20.core.i18n import _

log = logging.getLogger("ambtenaar20.crash")


def install_excepthook(log_file: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is None:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(_("Ambtenaar 2.0 ran into an unexpected problem: {error}").format(error=error))
        box.setInformativeText(
            _("Your saved work is safe. The details have been written to {path}; your IT "
              "department can use that file to find the cause.").format(path=log_file)
        )
        box.exec()

    sys.excepthook = hook
