"""Rapportage's "Personen pseudonimiseren": the checkbox, what it does, and the names to hide too.

A pseudonymised export recognises the people of the log; someone named in a summary who is no
counterpart anywhere is not recognised (no word list tells every name from a word or a place).
Under the checkbox the officer lists such people, one a line, once: the list is kept in the
settings (``privacy.hidden_names``, the same list as ``ambtenaar20 hidden-names``) and saved
when the field is left and when an export starts, which uses exactly what the field shows.
Split out of ``report_view.py``, which is near the project's ~400 lines.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.errors import SettingsError
from ambtenaar20.core.hidden_names import clean_names
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.caption_label import CaptionLabel

log = logging.getLogger(__name__)

#: Lines the names field shows before it scrolls.
NAME_LINES = 4


class NamesEdit(QPlainTextEdit):
    """One name a line; says when the officer leaves it, so the list is saved then."""

    left = Signal()

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setTabChangesFocus(True)  # Tab goes on to the export button, as in a form
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # a name stays one line

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_lines()

    def fit_lines(self) -> None:
        """As high as ``lines`` lines of the current font, also at a large font size."""
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * self.lines + \
            2 * int(self.document().documentMargin()) + margins.top() + margins.bottom()
        self.setFixedHeight(height)


class PseudonymizeChoice(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.check = QCheckBox(_("Pse&udonymise people (Persoon 1, Persoon 2 …)"))
        self.note = QLabel(_(
            "Replaces the counterparts of the log wherever they are named, @names, links to "
            "people and personal data. Other people named in a summary or outcome are not "
            "recognised unless you list them below."))
        self.note.setWordWrap(True)
        self.names_caption = CaptionLabel(_("Also hide these &names (one per line)"))
        self.names_edit = NamesEdit(NAME_LINES)
        self.names_edit.setAccessibleName(_("Also hide these names"))
        self.names_edit.setAccessibleDescription(_("One name per line: people named in a "
                                                   "summary who are no counterpart"))
        self.names_edit.setPlaceholderText(_("For example: Jan de Vries"))
        self.names_edit.fit_lines()
        self.names_caption.setBuddy(self.names_edit)
        self._saved = clean_names(context.settings.privacy.hidden_names)
        self.names_edit.setPlainText("\n".join(self._saved))
        self.names_edit.left.connect(self.remember)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.check, self.note, self.names_caption, self.names_edit):
            layout.addWidget(widget)
        self.check.toggled.connect(self._show_details)
        self._show_details(False)

    def _show_details(self, shown: bool) -> None:
        for widget in (self.note, self.names_caption, self.names_edit):
            widget.setVisible(shown)
        self.names_edit.setEnabled(shown)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.names_edit.fit_lines()

    def pseudonymize(self) -> bool:
        return self.check.isChecked()

    def names(self) -> tuple[str, ...]:
        """The names in the field, each person once (what the export hides besides the log's
        counterparts)."""
        return clean_names(self.names_edit.toPlainText().splitlines())

    def hidden_names(self) -> tuple[str, ...]:
        """What an export hides besides the counterparts: the field's names when pseudonymising,
        saved for the next time."""
        if not self.pseudonymize():
            return ()
        self.remember()
        return self.names()

    def remember(self) -> None:
        """Save the officer's edit of the field in the settings, when there is one.

        ``hidden-names`` or an erasure from the command line may have changed the list since
        the field was filled; the settings' save merges lists item by item
        (``core/settings_merge.py``), so only the officer's edit (names added, names taken
        out) is applied and an erased name does not come back. The field then shows the list
        as saved.
        """
        names = self.names()
        if names == self._saved:
            return
        self.context.settings.privacy.hidden_names = list(names)
        try:
            self.context.save_settings()
        except SettingsError:
            # The export still hides what the field shows; only the next session lacks it.
            log.exception("saving the names to hide failed")
            return
        self._saved = clean_names(self.context.settings.privacy.hidden_names)
        if self._saved != names:
            self._show(self._saved)

    def settings_changed(self) -> None:
        """The settings were saved elsewhere (an erasure, ``hidden-names``): show their list,
        unless the officer is editing the field."""
        if self.names() != self._saved or self.names_edit.hasFocus():
            return
        current = clean_names(self.context.settings.privacy.hidden_names)
        if current != self._saved:
            self._saved = current
            self._show(current)

    def showEvent(self, event: QShowEvent) -> None:
        """Back on screen: the list as it is saved now (the window's watch may not have run:
        a report view on its own has none)."""
        super().showEvent(event)
        self.context.refresh_settings()
        self.settings_changed()

    def _show(self, names: tuple[str, ...]) -> None:
        self.names_edit.setPlainText("\n".join(names))
