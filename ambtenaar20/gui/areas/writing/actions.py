"""The area's one-off actions: copying the text or the draft, templates, a pack, own lists.

Kept apart from ``area.py`` (typing, checking and saving) so each stays readable. The dialogs
are small methods (``ask_...``) so tests can answer them without a person. Publishing is in
``publishing.py``, deleting in ``draft_removal.py``.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

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

    def show_templates(self, templates) -> None:
        """Offered in the draft's language (a reply's is its item's), else the interface's."""
        self._templates = templates
        language = self.draft.language if self.draft else None
        self.drafts_list.set_templates(templates, language)

    def save_as_template(self) -> None:
        name, ok = QInputDialog.getText(self, _("Save as template"), _("Name of the template:"))
        if not ok:
            return
        text = self.editor.toPlainText()
        language = self.result.language if self.result else "nl"
        # The store refuses an empty name or text and a name the menu has (the same rules as
        # ``drafts templates add``); its reason is shown under the editor.
        self._run(lambda: (self.store.add_template(name, text, language),
                           self.store.templates())[1],
                  lambda templates: (self.show_templates(templates), self.state.setText(
                      _("Saved as template “{name}”").format(name=name.strip()))))

    def ask_remove_template(self, name: str) -> bool:
        answer = QMessageBox.question(
            self, _("Remove own template"),
            _("Remove the template “{name}”? Drafts made with it keep their text.")
            .format(name=name))
        return answer == QMessageBox.StandardButton.Yes

    def remove_template(self, template) -> None:
        """Remove one of the officer's own templates, after asking (as ``drafts templates
        remove``)."""
        if not self.ask_remove_template(template.name):
            return
        self._run(lambda: (self.store.remove_template(template.id), self.store.templates())[1],
                  lambda templates: (self.show_templates(templates), self.state.setText(
                      _("Template “{name}” removed").format(name=template.name))))

    def copy_shown_draft(self) -> None:
        """"Make a copy": the shown draft, as typed so far, again as a new draft, opened."""
        if self.draft is None:
            return
        self.flush()
        if self.unsaved is not None:
            self.state.setText(_("This draft is still empty: there is nothing to copy yet."))
            return
        request = self._next_open_request()
        original = self.draft.id

        def copied(draft) -> None:
            self._open_if_latest(request, draft)
            if request == self._open_request:
                self.state.setText(_("This is draft {copy}, a copy of draft {id}; it has not "
                                     "been published.").format(copy=draft.id, id=original))
                if self.drafts_list.status_filter not in (None, "draft"):
                    # Copied from the published ones: the copy is a draft, shown among all.
                    self.drafts_list.status.setCurrentIndex(0)
                self.refresh_list()

        self._run(lambda: self.store.copy(original), copied)

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
