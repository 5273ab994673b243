"""The Logboek area: filter bar, the table of entries, the detail pane, undo after delete.

Every read and write goes through the log service on a worker thread; the view only shows
results. Follow-ups due today or overdue are counted above the table and coloured in it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.core.logbook.model import Interaction
from ambtenaar20.gui.areas.empty_state import EmptyState
from ambtenaar20.gui.areas.first_content import announce_first_content
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.logbook.accessible_names import name_unnamed_children
from ambtenaar20.gui.logbook.detail_pane import DetailPane
from ambtenaar20.gui.logbook.entry_table_model import EntryTableModel
from ambtenaar20.gui.logbook.filter_bar import FilterBar
from ambtenaar20.gui.logbook.quick_add_dialog import QuickAddDialog
from ambtenaar20.gui.readable_colour import FOLLOW_UP_RED, TextColour
from ambtenaar20.gui.workers import run_in_background


class LogView(QWidget):
    #: The first list of entries is on screen (see ``first_content``).
    content_shown = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.logbook
        self.setAccessibleName(_("Log"))
        self.filter_bar = FilterBar()
        self.model = EntryTableModel(self.service, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table (arrow keys move within it), else keyboard users are trapped.
        self.table.setTabKeyNavigation(False)
        # One line a row: with word wrap (Qt's default) a long text breaks after its first word
        # onto a second line the row height hides, and is cut with "…" though there is room.
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self._widths_set = False
        self.detail = DetailPane()

        self.add_button = QPushButton(_("&Add…"))
        self.add_button.setToolTip(_("Add an entry to the log (Ctrl+L)"))
        self.add_button.clicked.connect(self.open_quick_add)
        self.status_label = QLabel()
        self.follow_up_label = QLabel()
        self.follow_up_colour = TextColour(self.follow_up_label, FOLLOW_UP_RED, bold=True)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(_("&Undo delete"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_label.hide()
        self.undo_button.hide()

        # Wraps when narrow: with the follow-up count and the undo button shown, this row is
        # wider than a laptop screen at a large font.
        top = FlowLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.follow_up_label)
        top.addStretch(1)
        top.addWidget(self.undo_label)
        top.addWidget(self.undo_button)
        top.addWidget(self.status_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 300])
        self.empty = EmptyState(
            _("Your log is still empty"),
            _("Keep track here of your contacts on social media: what was asked, by whom, what "
              "you answered and how long it took. Add an entry with the button below or with "
              "Ctrl+L from any area; a draft you mark as published in Write is logged for you."))
        self.empty.add_action_button(_("&Add…"), self.open_quick_add)
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.quick_add_dialog: QuickAddDialog | None = None
        # Ctrl+Z in the log (outside a text field, which keeps its own undo) undoes a delete.
        self.undo_action = QAction(_("&Undo delete"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_delete)
        self.addAction(self.undo_action)

        self.filter_bar.changed.connect(self.refresh)
        self.model.reloaded.connect(self._after_reload)
        self.model.failed.connect(self.status_label.setText)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.dataChanged.connect(lambda *_args: self._row_changed(
            self.table.currentIndex()))
        self.detail.save_requested.connect(self.save_entry)
        self.detail.delete_requested.connect(self.delete_entry)
        self._select_after_reload: int | None = None
        #: The log's ``revision`` when it was last read; None until then.
        self._revision: int | None = None
        name_unnamed_children(self)
        self.refresh()

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.status_label.setText(_("Loading…"))
        self.model.set_filter(self.filter_bar.log_filter())
        service = self.service

        def work(_cancel, _progress):
            # The revision first: a change made while these run is seen at the next look.
            revision = service.revision()
            return (service.distinct_values("topic"), service.distinct_values("platform"),
                    len(service.follow_ups()), service.count(), revision)

        run_in_background(work, on_success=self._choices_loaded)

    def showEvent(self, event: QShowEvent) -> None:
        """Back on screen: entries may have been added meanwhile (a reply published in
        Schrijven, "Reageren" in Volgen, ``log add`` beside the window). The list is read
        again only when the log changed since it was read."""
        super().showEvent(event)
        if self._revision is None:
            return  # the first load is on its way
        service = self.service
        run_in_background(lambda _cancel, _progress: service.revision(),
                          on_success=self._revision_known)

    def _revision_known(self, revision: int) -> None:
        if self._revision is not None and revision != self._revision:
            self.refresh()

    def _choices_loaded(self, result: tuple[list[str], list[str], int, int, int]) -> None:
        topics, platforms, follow_ups, entries, self._revision = result
        # Empty means the whole log, not this filter's result (the filter must stay in reach),
        # and not while a delete can still be undone (the undo button is on the table's page).
        self.pages.setCurrentWidget(self.empty if entries == 0 and not self.undo_action.isEnabled()
                                    else self.pages.widget(0))
        self.topics = topics
        self.filter_bar.set_choices(self.filter_bar.topic_combo, topics)
        self.filter_bar.set_choices(self.filter_bar.platform_combo, platforms)
        self.detail.form.set_topics(topics)
        self.follow_up_label.setText(ngettext(
            "{count} follow-up due or overdue", "{count} follow-ups due or overdue",
            follow_ups).format(count=follow_ups) if follow_ups else "")

    def _set_column_widths(self) -> None:
        # After the first model reset, which would otherwise undo them. The direction column
        # starts hidden to leave room for the summary; the detail pane shows the direction.
        header = self.table.horizontalHeader()
        for column, width in enumerate((122, 72, 122, 70, 100, 108, 200, 52, 104)):
            # Never narrower than its title in the current font ("Gesprekspartner", 14 pt).
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.setColumnHidden(3, True)
        self._widths_set = True

    def _after_reload(self) -> None:
        if not self._widths_set:
            self._set_column_widths()
        count = self.model.rowCount()
        self.status_label.setText(ngettext("{count} entry", "{count} entries",
                                           count).format(count=count))
        announce_first_content(self)
        row = self.model.row_of(self._select_after_reload) if self._select_after_reload else None
        self._select_after_reload = None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self.detail.show_entry(None)

    def _row_changed(self, current) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        if entry is self.detail.entry:
            return
        self.detail.show_entry(entry)
        if entry is not None:
            self._load_history(entry.id)

    def _load_history(self, entry_id: int) -> None:
        service = self.service
        run_in_background(lambda _c, _p: service.history(entry_id),
                          on_success=self.detail.show_history)

    # -- changes -------------------------------------------------------------------------------
    def open_quick_add(self) -> QuickAddDialog:
        topics = getattr(self, "topics", None)
        dialog = QuickAddDialog(self.service, topics or [], self.window())
        if topics is None:
            # Ctrl+L before the log was ever shown: its lists are still loading, so the dialog
            # gets the topics of its own, when they come.
            service = self.service

            def arrived(found: list[str]) -> None:
                if shiboken6.isValid(dialog):
                    dialog.form.set_topics(found)

            run_in_background(lambda _c, _p: service.distinct_values("topic"),
                              on_success=arrived)
        dialog.added.connect(self._added)
        self.quick_add_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, entry: Interaction) -> None:
        self._select_after_reload = entry.id
        self.refresh()

    def save_entry(self, entry_id: int, changes: dict) -> None:
        if not changes:
            return
        service = self.service
        run_in_background(lambda _c, _p: service.edit(entry_id, **changes),
                          on_success=self._saved,
                          on_error=lambda error: self.detail.show_error(str(error)), owner=self)

    def _saved(self, entry: Interaction) -> None:
        self._select_after_reload = entry.id
        self.model.reload()
        self._load_history(entry.id)

    def confirm(self, question: str) -> bool:
        """Ask before deleting; tests replace this."""
        answer = QMessageBox.question(self, _("Delete entry"), question)
        return answer == QMessageBox.StandardButton.Yes

    def delete_entry(self, entry_id: int) -> None:
        if not self.confirm(_("Delete entry {id} from the log? It is kept for the record and "
                              "you can undo this.").format(id=entry_id)):
            return
        service = self.service
        run_in_background(lambda _c, _p: service.delete(entry_id),
                          on_success=self._deleted)

    def _deleted(self, entry: Interaction) -> None:
        self.undo_label.setText(_("Entry {id} deleted.").format(id=entry.id))
        self.undo_label.show()
        self.undo_button.show()
        self.undo_action.setEnabled(True)
        self.refresh()

    def undo_delete(self) -> None:
        service = self.service
        run_in_background(lambda _c, _p: service.undo_delete(), on_success=self._undone)

    def _undone(self, entry: Interaction | None) -> None:
        more = self.service.can_undo_delete()
        self.undo_label.setVisible(more)
        self.undo_button.setVisible(more)
        self.undo_action.setEnabled(more)
        if entry is not None:
            self._select_after_reload = entry.id
        self.refresh()
