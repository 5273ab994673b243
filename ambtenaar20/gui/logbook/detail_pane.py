"""The selected entry: edit it, see its history, delete it (after confirmation)."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.i18n import N_, _, ngettext
from ambtenaar20.core.logbook.kinds import direction_label, kind_label
from ambtenaar20.core.logbook.model import HistoryLine, Interaction
from ambtenaar20.gui.local_time import day_text, full_moment
from ambtenaar20.gui.logbook.entry_form import EntryForm, changed_fields, field_label
from ambtenaar20.gui.readable_colour import ERROR_RED, TextColour

ACTIONS = {"created": N_("created"), "edited": N_("changed"), "deleted": N_("deleted"),
           "restored": N_("restored")}


def describe(line: HistoryLine) -> str:
    """One history line in words: when, who, what changed from what to what.

    In the form's words and formats ("Minuten besteed: 15 → 20"), not the stored field names
    and values, which are the database's.
    """
    stamp = full_moment(line.changed_at)
    action = _(ACTIONS.get(line.action, line.action))
    text = f"{stamp} · {line.changed_by} · {action}"
    if line.action == "edited":
        parts = [f"{field_label(name)}: {_shown(name, line.old_values.get(name))} → "
                 f"{_shown(name, value)}" for name, value in line.new_values.items()]
        text += ": " + "; ".join(parts)
    return text


def _shown(name: str, value: object) -> str:
    """A stored value as the form shows it: labels for codes, Dutch dates, local times."""
    if value is None or value == "":
        return "–"
    if name == "kind":
        text = kind_label(str(value))
    elif name == "direction":
        text = direction_label(str(value))
    elif name == "occurred_at":
        text = full_moment(str(value))
    elif name == "follow_up":
        text = day_text(str(value))
    else:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


class DetailPane(QWidget):
    save_requested = Signal(int, dict)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(_("Choose an entry to see and change it."))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.form = EntryForm()
        layout.addWidget(self.form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save chan&ges"))
        self.delete_button = QPushButton(_("&Delete…"))
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.error_label = QLabel()
        self.error_colour = TextColour(self.error_label, ERROR_RED)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        history_label = QLabel(_("Histor&y"))
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(_("History"))
        self.history_list.setWordWrap(True)
        history_label.setBuddy(self.history_list)
        layout.addWidget(history_label)
        layout.addWidget(self.history_list, 1)
        self.entry: Interaction | None = None
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.show_entry(None)

    def show_entry(self, entry: Interaction | None) -> None:
        self.entry = entry
        self.error_label.hide()
        enabled = entry is not None
        for widget in (self.form, self.save_button, self.delete_button):
            widget.setEnabled(enabled)
        if entry is None:
            self.title.setText(_("Choose an entry to see and change it."))
            self.history_list.clear()
            self.form.clear()
            return
        title = _("Entry {id}").format(id=entry.id)
        if entry.draft_id is not None:
            title += " · " + _("from draft {id}").format(id=entry.draft_id)
        if entry.item_id is not None:
            title += " · " + _("reply to feed item {id}").format(id=entry.item_id)
        if entry.open_findings:
            title += " · " + ngettext("published with {count} open finding",
                                      "published with {count} open findings",
                                      entry.open_findings).format(count=entry.open_findings)
        self.title.setText(title)
        self.form.set_entry(entry)

    def show_history(self, lines: list[HistoryLine]) -> None:
        self.history_list.clear()
        self.history_list.addItems([describe(line) for line in lines])

    def show_error(self, message: str) -> None:
        # In the form's words, with the focus on the field to correct.
        self.error_label.setText(self.form.point_at_error(message))
        self.error_label.show()

    def _save(self) -> None:
        if self.entry is not None:
            self.save_requested.emit(self.entry.id, changed_fields(self.entry,
                                                                   self.form.values()))

    def _delete(self) -> None:
        if self.entry is not None:
            self.delete_requested.emit(self.entry.id)
