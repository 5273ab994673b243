"""About: version, where the data lives, and the licences of the libraries we ship."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ambtenaar20 import APP_NAME, __version__
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _

#: Distributions shipped with the app, shown with their licence.
BUNDLED_LIBRARIES = (
    "PySide6", "sqlite-utils", "keyring", "feedparser", "textblob", "textblob-nl",
    "platformdirs",
)


def library_licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each bundled library that is installed."""
    rows = []
    for name in BUNDLED_LIBRARIES:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        licence = meta.get("License-Expression") or ""
        if not licence or len(licence) > 60:
            classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                           if c.startswith("License ::")]
            licence = ", ".join(classifiers) or (meta.get("License") or "")[:60] or "?"
        rows.append((name, meta.get("Version", "?"), licence))
    return rows


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
        licences.setAccessibleName(_("Licences of the bundled libraries"))
        rows = "".join(
            f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td><td>{html.escape(lic)}</td></tr>"
            for n, v, lic in library_licences()
        )
        title, library, version, licence = (
            html.escape(text)
            for text in (_("Licences of the bundled libraries"), _("Library"), _("Version"),
                         _("Licence"))
        )
        licences.setHtml(
            f"<p><b>{title}</b></p><table cellpadding='3'><tr><th align='left'>{library}</th>"
            f"<th align='left'>{version}</th><th align='left'>{licence}</th></tr>{rows}</table>"
        )
        layout.addWidget(licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 460)
