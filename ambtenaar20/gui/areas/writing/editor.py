"""The draft text field: underlines findings, explains them on hover, applies suggestions.

Findings carry offsets in Python characters (code points); Qt counts UTF-16 units, so an emoji
before a finding shifts it by one. Every position crossing the boundary is converted here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.i18n import N_, _
from ambtenaar20.gui.areas.writing.rule_labels import rule_label, words_in

SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
SEVERITY_COLOURS = {"error": QColor("#c0392b"), "warning": QColor("#d68910"),
                    "info": QColor("#2e86c1")}


def to_qt(text: str, offset: int) -> int:
    """Python character offset -> Qt (UTF-16) position."""
    return len(text[:offset].encode("utf-16-le")) // 2


def from_qt(text: str, position: int) -> int:
    """Qt (UTF-16) position -> Python character offset."""
    encoded = text.encode("utf-16-le")[:position * 2]
    return len(encoded.decode("utf-16-le", errors="ignore"))


def tooltip_html(finding: Finding) -> str:
    words = words_in(finding.language)
    severity = words(SEVERITY_LABELS.get(finding.severity, finding.severity))
    name = rule_label(finding.rule, finding.language)
    parts = [f"<b>{html.escape(name)}</b> ({html.escape(severity)})",
             html.escape(finding.message)]
    if finding.why:
        parts.append("<i>" + html.escape(finding.why) + "</i>")
    if finding.suggestions:
        shown = ", ".join(html.escape(s) or "—" for s in finding.suggestions)
        parts.append(html.escape(words(N_("Suggestion:"))) + " " + shown)
    if finding.link:
        parts.append(f'<a href="{html.escape(finding.link)}">{html.escape(finding.link)}</a>')
    return "<p>" + "<br>".join(parts) + "</p>"


def _whole_text(finding: Finding, text: str) -> bool:
    """A finding about the text as a whole (tone, readability score), not about some words."""
    body = text.strip()
    return bool(body) and finding.end - finding.start >= len(body) and len(body) > 40


class DraftEditor(QPlainTextEdit):
    """Plain text with wavy underlines for findings; undo/redo as usual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Draft text"))
        # A post has no use for tab characters; Tab must reach the findings and buttons.
        self.setTabChangesFocus(True)
        self.setPlaceholderText(_("Write your post or reply here. Findings appear while you "
                                  "type."))
        self.findings: list[Finding] = []
        self._checked_text = ""
        self.last_tooltip = ""

    def show_findings(self, text: str, findings: list[Finding]) -> None:
        """Underline ``findings`` (computed for ``text``, which must be the current text)."""
        self.findings = list(findings)
        self._checked_text = text
        selections = []
        for finding in findings:
            if finding.end <= finding.start or _whole_text(finding, text):
                continue  # whole-text findings would underline everything; the panel has them
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            colour = SEVERITY_COLOURS.get(finding.severity, QColor("gray"))
            fmt.setUnderlineColor(colour)
            tint = QColor(colour)
            tint.setAlpha(40)  # a light background too: a thin wavy line alone is easy to miss
            fmt.setBackground(tint)
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(to_qt(text, finding.start))
            cursor.setPosition(to_qt(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def finding_at(self, qt_position: int) -> Finding | None:
        offset = from_qt(self._checked_text, qt_position)
        covering = [f for f in self.findings if f.start <= offset < f.end
                    and not _whole_text(f, self._checked_text)]
        return min(covering, key=lambda f: f.end - f.start) if covering else None

    def apply_suggestion(self, finding: Finding, suggestion: str) -> bool:
        """Replace the finding's span with ``suggestion`` as one undoable step."""
        text = self.toPlainText()
        if text != self._checked_text or text[finding.start:finding.end] != finding.text:
            return False  # the text changed since the check; the next check will redo it
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(text, finding.start))
        cursor.setPosition(to_qt(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(suggestion)
        return True

    def select_finding(self, finding: Finding, focus: bool = True) -> None:
        """Mark the finding's words; ``focus`` moves the typing there too."""
        text = self.toPlainText()
        if text != self._checked_text:
            return
        cursor = self.textCursor()
        cursor.setPosition(to_qt(text, finding.start))
        cursor.setPosition(to_qt(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltips arrive at the viewport, not at the text field itself.
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()
            finding = self.finding_at(position)
            if finding is not None:
                self.last_tooltip = tooltip_html(finding)
                QToolTip.showText(event.globalPos(), self.last_tooltip, self.viewport())
            else:
                self.last_tooltip = ""
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
