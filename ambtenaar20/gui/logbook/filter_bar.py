"""The Logboek filter bar: period (presets or own dates), topic, platform, kind and search."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.kinds import KINDS, kind_label
from ambtenaar20.core.logbook.model import LogFilter
from ambtenaar20.core.logbook.platforms import platform_label
from ambtenaar20.core.logbook.presets import PRESETS, preset_period
from ambtenaar20.gui.flow_layout import FlowLayout

ALL = ""
CUSTOM = "custom"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wraps onto a second row when narrow (a large font, a small screen), so the Logboek
        # never has to scroll sideways to reach the search field.
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.period_combo = QComboBox()
        self.period_combo.addItem(_("All dates"), ALL)
        for key, label in PRESETS.items():
            self.period_combo.addItem(_(label), key)
        self.period_combo.addItem(_("From … to …"), CUSTOM)
        self.from_edit = QDateEdit(QDate.currentDate().addDays(-30))
        self.to_edit = QDateEdit(QDate.currentDate())
        for edit, name in ((self.from_edit, _("From")), (self.to_edit, _("To"))):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(self._emit)
        self.topic_combo = self._combo(_("All topics"), _("Topic"))
        self.platform_combo = self._combo(_("All platforms"), _("Platform"))
        self.kind_combo = self._combo(_("All kinds"), _("Kind"))
        for value in KINDS:
            self.kind_combo.addItem(kind_label(value), value)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Search…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(_("Search the log"))
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self._emit)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.period_combo.setAccessibleName(_("Period"))
        label = QLabel(_("Pe&riod"))
        label.setBuddy(self.period_combo)
        # The caption stays on the row of its field.
        period = QHBoxLayout()
        layout.addLayout(period)
        period.addWidget(label)
        period.addWidget(self.period_combo)
        for widget in (self.from_edit, self.to_edit, self.topic_combo, self.platform_combo,
                       self.kind_combo, self.search_edit):
            layout.addWidget(widget)  # the search field expands into what its row has left

    def _combo(self, all_text: str, name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, ALL)
        # The field's name, not its first item: a screen reader said "Alle onderwerpen" even
        # with "Afval" chosen (it reads the chosen item itself).
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit()

    def set_choices(self, combo: QComboBox, values: list[str]) -> None:
        current = combo.currentData()
        # Platforms are shown in the interface language, filtered by their stored value.
        label = platform_label if combo is self.platform_combo else str
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(label(value), value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def period(self) -> Period | None:
        key = self.period_combo.currentData()
        if key == ALL:
            return None
        if key == CUSTOM:
            try:
                return Period(self.from_edit.date().toPython(), self.to_edit.date().toPython())
            except UsageError:
                return Period(self.to_edit.date().toPython(), self.to_edit.date().toPython())
        return preset_period(key, date.today())

    def log_filter(self) -> LogFilter:
        def chosen(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()

        return LogFilter(period=self.period(), topics=chosen(self.topic_combo),
                         platforms=chosen(self.platform_combo), kinds=chosen(self.kind_combo),
                         search=self.search_edit.text())
