"""The findings the officer ignored, with their reasons, folded away until asked for.

"1 ignored" alone left no way to see what was ignored, or why, or to take it back. The toggle
shows the list; "Count again" undoes the ignoring and the finding returns to the panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.drafting.drafts import Dismissal
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.gui.areas.writing.rule_labels import rule_label
from ambtenaar20.gui.local_time import full_moment

#: Lines the open list is high at most; the findings below it keep their room.
MOST_LINES = 8


class IgnoredFindings(QWidget):
    undo_requested = Signal(object)  # the Dismissal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.toggled.connect(self._show_list)
        layout.addWidget(self.toggle)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Ignored findings"))
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(lambda *_args: self._update_undo())
        layout.addWidget(self.list)
        self.undo_button = QPushButton(_("Count a&gain"))
        self.undo_button.setAccessibleName(_("Count the ignored finding again"))
        self.undo_button.setToolTip(_("No longer ignore this finding: it returns to the list."))
        self.undo_button.clicked.connect(self._undo)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._entries: list[tuple[Finding, Dismissal]] = []
        self.set_entries([])

    def set_entries(self, entries: list[tuple[Finding, Dismissal]]) -> None:
        """Each ignored finding with the dismissal that hides it."""
        current = self._current()
        self._entries = list(entries)
        self.list.clear()
        for finding, dismissal in self._entries:
            item = QListWidgetItem(
                f"{rule_label(finding.rule)} · “{finding.text}”\n"
                + _("Reason: {reason}").format(reason=dismissal.reason))
            item.setData(Qt.ItemDataRole.UserRole, dismissal)
            item.setToolTip(_("Ignored on {moment} (pack {pack})").format(
                moment=full_moment(dismissal.created_at), pack=dismissal.pack))
            self.list.addItem(item)
            if current is not None and dismissal.id == current.id:
                self.list.setCurrentItem(item)
        self._fit()
        self.toggle.setVisible(bool(self._entries))
        if not self._entries:
            self.toggle.setChecked(False)
        self._show_list(self.toggle.isChecked())

    def _fit(self) -> None:
        """As high as its entries, up to ``MOST_LINES`` lines (then it scrolls)."""
        rows = sum(self.list.sizeHintForRow(row) for row in range(self.list.count()))
        most = self.list.fontMetrics().lineSpacing() * MOST_LINES
        self.list.setFixedHeight(min(max(rows, self.list.fontMetrics().lineSpacing() * 2), most)
                                 + 2 * self.list.frameWidth() + 4)

    def _show_list(self, shown: bool) -> None:
        count = len(self._entries)
        text = (ngettext("Hide the {n} ignored finding", "Hide the {n} ignored findings", count)
                if shown else
                ngettext("Show the {n} ignored finding", "Show the {n} ignored findings", count)
                ).format(n=count)
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.list.setVisible(shown)
        self.undo_button.setVisible(shown)
        self._update_undo()

    def _current(self) -> Dismissal | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_undo(self) -> None:
        self.undo_button.setEnabled(self._current() is not None)

    def _undo(self) -> None:
        dismissal = self._current()
        if dismissal is not None:
            self.undo_requested.emit(dismissal)
