"""The fields of one log entry, shared by the quick-add dialog and the detail pane.

Both show the log service's messages about a wrong field; the service names the field by a
fixed key ("kind: …"), which the form turns into the field's caption, pointing at the field.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ambtenaar20.core.i18n import N_, _
from ambtenaar20.core.logbook.kinds import DIRECTIONS, KINDS, kind_label
from ambtenaar20.core.logbook.model import Interaction
from ambtenaar20.core.logbook.platforms import COMMON_PLATFORMS, platform_label, platform_value
from ambtenaar20.core.logbook.validation import MAX_MINUTES

#: The form's caption of each field; the history names changed fields by the same words.
FIELD_LABELS = {
    "occurred_at": N_("&When"), "platform": N_("&Platform"), "kind": N_("&Kind"),
    "direction": N_("D&irection"), "topic": N_("&Topic"), "counterpart": N_("&Counterpart"),
    "url": N_("&Link"), "minutes": N_("&Minutes spent"), "summary": N_("&Summary"),
    "outcome": N_("&Outcome"), "follow_up": N_("Follow up on"),
}


#: The key the log service starts a message with ("kind: …", the same in every language and
#: the name of the CLI's option, see ``cli/field_names.py``) -> the field it is about.
_MESSAGE_KEYS = {
    "at": "occurred_at", "platform": "platform", "kind": "kind", "direction": "direction",
    "topic": "topic", "counterpart": "counterpart", "url": "url", "minutes": "minutes",
    "summary": "summary", "outcome": "outcome", "follow-up": "follow_up",
}
_KEY = re.compile(r"([a-z][a-z-]*): ")


def field_label(name: str) -> str:
    """A field's caption without its Alt-key marker, or the name itself for an unknown field."""
    return _(FIELD_LABELS[name]).replace("&", "") if name in FIELD_LABELS else name


class EntryForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.at_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.platform_edit = QComboBox()
        self.platform_edit.setEditable(True)
        for value in COMMON_PLATFORMS:
            self.platform_edit.addItem(platform_label(value), value)
        self.kind_combo = QComboBox()
        for value in KINDS:
            self.kind_combo.addItem(kind_label(value), value)
        self.direction_combo = QComboBox()
        for value, label in DIRECTIONS.items():
            self.direction_combo.addItem(_(label), value)
        self.direction_combo.setCurrentIndex(self.direction_combo.findData("out"))
        self.topic_edit = QComboBox()
        self.topic_edit.setEditable(True)
        self.counterpart_edit = QLineEdit()
        self.counterpart_edit.setPlaceholderText(_("@handle or name"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, MAX_MINUTES)
        self.minutes_spin.setSuffix(" " + _("min"))
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(90)
        self.outcome_edit = QLineEdit()
        self.follow_up_check = QCheckBox(_("Follow up on"))
        self.follow_up_check.setAccessibleName(_("Follow up on"))
        self.follow_up_date = QDateEdit(QDate.currentDate().addDays(7))
        self.follow_up_date.setDisplayFormat("dd-MM-yyyy")
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setEnabled(False)
        self.follow_up_check.toggled.connect(self.follow_up_date.setEnabled)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up_check)
        follow_row.addWidget(self.follow_up_date, 1)
        widgets = {"occurred_at": self.at_edit, "platform": self.platform_edit,
                   "kind": self.kind_combo, "direction": self.direction_combo,
                   "topic": self.topic_edit, "counterpart": self.counterpart_edit,
                   "url": self.url_edit, "minutes": self.minutes_spin,
                   "summary": self.summary_edit, "outcome": self.outcome_edit}
        #: The widget of each field, to point at it when the service finds it wrong.
        self.field_widgets: dict[str, QWidget] = {**widgets, "follow_up": self.follow_up_date}
        for name, widget in widgets.items():
            label = _(FIELD_LABELS[name])
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(caption, widget)
        form.addRow(follow_row)
        self.follow_up_date.setAccessibleName(_("Follow-up date"))

    def point_at_error(self, message: str) -> str:
        """``message`` as the officer can read it: its leading field key ("kind: …", the
        service's name for the field) becomes the field's caption ("Soort: …"), and that field
        gets the focus. A message about no field of the form is returned as it is."""
        found = _KEY.match(message)
        name = _MESSAGE_KEYS.get(found.group(1)) if found else None
        if found is None or name is None:
            return message
        self.field_widgets[name].setFocus(Qt.FocusReason.OtherFocusReason)
        return f"{field_label(name)}: {message[found.end():]}"

    def set_topics(self, topics: list[str]) -> None:
        current = self.topic_edit.currentText()
        self.topic_edit.clear()
        self.topic_edit.addItems(["", *topics])
        self.topic_edit.setCurrentText(current)

    def values(self) -> dict[str, Any]:
        """The fields as the log service takes them (it validates them)."""
        return {
            "occurred_at": self.at_edit.dateTime().toPython().replace(second=0, microsecond=0),
            "platform": platform_value(self.platform_edit.currentText()),
            "kind": self.kind_combo.currentData(),
            "direction": self.direction_combo.currentData(),
            "topic": self.topic_edit.currentText(),
            "counterpart": self.counterpart_edit.text(),
            "url": self.url_edit.text(),
            "minutes": self.minutes_spin.value(),
            "summary": self.summary_edit.toPlainText(),
            "outcome": self.outcome_edit.text(),
            "follow_up": self.follow_up_date.date().toPython()
            if self.follow_up_check.isChecked() else None,
        }

    def clear(self) -> None:
        """Back to an empty form, so nothing of an entry stays on screen once it is not shown
        (deleted, or not among the results of a search)."""
        self.at_edit.setDateTime(QDateTime.currentDateTime())
        self.platform_edit.setCurrentText("")
        self.kind_combo.setCurrentIndex(0)
        self.direction_combo.setCurrentIndex(max(0, self.direction_combo.findData("out")))
        self.topic_edit.setCurrentText("")
        for edit in (self.counterpart_edit, self.url_edit, self.outcome_edit):
            edit.clear()
        self.minutes_spin.setValue(0)
        self.summary_edit.clear()
        self.follow_up_check.setChecked(False)
        self.follow_up_date.setDate(QDate.currentDate().addDays(7))

    def set_entry(self, entry: Interaction) -> None:
        local = entry.occurred_at
        self.at_edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                           QTime(local.hour, local.minute)))
        self.platform_edit.setCurrentText(platform_label(entry.platform))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(entry.kind)))
        self.direction_combo.setCurrentIndex(max(0, self.direction_combo.findData(
            entry.direction)))
        self.topic_edit.setCurrentText(entry.topic)
        self.counterpart_edit.setText(entry.counterpart)
        self.url_edit.setText(entry.url)
        self.minutes_spin.setValue(entry.minutes)
        self.summary_edit.setPlainText(entry.summary)
        self.outcome_edit.setText(entry.outcome)
        self.follow_up_check.setChecked(entry.follow_up is not None)
        if entry.follow_up is not None:
            self.follow_up_date.setDate(QDate(entry.follow_up.year, entry.follow_up.month,
                                              entry.follow_up.day))


def changed_fields(entry: Interaction, values: dict[str, Any]) -> dict[str, Any]:
    """Only what differs from ``entry`` (the time compared to the minute, as shown)."""
    changes: dict[str, Any] = {}
    for name, value in values.items():
        current = getattr(entry, name)
        if name == "occurred_at":
            shown = current.replace(second=0, tzinfo=None)
            if isinstance(value, datetime) and value.replace(tzinfo=None) == shown:
                continue
        elif (isinstance(value, str) and isinstance(current, str)
              and value.strip() == current.strip()) or value == current:
            continue
        changes[name] = value
    return changes
