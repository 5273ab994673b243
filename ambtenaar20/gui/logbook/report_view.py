"""The Rapportage area: choose period, topics and format, see the totals, export.

The summary follows every change (briefly delayed, computed on a worker thread); exporting runs
on a worker thread too (``export_run``), so the window stays responsive while a large PDF is
written, with its progress shown and a button to cancel it.

The area opens on last month, the period a monthly report is about. When last month has no
entries but this month has (an officer who started logging this month), it opens on this month
instead and says so; once the officer picks a period, it stays. A period without entries cannot
be exported, and the line next to the button says why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.export.document import ExportRequest
from ambtenaar20.core.export.target import OUTPUT_KEY
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.model import LogFilter, Summary
from ambtenaar20.core.logbook.presets import preset_period
from ambtenaar20.gui.areas.empty_state import EmptyState
from ambtenaar20.gui.areas.first_content import announce_first_content
from ambtenaar20.gui.caption_label import CaptionLabel
from ambtenaar20.gui.logbook.accessible_names import name_unnamed_children
from ambtenaar20.gui.logbook.export_progress import ExportProgress
from ambtenaar20.gui.logbook.export_run import ExportRun
from ambtenaar20.gui.logbook.filter_bar import qdate
from ambtenaar20.gui.logbook.pseudonymize_choice import PseudonymizeChoice
from ambtenaar20.gui.logbook.report_columns import side_by_side_or_stacked
from ambtenaar20.gui.logbook.report_summary import summary_html
from ambtenaar20.gui.logbook.save_target import ask_save_target, suggested_name, with_extension
from ambtenaar20.gui.logbook.weekly_chart_view import WeeklyChartView
from ambtenaar20.gui.workers import BackgroundTask, run_in_background

FORMATS = (("xlsx", "Excel (XLSX)"), ("pdf", "PDF"), ("csv", "CSV"), ("json", "JSON"))
REPORT_PRESETS = ("this_week", "last_week", "this_month", "last_month", "this_quarter",
                  "last_quarter")


class ReportView(QWidget):
    #: The first summary is on screen (see ``first_content``).
    content_shown = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.logbook
        self.setAccessibleName(_("Reports"))
        self.preset_combo = QComboBox()
        from ambtenaar20.core.logbook.presets import PRESETS

        for key in REPORT_PRESETS:
            self.preset_combo.addItem(_(PRESETS[key]), key)
        self.preset_combo.addItem(_("From … to …"), "custom")
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._dates_edited)
        self.topic_list = QListWidget()
        self.topic_list.setAccessibleName(_("Topics (none ticked: all)"))
        self.topic_list.itemChanged.connect(self.schedule_summary)
        self.topic_list.setMaximumHeight(180)
        self.format_combo = QComboBox()
        for key, label in FORMATS:
            self.format_combo.addItem(label, key)
        self.separator_combo = QComboBox()
        self.separator_combo.addItem(_("semicolon ; (Dutch Excel)"), ";")
        self.separator_combo.addItem(_("comma ,"), ",")
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        #: The checkbox, what it does and cannot do, and the names to hide too.
        self.pseudonymize_choice = PseudonymizeChoice(context)
        self.pseudonymize_check = self.pseudonymize_choice.check
        self.pseudonymize_note = self.pseudonymize_choice.note
        self.export_button = QPushButton(_("E&xport…"))
        self.export_button.clicked.connect(self.export)
        #: Why the export button is off, when the officer can do something about it.
        self.export_hint = QLabel()
        self.export_hint.setWordWrap(True)
        self.export_hint.setVisible(False)
        #: Said when the area opened on this month instead of last month.
        self.period_note = QLabel()
        self.period_note.setWordWrap(True)
        self.export_progress = ExportProgress()
        self.export_progress.cancel_button.clicked.connect(self.cancel_export)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        # Right under the button or the progress bar, also when the column has height to spare.
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        for label, widget in ((_("&Period"), self.preset_combo), (_("F&rom"), self.from_edit),
                              (_("&To"), self.to_edit), (_("Top&ics"), self.topic_list),
                              (_("F&ormat"), self.format_combo),
                              (_("&Separator"), self.separator_combo)):
            caption = CaptionLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(widget.accessibleName() or label.replace("&", ""))
            form.addRow(caption, widget)
        form.insertRow(1, "", self.period_note)  # under the period it explains
        form.setRowVisible(self.period_note, False)
        form.addRow(self.pseudonymize_choice)
        export_row = QHBoxLayout()
        # As wide as its text, with or without the reason beside it: the row does not jump.
        self.export_button.setSizePolicy(QSizePolicy.Policy.Maximum,
                                         QSizePolicy.Policy.Fixed)
        export_row.addWidget(self.export_button)
        export_row.addWidget(self.export_hint, 1)
        form.addRow(export_row)
        self._form = form
        # In one box: a form keeps the spacing of a hidden row, a box does not.
        status = QVBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.export_progress)
        status.addWidget(self.result_label)
        form.addRow(status)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary_label.setAccessibleName(_("Summary"))
        self.chart = WeeklyChartView()
        self.chart.setAccessibleName(_("Entries per week"))
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.summary_label)
        right.addWidget(self.chart)
        right.addStretch(1)
        working = side_by_side_or_stacked(form, right)
        self.empty = EmptyState(
            _("Nothing to report yet"),
            _("Reports are made from your log. Once you have added entries in Log, choose a "
              "period here and export it for your manager as Excel, PDF, CSV or JSON."))
        self.empty.add_action_button(_("&Go to the log"), self._go_to_log)
        self.pages = QStackedWidget()
        self.pages.addWidget(working)
        self.pages.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.update_summary)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.summary: Summary | None = None
        self.last_export: Path | None = None
        self.exporting = False
        self._export_run = ExportRun(context, on_done=self._exported,
                                     on_failed=self._export_failed,
                                     on_progress=self.export_progress.show_progress)
        #: Which summary the callbacks belong to: an earlier choice's may come in late.
        self._summary_number = 0
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("last_month"))
        self._preset_changed()
        #: Until the officer picks a period, an empty last month gives way to this month.
        self._period_is_default = True
        self._format_changed()
        name_unnamed_children(self)
        self._load_topics()

    # -- choices -------------------------------------------------------------------------------
    def _preset_changed(self) -> None:
        self._period_chosen()
        key = self.preset_combo.currentData()
        if key != "custom":
            self._show_preset_dates(key)
        self.schedule_summary()

    def _show_preset_dates(self, key: str) -> None:
        period = preset_period(key, date.today())
        for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def _dates_edited(self) -> None:
        self._period_chosen()
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("custom"))
        self.preset_combo.blockSignals(False)
        self.schedule_summary()

    def _period_chosen(self) -> None:
        """The officer chose the period: it is no longer replaced, nor explained."""
        self._period_is_default = False
        self._form.setRowVisible(self.period_note, False)

    def _open_on_this_month(self) -> None:
        """Last month had nothing and this month has entries: show this month, and say why."""
        self._period_is_default = False
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("this_month"))
        self.preset_combo.blockSignals(False)
        self._show_preset_dates("this_month")
        self.period_note.setText(_("Last month has no entries, so this month is shown."))
        self._form.setRowVisible(self.period_note, True)

    def set_period(self, start: date, end: date) -> None:
        self.from_edit.setDate(qdate(start))
        self.to_edit.setDate(qdate(end))

    def _format_changed(self) -> None:
        self.separator_combo.setEnabled(self.format_combo.currentData() == "csv")

    def _load_topics(self) -> None:
        service = self.service
        run_in_background(lambda _c, _p: service.distinct_values("topic"),
                          on_success=self._topics_loaded)

    def _topics_loaded(self, topics: list[str]) -> None:
        ticked = set(self.topics())
        self.topic_list.blockSignals(True)
        self.topic_list.clear()
        for topic in topics:
            item = QListWidgetItem(topic)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if topic in ticked
                               else Qt.CheckState.Unchecked)
            self.topic_list.addItem(item)
        self.topic_list.blockSignals(False)

    def topics(self) -> tuple[str, ...]:
        return tuple(self.topic_list.item(row).text() for row in range(self.topic_list.count())
                     if self.topic_list.item(row).checkState() == Qt.CheckState.Checked)

    def period(self) -> Period:
        """The chosen days; ``UsageError`` in the form's words when they are the wrong way round
        (the log service's own message names the command line's ``from`` and ``to``)."""
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        if start > end:
            raise UsageError(_("The start date ({from_field} {start}) is after the end date "
                               "({to_field} {end}).").format(
                from_field=_("F&rom").replace("&", ""), start=start.strftime("%d-%m-%Y"),
                to_field=_("&To").replace("&", ""), end=end.strftime("%d-%m-%Y")))
        return Period(start, end)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._load_topics()
        self.schedule_summary()

    # -- summary -------------------------------------------------------------------------------
    def schedule_summary(self) -> None:
        self._timer.start()

    def update_summary(self) -> None:
        # Until this choice's summary is in, what the button would export is not known.
        self.summary = None
        self._sync_export()
        try:
            log_filter = LogFilter(period=self.period(), topics=self.topics())
        except UsageError as error:
            self.summary_label.setText(str(error))
            self.chart.clear()
            return
        service = self.service
        may_move = (self._period_is_default and not log_filter.topics
                    and self.preset_combo.currentData() == "last_month")
        this_month = LogFilter(period=preset_period("this_month", date.today()),
                               topics=log_filter.topics)

        def work(_cancel, _progress):
            summary, entries_in_log = service.summary(log_filter), service.count()
            if may_move and summary.entries == 0 and entries_in_log:
                recent = service.summary(this_month)
                if recent.entries:
                    return recent, entries_in_log, True
            return summary, entries_in_log, False

        self._summary_number += 1
        number = self._summary_number
        run_in_background(work, on_success=lambda result: self._summary_loaded(number, *result),
                          owner=self)

    def _summary_loaded(self, number: int, summary: Summary, entries_in_log: int,
                        moved: bool) -> None:
        if number != self._summary_number:
            return  # the choice changed meanwhile; its own summary follows
        if moved:
            if not self._period_is_default:
                self.schedule_summary()  # the officer chose a period meanwhile
                return
            self._open_on_this_month()
        self.pages.setCurrentWidget(self.empty if entries_in_log == 0 else self.pages.widget(0))
        self._show_summary(summary)

    def _sync_export(self) -> None:
        """Export only when the chosen period has entries and no export is running."""
        empty = not self.exporting and self.summary is not None and self.summary.entries == 0
        self.export_button.setEnabled(not self.exporting and self.summary is not None
                                      and self.summary.entries > 0)
        reason = _("No entries in this period — choose another period") if empty else ""
        self.export_hint.setText(reason)
        self.export_hint.setVisible(bool(reason))
        # A screen reader says why the button is off when it reaches the button.
        self.export_button.setAccessibleDescription(reason)

    def _go_to_log(self) -> None:
        window = self.window()
        if hasattr(window, "show_area"):
            window.show_area("log")

    def _show_summary(self, summary: Summary) -> None:
        self.summary = summary
        self._sync_export()
        self.summary_label.setText(summary_html(summary))
        self.chart.show_counts(summary.by_week)  # drawn for its width, in the palette's colours
        announce_first_content(self)

    def settings_changed(self) -> None:
        """The names to hide may have changed elsewhere (an erasure from the command line)."""
        self.pseudonymize_choice.settings_changed()

    # -- export --------------------------------------------------------------------------------
    def choose_target(self, suggested: str) -> Path | None:
        """Ask where to save, as the chosen format; tests replace this."""
        return ask_save_target(self, Path(suggested), self.format_combo.currentData())

    def export(self) -> None:
        try:
            period = self.period()
        except UsageError as error:
            self.result_label.setText(str(error))
            return
        file_format = self.format_combo.currentData()
        suggested = str(Path.home() / suggested_name(period.start, period.end, file_format))
        target = self.choose_target(suggested)
        if target is None:
            return
        target = with_extension(target, file_format)
        request = ExportRequest(period=period, topics=self.topics(),
                                pseudonymize=self.pseudonymize_choice.pseudonymize(),
                                separator=self.separator_combo.currentData(),
                                hidden_names=self.pseudonymize_choice.hidden_names())
        self._export_run.start(request, file_format, target)
        self.exporting = True
        self._sync_export()
        self.result_label.setText(_("Exporting…"))
        self.export_progress.begin()
        # The export button is off now; cancelling is one key press away.
        self.export_progress.cancel_button.setFocus()

    @property
    def export_task(self) -> BackgroundTask | None:
        """The running export, if any."""
        return self._export_run.task

    def cancel_export(self) -> None:
        """Returns at once: the worker stops at its next check and leaves no file behind."""
        if not self._export_run.cancel():
            return
        self._export_ended()
        self.result_label.setText(_("Export cancelled; no file was written."))

    def _export_ended(self) -> None:
        had_focus = self.export_progress.cancel_button.hasFocus()
        self.exporting = False
        self.export_progress.end()
        self._sync_export()
        if had_focus:
            self.export_button.setFocus()

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self._export_ended()
        self.result_label.setText(_("Saved as {path}").format(path=path))

    def _export_failed(self, error: Exception) -> None:
        self._export_ended()
        # "output: the folder … is read-only": the key names the CLI's option (``-o``); here
        # the file chosen in the Save dialog is the only output, so the rest says it all.
        reason = str(error).removeprefix(OUTPUT_KEY)
        self.result_label.setText(_("Export failed: {reason}").format(reason=reason))
