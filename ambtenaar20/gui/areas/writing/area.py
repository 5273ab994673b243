"""The "Schrijven" area: drafts list | editor with counters and preview | findings and checklist.

The checker runs on a worker thread 300 ms after typing pauses and its result is only shown if
the text has not changed meanwhile, so typing never waits. The text is saved 1.5 s after typing
stops, when another draft is opened and when the window closes, so a crash loses at most the last
1.5 seconds of typing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.drafting.drafts import STATUS_LABELS, STATUSES, Dismissal, Draft
from ambtenaar20.core.drafting.model import CheckResult, Finding
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.first_content import announce_first_content
from ambtenaar20.gui.areas.writing.actions import WritingActions
from ambtenaar20.gui.areas.writing.drafts_list import DraftsList
from ambtenaar20.gui.areas.writing.editor import DraftEditor
from ambtenaar20.gui.areas.writing.findings_panel import FindingsPanel
from ambtenaar20.gui.areas.writing.linked_item import LinkedItemPanel
from ambtenaar20.gui.areas.writing.platform_bar import PlatformBar, PlatformPreview
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.workers import run_in_background
from ambtenaar20.render.numbers import decimal_text

CHECK_DELAY_MS = 300
AUTOSAVE_DELAY_MS = 1500


class WritingArea(WritingActions, QSplitter):
    #: The first list of drafts is on screen (see ``first_content``).
    content_shown = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 recorder: Any = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.context = context
        self.service = context.drafting
        self.store = self.service.drafts
        self.recorder = recorder if recorder is not None else self.service.recorder
        self.draft: Draft | None = None
        self.dismissals: list[Dismissal] = []
        self.result: CheckResult | None = None
        self.open_findings: list[Finding] = []
        self._loading = False
        self._dirty = False
        self._generation = 0
        self._questions_for: str | None = None
        self._ticks: set[str] = set()
        self._build()
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_check)
        self._save_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self._watched_window: QObject | None = None
        #: Counts the drafts asked for (new or chosen): only the latest is opened, and once one
        #: was asked for, the first list load does not open another over it.
        self._open_request = 0
        # The app opens the database before building the window; templates load after the list
        # so two first uses never race to open it.
        self.refresh_list(open_first=True)

    # Building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.drafts_list = DraftsList()
        self.drafts_list.draft_chosen.connect(self.open_draft_id)
        self.drafts_list.new_requested.connect(lambda: self.new_draft())
        self.drafts_list.filter_changed.connect(lambda: self.refresh_list())
        self.drafts_list.template_chosen.connect(self.use_template)
        self.drafts_list.save_template_requested.connect(self.save_as_template)
        self.addWidget(self.drafts_list)

        middle = QWidget()
        column = QVBoxLayout(middle)
        header = QHBoxLayout()
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(_("Topic"))
        self.topic.setAccessibleName(_("Topic"))
        self.topic.editingFinished.connect(self._save_topic)
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for status in STATUSES:
            self.status.addItem(_(STATUS_LABELS[status]), status)
        self.status.activated.connect(self._save_status)
        header.addWidget(self.topic, 1)
        header.addWidget(self.status)
        column.addLayout(header)
        self.linked_item = LinkedItemPanel()
        column.addWidget(self.linked_item)
        self.platform_bar = PlatformBar()
        self.platform_bar.changed.connect(self._save_platforms)
        column.addWidget(self.platform_bar)
        self.tabs = QTabWidget()
        self.editor = DraftEditor()
        self.editor.textChanged.connect(self._on_text_changed)
        self.preview = PlatformPreview()
        self.preview.setAccessibleName(_("Preview"))
        self.tabs.addTab(self.editor, _("Text"))
        self.tabs.addTab(self.preview, _("Preview"))
        column.addWidget(self.tabs, 1)
        status_row = QHBoxLayout()
        self.metrics = QLabel()
        self.metrics.setWordWrap(True)
        self.state = QLabel()
        status_row.addWidget(self.metrics, 1)
        status_row.addWidget(self.state)
        column.addLayout(status_row)
        # Four long Dutch labels: on two rows when the column is narrow, else they set the
        # width of the whole area and it scrolls sideways at a large font.
        bottom = FlowLayout()
        self.preferences_button = QPushButton(_("M&y lists…"))
        self.preferences_button.setAccessibleName(_("My lists for drafting"))
        self.preferences_button.clicked.connect(self.edit_preferences)
        self.install_pack_button = QPushButton(_("Install guideline &pack…"))
        self.install_pack_button.setAccessibleName(_("Install guideline pack"))
        self.install_pack_button.clicked.connect(self.install_pack)
        self.copy_button = QPushButton(_("&Copy"))
        self.copy_button.setAccessibleName(_("Copy the text to the clipboard"))
        self.copy_button.clicked.connect(self.copy_text)
        self.publish_button = QPushButton(_("&Mark as published…"))
        self.publish_button.setAccessibleName(_("Mark as published"))
        self.publish_button.clicked.connect(self.publish)
        bottom.addWidget(self.preferences_button)
        bottom.addWidget(self.install_pack_button)
        bottom.addStretch(1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.publish_button)
        column.addLayout(bottom)
        self.addWidget(middle)

        self.panel = FindingsPanel()
        self.panel.finding_selected.connect(self.editor.select_finding)
        self.panel.suggestion_chosen.connect(self.apply_suggestion)
        self.panel.dismiss_requested.connect(self.dismiss)
        self.panel.add_word_requested.connect(self.add_word)
        self.panel.checklist_toggled.connect(self._tick)
        self.addWidget(self.panel)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 2)
        self.setSizes([220, 560, 360])

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[Exception], None] | None = None) -> None:
        def deliver(result: Any) -> None:
            # The area may be gone by the time a worker finishes (window closed).
            if done is not None and shiboken6.isValid(self):
                done(result)

        def report(error: Exception) -> None:
            if failed is not None and shiboken6.isValid(self):
                failed(error)
            self._show_error(error)

        run_in_background(lambda _token, _progress: work(), on_success=deliver,
                          on_error=report)

    def _show_error(self, error: Exception) -> None:
        if shiboken6.isValid(self):
            self.state.setText(str(error))

    # Drafts --------------------------------------------------------------------------------
    def refresh_list(self, open_first: bool = False) -> None:
        status, search = self.drafts_list.status_filter, self.drafts_list.search.text()

        def done(drafts: list[Draft]) -> None:
            self.drafts_list.set_drafts(drafts, self.draft.id if self.draft else None)
            if open_first:
                self._run(lambda: self.store.templates(), self.drafts_list.set_templates)
            # Only when nothing was asked for meanwhile (a reply started from Volgen right after
            # start-up must not be replaced by the first draft of the list).
            if open_first and self.draft is None and self._open_request == 0:
                if drafts:
                    self.open_draft(drafts[0])
                else:
                    self.new_draft(focus=False)
            announce_first_content(self)

        self._run(lambda: self.store.list(status, search), done)

    def new_draft(self, text: str = "", topic: str = "", feed_item_id: int | None = None,
                  platforms: tuple[str, ...] = (), focus: bool = True) -> None:
        """A new draft; ``feed_item_id`` links it to the item it replies to ("Reageren").

        The officer asked to write, so typing goes into the editor (``focus``), not into the
        field that happened to have the focus (the drafts' search). The empty draft made
        because there was none yet (merely opening the area) leaves the focus alone.
        """
        self.flush()
        request = self._next_open_request()

        def opened(draft: Draft) -> None:
            self._open_if_latest(request, draft)
            if focus and request == self._open_request:
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.refresh_list()

        self._run(lambda: self.store.create(text, topic, platforms, feed_item_id), opened)

    def _next_open_request(self) -> int:
        self._open_request += 1
        return self._open_request

    def _open_if_latest(self, request: int, draft: Draft) -> None:
        # Opening runs in the background; when two requests overlap (the first list load and a
        # reply started from Volgen), the one asked for last wins, whichever finishes last.
        if request == self._open_request:
            self.open_draft(draft)

    def open_draft_id(self, draft_id: int) -> None:
        if self.draft is not None and draft_id == self.draft.id:
            return
        self.flush()
        request = self._next_open_request()
        self._run(lambda: self.store.get(draft_id),
                  lambda draft: self._open_if_latest(request, draft))

    def open_draft(self, draft: Draft) -> None:
        self.draft = draft
        self._loading = True
        self.editor.setPlainText(draft.text)
        self.editor.document().clearUndoRedoStacks()
        self._loading = False
        self._dirty = False
        self.topic.setText(draft.topic)
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
        self.platform_bar.set_selected(draft.platforms)
        self.linked_item.setVisible(draft.feed_item_id is not None)
        if draft.feed_item_id is not None:
            self._show_linked_item(draft.feed_item_id)
        self.dismissals = []
        self._ticks = set()
        self._questions_for = None
        draft_id = draft.id
        self._run(lambda: (self.store.dismissals(draft_id), self.store.ticks(draft_id)),
                  lambda loaded: self._loaded_extras(draft_id, *loaded))
        self.run_check()
        self._watch_window()

    def _show_linked_item(self, item_id: int) -> None:
        self.linked_item.show_pending(item_id)

        def load() -> dict[str, Any] | None:
            try:
                return self.context.items.item(item_id)
            except UsageError:  # removed by retention or with its feed
                return None

        def shown(item: dict[str, Any] | None) -> None:
            if self.draft is None or self.draft.feed_item_id != item_id:
                return
            if item is None:
                self.linked_item.show_missing(item_id)
            else:
                self.linked_item.show_item(item)

        self._run(load, shown)

    def _loaded_extras(self, draft_id: int, dismissals: list[Dismissal], ticks: set) -> None:
        if self.draft is None or self.draft.id != draft_id:
            return
        self.dismissals = dismissals
        self._ticks = ticks
        self._questions_for = None
        self._show_result()

    # Typing, checking, saving --------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._check_timer.start()
        self._save_timer.start()
        self.state.setText(_("Not saved yet"))

    def run_check(self) -> None:
        text = self.editor.toPlainText()
        self._generation += 1
        generation = self._generation
        platforms = self.platform_bar.selected()
        topic_words = tuple(self.topic.text().split())
        self._run(lambda: self.service.check(text, platforms=platforms,
                                             topic_words=topic_words),
                  lambda result: self._on_checked(generation, result))

    def _on_checked(self, generation: int, result: CheckResult) -> None:
        if generation != self._generation or result.text != self.editor.toPlainText():
            return  # typed on meanwhile; a newer check is on its way
        self.result = result
        self._show_result()

    def _show_result(self) -> None:
        result = self.result
        if result is None or result.text != self.editor.toPlainText():
            return
        self.open_findings = self.store.open_findings(result.findings, self.dismissals)
        self.editor.show_findings(result.text, self.open_findings)
        self.panel.set_findings(self.open_findings, len(result.findings) -
                                len(self.open_findings))
        self.platform_bar.show_counts(result)
        self.preview.show_result(result)
        key = f"{self.draft.id if self.draft else None}:{result.pack_id}"
        if self._questions_for != key:
            self.panel.set_checklist(result.checklist, self._ticks)
            self._questions_for = key
        metrics = result.metrics
        score = (_("readability {score}").format(score=decimal_text(metrics.readability))
                 if metrics.readability is not None else _("readability: no text yet"))
        self.metrics.setText(" · ".join([
            score, _("tone {polarity}, subjectivity {subjectivity}").format(
                polarity=decimal_text(metrics.polarity, 2, signed=True),
                subjectivity=decimal_text(metrics.subjectivity, 2)),
            _("language {lang}, pack {pack} {version}").format(
                lang=result.language, pack=result.pack_id, version=result.pack_version)]))

    def save_now(self) -> None:
        """Autosave in the background (the timer's job)."""
        if self.draft is None or not self._dirty:
            return
        draft_id, text = self.draft.id, self.editor.toPlainText()
        self._dirty = False

        def not_saved(_error: Exception) -> None:
            # Keep it dirty so the next pause (or closing) tries again.
            if self.draft is not None and self.draft.id == draft_id:
                self._dirty = True
                self._save_timer.start()

        self._run(lambda: self.store.save_text(draft_id, text),
                  lambda _r: (self.state.setText(_("Saved")), self.refresh_list()), not_saved)

    def flush(self) -> None:
        """Save now and wait for it: used when switching drafts and when the window closes."""
        self._save_timer.stop()
        if self.draft is not None and self._dirty:
            self._dirty = False
            self.store.save_text(self.draft.id, self.editor.toPlainText())

    def _watch_window(self) -> None:
        window = self.window()
        if window is not self and window is not self._watched_window:
            window.installEventFilter(self)
            self._watched_window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            self.flush()
            # Let autosaves and checks in flight finish before the database is closed.
            QThreadPool.globalInstance().waitForDone(3000)
        return False

    # Actions -------------------------------------------------------------------------------
    def apply_suggestion(self, finding: Finding, suggestion: str) -> None:
        if self.editor.apply_suggestion(finding, suggestion):
            self._check_timer.start(0)

    def ask_reason(self, finding: Finding) -> str | None:
        reason, ok = QInputDialog.getText(
            self, _("Ignore finding"),
            _("Why is this finding not a problem here? The reason is kept with the draft."),
            text="")
        return reason if ok and reason.strip() else None

    def dismiss(self, finding: Finding) -> None:
        if self.draft is None or self.result is None:
            return
        reason = self.ask_reason(finding)
        if reason is None:
            return
        draft_id = self.draft.id
        pack = f"{self.result.pack_id} {self.result.pack_version}"
        self._run(lambda: self.store.dismiss(draft_id, finding, pack, reason),
                  lambda kept: (self.dismissals.append(kept), self._show_result()))

    def add_word(self, word: str) -> None:
        self._run(lambda: self.service.word_list.add(word), lambda _r: self.run_check())

    def _tick(self, item_id: str, ticked: bool) -> None:
        if self.draft is not None:
            draft_id = self.draft.id
            self._ticks = {*self._ticks, item_id} if ticked else (
                self._ticks - {item_id})
            self._run(lambda: self.store.tick(draft_id, item_id, ticked))

    def _save_topic(self) -> None:
        if self.draft is not None and self.topic.text() != self.draft.topic:
            draft_id, topic = self.draft.id, self.topic.text()
            self._run(lambda: self.store.update(draft_id, topic=topic), self._updated)

    def _save_status(self) -> None:
        if self.draft is not None:
            draft_id, status = self.draft.id, self.status.currentData()
            self._run(lambda: self.store.update(draft_id, status=status), self._updated)

    def _save_platforms(self) -> None:
        self.run_check()
        if self.draft is not None:
            draft_id, chosen = self.draft.id, self.platform_bar.selected()
            self._run(lambda: self.store.update(draft_id, platforms=chosen), self._updated)

    def _updated(self, draft: Draft) -> None:
        if self.draft is not None and draft.id == self.draft.id:
            self.draft = Draft(**{**draft.__dict__, "text": self.editor.toPlainText()})
        self.refresh_list()
