"""Dialogs of the follow area: adding a feed (with optional login), adding a topic and
renaming a feed (or giving it back the title the feed gives itself).

Their text fields are ``WideLineEdit``s: a feed address, a query or a feed name is longer than
the 17 characters a plain line edit makes room for.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.feeds.addresses import assumed_https
from ambtenaar20.core.feeds.query import QuerySyntaxError, compile_query
from ambtenaar20.core.i18n import N_, _
from ambtenaar20.gui.accessible import named_button
from ambtenaar20.gui.areas.following.wide_line_edit import WideLineEdit

# What the fields make room for: a typical feed address (50 characters), a feed's name or a
# topic's query (40).
TYPICAL_ADDRESS = "https://www.gemeente-voorbeeld.nl/nieuws/feed.xml"
TYPICAL_NAME = "Gemeente Voorbeeld - nieuws voor inwoners"


def _field(form: QFormLayout, label: str, field: QLineEdit) -> QLineEdit:
    """Add ``field`` to ``form`` with its ``label``, which also names it for screen readers."""
    form.addRow(label, field)
    field.setAccessibleName(label.replace("&", "").rstrip(":"))
    return field


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AddFeedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add feed"))
        form = QFormLayout()
        self.url = WideLineEdit(TYPICAL_ADDRESS)
        self.url.setPlaceholderText("https://www.example.nl/feed.xml")
        _field(form, _("&Address (feed or web page):"), self.url)
        # An address copied without its scheme is followed as https (the feed service's
        # validate_url): said while typing, before it is fetched.
        self.assumed = QLabel()
        self.assumed.setWordWrap(True)
        self.assumed.hide()
        form.addRow("", self.assumed)
        self.url.textChanged.connect(self._show_assumed)
        self.title = _field(form, _("&Name (optional):"), QLineEdit())
        # The login in a box of its own: its long "only for..." label, beside the fields, took
        # the width the address needs.
        login = QGroupBox(_("Login (only for a feed behind a login)"))
        login_form = QFormLayout(login)
        self.user = _field(login_form, _("&User name:"), QLineEdit())
        self.password = _field(login_form, _("&Password:"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        note = QLabel(_("The password is kept in your system's password store (keyring), never "
                        "in Ambtenaar 2.0's own files."))
        note.setWordWrap(True)
        login_form.addRow(note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(login)
        layout.addWidget(_ok_cancel(self))

    def _show_assumed(self, text: str) -> None:
        address = assumed_https(text)
        # Tried as https first; where only http answers, the note after adding says so.
        hint = _("Tried as {url} (or http:// when the server has no https)").format(
            url=address) if address else ""
        self.assumed.setText(hint)
        self.assumed.setVisible(bool(address))
        self.url.setAccessibleDescription(hint)

    def values(self) -> tuple[str, str | None, str | None, str | None]:
        user = self.user.text().strip() or None
        return (self.url.text().strip(), self.title.text().strip() or None, user,
                self.password.text() if user else None)


class RenameFeedDialog(QDialog):
    """The feed's name as it is now, selected: typing replaces it, an arrow key edits it.

    "Use the feed's own title" accepts the dialog with an empty name (``value`` is ""), which
    the feed service takes as "the feed's own title again at the next refresh", as
    ``feeds rename ID ''`` does on the command line. An empty field cannot say that: OK waits
    for a name, so clearing the field by accident never drops the officer's name.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rename feed"))
        form = QFormLayout()
        self.name = _field(form, _("New name:"), WideLineEdit(TYPICAL_NAME, name))
        self.name.selectAll()
        self.buttons = _ok_cancel(self)
        self.own_title_button = named_button(_("&Use the feed's own title"))
        self.own_title_button.setToolTip(_("Drop this name: after the next refresh the feed is "
                                           "shown with its own title."))
        self.own_title_button.setAccessibleDescription(self.own_title_button.toolTip())
        # Not an OK of its own kind: Enter in the field still means OK with the typed name.
        self.own_title_button.setAutoDefault(False)
        self.buttons.addButton(self.own_title_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.own_title_button.clicked.connect(self._use_own_title)
        self._own_title = False
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # An empty name would do nothing: OK waits for one.
        self.name.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name.text().strip()))

    def _use_own_title(self) -> None:
        self._own_title = True
        self.accept()

    def value(self) -> str:
        """The new name, or "" for the feed's own title."""
        return "" if self._own_title else self.name.text().strip()


QUERY_HELP = N_("Words separated by spaces must all occur. OR between terms: one of them is "
              "enough. -term or NOT term excludes. \"exact phrase\". prefix* matches the "
              "beginning of a word. Parentheses group. Case and accents do not matter: "
              "financiele finds financiële.")


class AddTopicDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add topic"))
        form = QFormLayout()
        self.name = _field(form, _("&Name:"), QLineEdit())
        self.query = WideLineEdit(TYPICAL_NAME)
        self.query.setPlaceholderText(_('for example: omgevingswet OR "omgevings wet" -vacature'))
        _field(form, _("&Query:"), self.query)
        help_text = QLabel(_(QUERY_HELP))
        help_text.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = _ok_cancel(self)
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
