"""The panel beside the editor: findings in text order with their actions, and the checklist.

Selecting a finding shows its reason, link and one button per suggestion ("Replace with: …");
"Ignore with reason" and "Add to my word list" are here too, and the ignored findings, folded.
The checklist holds the questions only a person can answer; ticks are stored with the draft.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.drafting.drafts import Dismissal
from ambtenaar20.core.drafting.model import ChecklistQuestion, Finding
from ambtenaar20.core.i18n import N_, _, ngettext
from ambtenaar20.gui.areas.writing.editor import SEVERITY_COLOURS, SEVERITY_LABELS
from ambtenaar20.gui.areas.writing.ignored_findings import IgnoredFindings
from ambtenaar20.gui.areas.writing.rule_labels import rule_label, words_in
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.readable_colour import readable_in

MAX_SUGGESTION_BUTTONS = 3


class SpacedWrapDelegate(QStyledItemDelegate):
    """Item heights for wrapped text in a list with spacing, measured at the painted width.

    QListView asks an item's height for the full viewport width but paints it ``spacing`` in
    from both sides; when those few pixels move a word to an extra line, the last line was cut
    off with "…" (seen with a large font in a narrow findings panel).
    """

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        narrowed = QStyleOptionViewItem(option)
        if narrowed.rect.isValid():
            narrowed.rect.setWidth(narrowed.rect.width() - 2 * self._view.spacing())
        return super().sizeHint(narrowed, index)


class FindingsPanel(QWidget):
    #: A finding became current (arrow keys, Tab into the list): its words are marked.
    finding_selected = Signal(object)
    #: A finding was clicked or chosen with Enter: the officer wants to change its words.
    finding_opened = Signal(object)
    suggestion_chosen = Signal(object, str)
    dismiss_requested = Signal(object)
    add_word_requested = Signal(str)
    checklist_toggled = Signal(str, bool)
    undismiss_requested = Signal(object)  # the Dismissal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(_("No findings yet."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.ignored = IgnoredFindings()
        self.ignored.undo_requested.connect(self.undismiss_requested)
        layout.addWidget(self.ignored)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Findings"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setItemDelegate(SpacedWrapDelegate(self.list))
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemClicked.connect(self._on_opened)
        self.list.itemActivated.connect(self._on_opened)
        layout.addWidget(self.list, 3)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setOpenExternalLinks(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.detail)
        # Button rows wrap, so the panel can be as narrow as its widest button.
        buttons = FlowLayout()
        self.suggestion_buttons: list[QPushButton] = []
        for _index in range(MAX_SUGGESTION_BUTTONS):
            button = QPushButton()
            button.setObjectName("suggestion")  # its text is a word of the draft: no Alt key
            button.setAccessibleName(_("Suggestion:"))  # named per finding, see _show_detail
            button.setVisible(False)
            button.clicked.connect(lambda _c=False, b=button: self._choose(b))
            self.suggestion_buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        actions = FlowLayout()
        self.dismiss_button = QPushButton(_("&Ignore with reason…"))
        self.dismiss_button.setAccessibleName(_("Ignore finding"))
        self.dismiss_button.clicked.connect(self._dismiss)
        self.add_word_button = QPushButton(_("&Add to my word list"))
        self.add_word_button.setAccessibleName(_("Add to my word list"))
        self.add_word_button.clicked.connect(self._add_word)
        actions.addWidget(self.dismiss_button)
        actions.addWidget(self.add_word_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        checklist_box = QGroupBox(_("Checklist"))
        box_layout = QVBoxLayout(checklist_box)
        self.checklist = QListWidget()
        self.checklist.setAccessibleName(_("Checklist"))
        self.checklist.setWordWrap(True)
        self.checklist.itemChanged.connect(self._on_tick)
        box_layout.addWidget(self.checklist)
        layout.addWidget(checklist_box, 2)
        self.findings: list[Finding] = []
        self._show_detail(None)

    # Findings ------------------------------------------------------------------------------
    def set_findings(self, findings: list[Finding], dismissed: int = 0) -> None:
        current = self.current_finding()
        self.findings = list(findings)
        self.list.blockSignals(True)
        self.list.clear()
        for finding in self.findings:
            words = words_in(finding.language)
            label = words(SEVERITY_LABELS.get(finding.severity, finding.severity))
            name = rule_label(finding.rule, finding.language)
            item = QListWidgetItem(f"{label} · {name}\n{finding.message}")
            item.setForeground(self._severity_colour(finding.severity))
            item.setData(Qt.ItemDataRole.UserRole, finding)
            item.setToolTip(finding.why or finding.message)
            self.list.addItem(item)
        self.list.blockSignals(False)
        errors = sum(1 for f in self.findings if f.severity == "error")
        text = ngettext("{n} finding", "{n} findings", len(self.findings)).format(
            n=len(self.findings))
        text += " · " + ngettext("{n} error", "{n} errors", errors).format(n=errors)
        if dismissed:
            text += " · " + ngettext("{n} ignored", "{n} ignored", dismissed).format(n=dismissed)
        self.summary.setText(text)
        keep = next((i for i, f in enumerate(self.findings) if current and
                     (f.rule, f.text) == (current.rule, current.text)), None)
        if keep is not None:
            self.list.setCurrentRow(keep)
        else:
            self._show_detail(None)

    def set_ignored(self, entries: list[tuple[Finding, Dismissal]]) -> None:
        """The ignored findings, each with the dismissal (reason) that hides it."""
        self.ignored.set_entries(entries)

    def _severity_colour(self, severity: str) -> QColor:
        # The kinds' colours were chosen by eye: the orange is 2.8:1 on white, red and blue are
        # 3:1 on a dark list. Their hue stays, their lightness is what 4.5:1 asks.
        # The panel's palette, not the list's: at the panel's palette change the list's own
        # palette is not updated yet (the list inherits it, Base is the same).
        return readable_in(SEVERITY_COLOURS.get(severity, QColor("gray")), self.palette())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system switched light/dark
            for row in range(self.list.count()):
                item = self.list.item(row)
                finding = item.data(Qt.ItemDataRole.UserRole)
                item.setForeground(self._severity_colour(finding.severity))

    def current_finding(self) -> Finding | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_current(self, item: QListWidgetItem | None, _previous=None) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole) if item else None
        self._show_detail(finding)
        if finding is not None:
            self.finding_selected.emit(finding)

    def _on_opened(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.finding_opened.emit(finding)

    def _show_detail(self, finding: Finding | None) -> None:
        # The buttons belong to the finding: worded in its language (see ``words_in``).
        words = words_in(finding.language) if finding else _
        for index, button in enumerate(self.suggestion_buttons):
            suggestion = (finding.suggestions[index] if finding and
                          index < len(finding.suggestions) else None)
            button.setVisible(suggestion is not None)
            if suggestion is not None:
                # Says what a click does: a bare "!" or "Win" did not.
                label = (words(N_("Replace with: {text}")).format(text=suggestion) if suggestion
                         else words(N_("Remove the marked words")))
                button.setText(label.replace("&", "&&"))  # an "&" in a word is no shortcut
                button.setProperty("suggestion", suggestion)
                button.setAccessibleName(label)
        self.dismiss_button.setEnabled(finding is not None)
        self.add_word_button.setVisible(finding is not None and finding.rule == "spelling")
        if finding is None:
            self.detail.setText("")
            return
        parts = [html.escape(finding.message)]
        if finding.why:
            parts.append("<i>" + html.escape(finding.why) + "</i>")
        if finding.link:
            label = html.escape(words(N_("Source of this guideline")))
            parts.append(f'<a href="{html.escape(finding.link)}">{label}</a>')
        self.detail.setText("<br>".join(parts))

    def _choose(self, button: QPushButton) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.suggestion_chosen.emit(finding, button.property("suggestion"))

    def _dismiss(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.dismiss_requested.emit(finding)

    def _add_word(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.add_word_requested.emit(finding.text)

    # Checklist -----------------------------------------------------------------------------
    def set_checklist(self, questions: list[ChecklistQuestion], ticked: set[str]) -> None:
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for question in questions:
            item = QListWidgetItem(question.question)
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if question.id in ticked
                               else Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.blockSignals(False)

    def _on_tick(self, item: QListWidgetItem) -> None:
        self.checklist_toggled.emit(item.data(Qt.ItemDataRole.UserRole),
                                    item.checkState() == Qt.CheckState.Checked)
