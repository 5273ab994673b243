"""The "Backups and retention" part of Preferences: daily backups, how many, how long items stay."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from ambtenaar20.core.i18n import _
from ambtenaar20.core.settings import Settings


class BackupPreferences(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(_("Backups and retention"), parent)
        form = QFormLayout(self)
        self.daily = QCheckBox(_("Make a daily automatic &backup"))
        self.daily.setChecked(bool(settings.backup.daily))
        self.daily.setAccessibleName(_("Make a daily automatic backup"))
        form.addRow(self.daily)
        self.keep = self._spin(form, _("&Keep daily backups"), 1, 365,
                               settings.backup.keep_daily, 7)
        self.keep.setEnabled(self.daily.isChecked())
        self.daily.toggled.connect(self.keep.setEnabled)
        self.item_days = self._spin(form, _("&Remove feed items older than (days)"), 0, 36500,
                                    settings.retention.feed_item_days, 365)
        self.item_days.setSpecialValueText(_("never"))
        note = QLabel(_("Starred, answered and linked items are kept. Log entries are never "
                        "removed automatically."))
        note.setWordWrap(True)
        form.addRow(note)

    def _spin(self, form: QFormLayout, text: str, low: int, high: int, value: object,
              default: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value if isinstance(value, int) and low <= value <= high else default)
        spin.setAccessibleName(text.replace("&", ""))
        label = QLabel(text)
        label.setBuddy(spin)
        form.addRow(label, spin)
        return spin

    def apply(self, settings: Settings) -> None:
        settings.backup.daily = self.daily.isChecked()
        settings.backup.keep_daily = self.keep.value()
        settings.retention.feed_item_days = self.item_days.value()
