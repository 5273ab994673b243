"""Dialogs of the follow area: adding a feed (with optional login) and adding a topic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.feeds.query import QuerySyntaxError, compile_query
from ambtenaar20.core.i18n import N_, _


class AddFeedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add feed"))
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://www.example.nl/feed.xml")
        self.title = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("&Address (feed or web page):"), self.url)
        form.addRow(_("&Name (optional):"), self.title)
        form.addRow(_("&User name (only for a feed behind a login):"), self.user)
        form.addRow(_("&Password:"), self.password)
        note = QLabel(_("The password is kept in your system's password store (keyring), never "
                        "in Ambtenaar 2.0's own files."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str | None, str | None, str | None]:
        user = self.user.text().strip() or None
        return (self.url.text().strip(), self.title.text().strip() or None, user,
                self.password.text() if user else None)


QUERY_HELP = N_("Words separated by spaces must all occur. OR between terms: one of them is "
              "enough. -term or NOT term excludes. \"exact phrase\". prefix* matches the "
              "beginning of a word. Parentheses group. Case and accents do not matter: "
              "financiele finds financiële.")


class AddTopicDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add topic"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.query = QLineEdit()
        self.query.setPlaceholderText(_('for example: omgevingswet OR "omgevings wet" -vacature'))
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Query:"), self.query)
        help_text = QLabel(_(QUERY_HELP))
        help_text.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_text)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.query.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        """Syntax is checked while typing (pure parsing, no database): errors show at once."""
        message = ""
        try:
            compile_query(self.query.text())
            valid = bool(self.name.text().strip())
        except QuerySyntaxError as error:
            valid = False
            message = str(error) if self.query.text().strip() else ""
        self.problem.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.query.text().strip()
