"""The findings the officer ignored, with their reasons, folded away until asked for.

"1 ignored" alone left no way to see what was ignored, or why, or to take it back. The toggle
shows the list; "Count again" undoes the ignoring and the finding returns to the panel.
The list is as high as its entries are when wrapped at its width, so in a narrow panel the
reason is not hidden behind a scroll bar, and its first entry is selected, so "Count again"
works at once, also for someone who only uses the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyleOptionViewItem,
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
        self.list.installEventFilter(self)  # see _rewraps
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
                f"{rule_label(finding.rule, finding.language)} · “{finding.text}”\n"
                + _("Reason: {reason}").format(reason=dismissal.reason))
            item.setData(Qt.ItemDataRole.UserRole, dismissal)
            item.setToolTip(_("Ignored on {moment} (pack {pack})").format(
                moment=full_moment(dismissal.created_at), pack=dismissal.pack))
            self.list.addItem(item)
            if current is not None and dismissal.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._fit()
        self.toggle.setVisible(bool(self._entries))
        if not self._entries:
            self.toggle.setChecked(False)
        self._show_list(self.toggle.isChecked())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and self._rewraps(event):
            self._fit()
        return super().eventFilter(watched, event)

    @staticmethod
    def _rewraps(event: QEvent) -> bool:
        """A new width or font wraps the entries anew; a new height alone (``_fit``'s) not."""
        if event.type() == QEvent.Type.Resize:
            return event.size().width() != event.oldSize().width()
        return event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange)

    def _fit(self) -> None:
        """As high as its entries wrapped at its width, up to ``MOST_LINES`` lines (then it
        scrolls). ``sizeHintForRow`` did not allow for wrapping: an entry of three lines got
        the height of one and its reason was cut off."""
        line = self.list.fontMetrics().lineSpacing()
        most = line * MOST_LINES
        # Measured without a scroll bar; only a list higher than ``most`` gets one, and that
        # list is ``most`` high whatever its rows are.
        rows = self._rows_height(self.list.width() - 2 * self.list.frameWidth())
        self.list.setFixedHeight(min(max(rows, line * 2), most) + 2 * self.list.frameWidth())

    def _rows_height(self, width: int) -> int:
        option = QStyleOptionViewItem()
        self.list.initViewItemOption(option)
        option.rect = QRect(0, 0, max(width, 1), 1)  # the width the text wraps at
        delegate = self.list.itemDelegate()
        model = self.list.model()
        return sum(delegate.sizeHint(option, model.index(row, 0)).height()
                   + 2 * self.list.spacing() for row in range(self.list.count()))

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
