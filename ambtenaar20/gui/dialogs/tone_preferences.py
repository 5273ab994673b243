"""The "Tone" part of Preferences: the officer's words without tone, and scoring items again.

The words are those of ``ToneSettings.toneless_words`` (``core/analysis/toneless_words.py``):
left out of the tone of feed items and drafts. When the list changes, the stored items holding
a changed word are scored again on a worker thread, and Volgen's rows on screen are read again,
so the list and the trend show the tone the new list gives.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from ambtenaar20.core.analysis.toneless_words import BUILT_IN, clean_words, parse_words
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.core.settings import ToneSettings
from ambtenaar20.gui.caption_label import CaptionLabel

#: Lines the field shows before it scrolls.
WORD_LINES = 4


class WordsEdit(QPlainTextEdit):
    """One word a line (commas work too), as high as ``WORD_LINES`` lines of its font."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)  # Tab goes on to the next field, as in a form
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.fit_lines()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_lines()

    def fit_lines(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * WORD_LINES
                            + 2 * int(self.document().documentMargin())
                            + margins.top() + margins.bottom())


class TonePreferences(QGroupBox):
    def __init__(self, settings: ToneSettings, parent: QWidget | None = None) -> None:
        super().__init__(_("Tone"), parent)
        self._saved = clean_words(settings.toneless_words)
        #: The words added or removed by the last ``apply``: their items are scored again.
        self.changed_words: list[str] = []
        form = QFormLayout(self)
        self.words_edit = WordsEdit("\n".join(self._saved))
        self.words_edit.setAccessibleName(_("Words without tone"))
        self.words_edit.setAccessibleDescription(_("One word per line or separated by commas"))
        caption = CaptionLabel(_("&Words without tone"))
        caption.setBuddy(self.words_edit)
        form.addRow(caption, self.words_edit)
        built_in = "; ".join(", ".join(sorted(BUILT_IN[lang])) for lang in ("nl", "en"))
        note = QLabel(_("One word per line or separated by commas. Words of your field that the "
                        "tone counts but that say nothing about it there (\"hitte\", "
                        "\"droogte\"), with their inflections; they count neither for feed "
                        "items nor for drafts. Names never count, nor do these words: "
                        "{words}.").format(words=built_in))
        note.setWordWrap(True)
        form.addRow(note)

    def words(self) -> tuple[str, ...]:
        """The words in the field; ``UsageError`` when an entry is no word."""
        return clean_words(parse_words(self.words_edit.toPlainText()))

    def problem(self) -> str | None:
        """A plain message when an entry in the field is no word, else None."""
        try:
            self.words()
        except UsageError as error:
            return str(error)
        return None

    def apply(self, settings: ToneSettings) -> None:
        words = self.words()
        self.changed_words = sorted(set(words) ^ set(self._saved))
        settings.toneless_words = list(words)


def rescore_in_background(window: QWidget, words: list[str]) -> None:
    """Score the stored items holding ``words`` again, then update Volgen's rows on screen and
    say how many items were scored again."""
    from ambtenaar20.core.feeds.tone_rescore import rescore_items
    from ambtenaar20.gui.workers import run_in_background

    context = window.context

    def done(rescored) -> None:
        following = window.area("follow") if window.is_built("follow") else None
        if following is not None and hasattr(following, "model"):
            following.model.reread_rows()
        message = ngettext(
            "Words without tone changed: {count} item scored again, {changed} with another "
            "tone.",
            "Words without tone changed: {count} items scored again, {changed} with another "
            "tone.", rescored.items).format(count=rescored.items, changed=rescored.changed)
        window.show_status(message, following if following is not None else window)

    def failed(error: Exception) -> None:
        window.show_status(_("The items could not be scored again: {reason}").format(
            reason=error), window)

    run_in_background(lambda cancel, _progress: rescore_items(context.items, words, cancel),
                      on_success=done, on_error=failed, owner=window)
