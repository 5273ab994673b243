"""The area's one-off actions: copy, templates, installing a pack, marking as published.

Kept apart from ``area.py`` (typing, checking and saving) so each stays readable. The dialogs
are small methods (``ask_...``) so tests can answer them without a person.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ambtenaar20.core.drafting.drafts import Draft
from ambtenaar20.core.drafting.platforms import platforms
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.writing.preferences_dialog import DraftingPreferencesDialog
from ambtenaar20.gui.workers import run_in_background


class WritingActions:
    """Mixed into ``WritingArea``; uses its editor, store, service and state label."""

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        self.state.setText(_("Copied to the clipboard"))

    def use_template(self, template) -> None:
        if self.draft is not None and not self.editor.toPlainText().strip():
            self.editor.setPlainText(template.text)
        else:
            self.new_draft(template.text)

    def save_as_template(self) -> None:
        name, ok = QInputDialog.getText(self, _("Save as template"), _("Name of the template:"))
        text = self.editor.toPlainText()
        if ok and name.strip() and text.strip():
            language = self.result.language if self.result else "nl"
            self._run(lambda: (self.store.add_template(name, text, language),
                               self.store.templates())[1], self.drafts_list.set_templates)

    def ask_pack_file(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Install guideline pack"), "", _("Guideline packs (*.toml)"))
        return path or None

    def install_pack(self) -> None:
        """Validate and install an organisation pack; a broken one is shown, never installed."""
        path = self.ask_pack_file()
        if path is None:
            return

        def installed(pack) -> None:
            self.state.setText(_("Installed pack {name} {version}").format(
                name=pack.name, version=pack.version))
            self.run_check()

        def failed(error: Exception) -> None:
            problems = getattr(error, "problems", None)
            detail = "\n".join(str(p) for p in problems[:20]) if problems else str(error)
            self.pack_problems = detail
            QMessageBox.warning(self, _("Pack not installed"), _(
                "The pack has errors and was not installed; your current pack stays "
                "active.") + "\n\n" + detail)

        run_in_background(lambda _t, _p: self.service.library.install(Path(path)),
                          on_success=lambda pack: shiboken6.isValid(self) and installed(pack),
                          on_error=lambda error: shiboken6.isValid(self) and failed(error))

    def edit_preferences(self) -> None:
        """The officer's own lists; loaded and saved off the GUI thread."""
        service = self.service

        def show(loaded) -> None:
            preferences, words = loaded
            dialog = DraftingPreferencesDialog(preferences, words, self)
            self.preferences_dialog = dialog
            if self.run_dialog(dialog):
                chosen, own_words = dialog.values()
                self._run(lambda: (service.preferences.save(chosen),
                                   service.word_list.replace_all(own_words)),
                          lambda _r: self.run_check())

        self._run(lambda: (service.preferences.load(), sorted(service.word_list.words())), show)

    def run_dialog(self, dialog) -> bool:
        return dialog.exec() == dialog.DialogCode.Accepted

    def ask_publication(self) -> tuple[str, str] | None:
        url, ok = QInputDialog.getText(self, _("Mark as published"),
                                       _("Web address (URL) of the published post:"))
        if not ok or not url.strip():
            return None
        # The log stores the platform by the name the officer sees (and picks in the Logboek's
        # own list), not by the counting rules' key: "X", not "x", so reports count it once.
        keys = self.platform_bar.selected() or tuple(self.platform_bar.boxes)
        choices = [platforms()[key].name for key in keys]
        platform, ok = QInputDialog.getItem(self, _("Mark as published"), _("Platform:"),
                                            choices, 0, False)
        return (url.strip(), platform) if ok else None

    def publish(self) -> None:
        if self.draft is None:
            return
        answer = self.ask_publication()
        if answer is None:
            return
        self.flush()
        url, platform = answer
        draft_id, still_open = self.draft.id, list(self.open_findings)
        recorder = self.recorder

        def done(draft: Draft) -> None:
            self._updated(draft)
            self.status.setCurrentIndex(self.status.findData(draft.status))
            if recorder is None:
                QMessageBox.information(self, _("Published"), _(
                    "The draft is marked as published. The log is not available in this "
                    "version, so no log entry was made."))
            else:
                self.state.setText(_("Marked as published and added to the log"))

        self._run(lambda: self.store.mark_published(draft_id, url, platform, still_open,
                                                    recorder), done)
