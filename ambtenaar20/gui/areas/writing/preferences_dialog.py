"""The officer's own lists for drafting: watched accounts, policy-area words, own words, and a
different Mastodon limit for their server."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ambtenaar20.core.drafting.preferences import DraftingPreferences
from ambtenaar20.core.i18n import _


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class DraftingPreferencesDialog(QDialog):
    def __init__(self, preferences: DraftingPreferences, own_words: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("My lists for drafting"))
        form = QFormLayout(self)
        explanation = QLabel(_("One item per line. These lists add to your organisation's "
                               "guideline pack; they are kept on this computer."))
        explanation.setWordWrap(True)
        form.addRow(explanation)
        self.watchlist = QPlainTextEdit("\n".join(preferences.watchlist))
        self.watchlist.setPlaceholderText("@kamerlid\n@journalist@mastodon.example")
        form.addRow(_("Accounts to reach through the press office:"), self.watchlist)
        self.topic_words = QPlainTextEdit("\n".join(preferences.topic_words))
        form.addRow(_("Words of my own policy area:"), self.topic_words)
        self.own_words = QPlainTextEdit("\n".join(own_words))
        form.addRow(_("My word list (accepted by the spelling check):"), self.own_words)
        for box in (self.watchlist, self.topic_words, self.own_words):
            box.setTabChangesFocus(True)  # Tab goes on to the next field; one item a line
        self.mastodon = QSpinBox()
        self.mastodon.setRange(0, 100_000)
        self.mastodon.setSpecialValueText(_("server default (500)"))
        self.mastodon.setValue(preferences.limits.get("mastodon", 0))
        form.addRow(_("Character limit of my Mastodon server:"), self.mastodon)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._limits = dict(preferences.limits)

    def values(self) -> tuple[DraftingPreferences, list[str]]:
        limits = {k: v for k, v in self._limits.items() if k != "mastodon"}
        if self.mastodon.value():
            limits["mastodon"] = self.mastodon.value()
        chosen = DraftingPreferences(watchlist=_lines(self.watchlist),
                                     topic_words=_lines(self.topic_words), limits=limits)
        return chosen, _lines(self.own_words)
