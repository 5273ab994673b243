"""About: version, where the data lives, and the licences of the app and the libraries it uses."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ambtenaar20 import APP_NAME, __version__
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _
from ambtenaar20.core.licences import runtime_libraries


class AboutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        header = QLabel(
            f"<h2>{APP_NAME} {__version__}</h2>"
            + "<p>" + html.escape(_("The workbench of the civil servant online: follow, write "
                                    "within the guidelines, log and report.")) + "</p>"
            + "<p>" + html.escape(_("Your data stays on this computer, in:")) + "<br><code>"
            + html.escape(str(context.paths.data_dir)) + "</code></p>"
            + f"<p>Qt {qVersion()} · PySide6 {pyside_version}</p>"
        )
        header.setWordWrap(True)
        header.setAccessibleName(_("About {app}").format(app=APP_NAME))
        layout.addWidget(header)
        licences = QTextBrowser()
        licences.setAccessibleName(_("Licences of the app and the libraries it uses"))
        # Read when the dialog opens (about 0.1 s of metadata), never at start-up.
        app_licence, libraries = runtime_libraries()
        rows = [f"<tr><td><b>{html.escape(APP_NAME)}</b></td><td><b>{html.escape(__version__)}"
                f"</b></td><td><b>{html.escape(app_licence)}</b></td></tr>"]
        rows += [f"<tr><td>{html.escape(library.name)}</td><td>{html.escape(library.version)}"
                 f"</td><td>{html.escape(library.licence)}</td></tr>" for library in libraries]
        title, library, version, licence = (
            html.escape(text)
            for text in (_("Licences of the app and the libraries it uses"), _("Library"),
                         _("Version"), _("Licence"))
        )
        licences.setHtml(
            f"<p><b>{title}</b></p><table cellpadding='3'><tr><th align='left'>{library}</th>"
            f"<th align='left'>{version}</th><th align='left'>{licence}</th></tr>"
            f"{''.join(rows)}</table>"
        )
        layout.addWidget(licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 460)
