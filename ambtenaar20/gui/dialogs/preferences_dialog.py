"""Preferences: the officer's profile (used on reports) and the language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.errors import SettingsError
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.dialogs.backup_preferences import BackupPreferences


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Preferences"))
        layout = QVBoxLayout(self)

        profile_box = QGroupBox(_("Your profile (shown on reports)"))
        form = QFormLayout(profile_box)
        profile = context.settings.profile
        self.name_edit = self._line(form, _("&Name"), profile.name)
        self.function_edit = self._line(form, _("&Function"), profile.function)
        self.organisation_edit = self._line(form, _("&Organisation"), profile.organisation)
        self.department_edit = self._line(form, _("&Department"), profile.department)
        layout.addWidget(profile_box)

        language_box = QGroupBox(_("Language"))
        language_form = QFormLayout(language_box)
        self.language_combo = QComboBox()
        self.language_combo.addItem(_("Follow the system"), "auto")
        self.language_combo.addItem("Nederlands", "nl")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(context.settings.language))
        )
        self.language_combo.setAccessibleName(_("Language"))
        label = QLabel(_("&Language"))
        label.setBuddy(self.language_combo)
        language_form.addRow(label, self.language_combo)
        note = QLabel(_("A new language takes effect when the app is started again."))
        note.setWordWrap(True)
        language_form.addRow(note)
        layout.addWidget(language_box)
        self.backup_box = BackupPreferences(context.settings)
        layout.addWidget(self.backup_box)

        from ambtenaar20.gui.areas.following.preferences import FeedPreferences

        self.feed_preferences = FeedPreferences(context.settings.feeds)
        layout.addWidget(self.feed_preferences)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _line(self, form: QFormLayout, label_text: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(label_text.replace("&", ""))
        label = QLabel(label_text)
        label.setBuddy(edit)
        form.addRow(label, edit)
        return edit

    def accept(self) -> None:
        settings = self.context.settings
        settings.profile.name = self.name_edit.text().strip()
        settings.profile.function = self.function_edit.text().strip()
        settings.profile.organisation = self.organisation_edit.text().strip()
        settings.profile.department = self.department_edit.text().strip()
        settings.language = self.language_combo.currentData()
        if (problem := self.feed_preferences.problem()) is not None:
            QMessageBox.warning(self, _("Preferences"), problem)
            return
        self.feed_preferences.apply(settings.feeds)
        self.backup_box.apply(settings)
        try:
            self.context.save_settings()
        except SettingsError as error:
            QMessageBox.warning(self, _("Preferences"), str(error))
            return
        super().accept()
