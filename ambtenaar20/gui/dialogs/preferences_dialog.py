"""Preferences: the officer's profile (used on reports) and the language."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.errors import SettingsError
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.caption_label import CaptionLabel
from ambtenaar20.gui.dialogs.backup_preferences import BackupPreferences
from ambtenaar20.gui.dialogs.tone_preferences import TonePreferences


class SectionsArea(QScrollArea):
    """The sections, as tall as their wrapped notes need; they scroll where the screen is lower.

    Laid out in the dialog itself, the sections got less height than their wrapped notes take
    at the dialog's width (a window does not size itself by height-for-width), and the backup
    note was cut off, at any font size. A scroll area lays its widget out at the height for
    its width, so every line of a note shows; with a 14 pt font on a 720-pixel screen the
    sections are taller than the screen and scroll, the buttons below them stay in view.
    """

    def __init__(self, sections: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab goes straight to the fields; the area scrolls to the one with the focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(sections)

    def sizeHint(self) -> QSize:
        # QScrollArea's own hint stops at 24 lines of text: the sections would scroll at once.
        sections = self.widget()
        width = sections.sizeHint().width()
        height = max(sections.sizeHint().height(), sections.heightForWidth(width))
        return QSize(width + self._room_beside(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        # Never narrower than the sections, so they never scroll sideways: only down.
        return QSize(self.widget().minimumSizeHint().width() + self._room_beside(),
                     super().minimumSizeHint().height())

    def _room_beside(self) -> int:
        """The frame, and room for the vertical scroll bar should the sections need it."""
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._sized = False
        self.setWindowTitle(_("Preferences"))
        sections = QWidget()
        layout = QVBoxLayout(sections)
        layout.setContentsMargins(0, 0, 0, 0)

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
        label = CaptionLabel(_("&Language"))
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
        self.tone_preferences = TonePreferences(context.settings.tone)
        layout.addWidget(self.tone_preferences)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.sections = SectionsArea(sections)
        outer = QVBoxLayout(self)
        outer.addWidget(self.sections, 1)
        outer.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous() and not self._sized:
            self._sized = True
            # Qt stops a new dialog at two thirds of the screen's height, so the sections
            # scrolled on a 768-pixel screen though they fit: take the height they need, up
            # to the screen's (less its title bar), before Qt centres the dialog.
            screen = self.screen().availableGeometry()
            title_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, self)
            hint = self.sizeHint()
            self.resize(max(self.width(), min(hint.width(), screen.width())),
                        max(self.height(), min(hint.height(), screen.height() - 2 * title_bar)))
        super().showEvent(event)

    def _line(self, form: QFormLayout, label_text: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(label_text.replace("&", ""))
        label = CaptionLabel(label_text)
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
        for section in (self.feed_preferences, self.tone_preferences):
            if (problem := section.problem()) is not None:
                QMessageBox.warning(self, _("Preferences"), problem)
                return
        self.feed_preferences.apply(settings.feeds)
        self.tone_preferences.apply(settings.tone)
        self.backup_box.apply(settings)
        try:
            self.context.save_settings()
        except SettingsError as error:
            QMessageBox.warning(self, _("Preferences"), str(error))
            return
        super().accept()
