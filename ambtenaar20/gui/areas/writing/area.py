"""The "Schrijven" area: drafts list | editor with counters and preview | findings and checklist.

The checker runs on a worker thread 300 ms after typing pauses and its result is only shown if
the text has not changed meanwhile, so typing never waits. The text is saved 1.5 s after typing
stops, when another draft is opened and when the window closes, so a crash loses at most the last
1.5 seconds of typing.

Opening the area and "New draft" store nothing: a new draft is stored with its first content
(``draft_saving.py``), and an empty one an older version stored is reused. A reply to a feed
item is written and checked in the item's language.
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
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.drafting.drafts import STATUS_LABELS, STATUSES, Dismissal, Draft, Template
from ambtenaar20.core.drafting.model import CheckResult, Finding
from ambtenaar20.core.drafting.unsaved import UnsavedDraft, has_content
from ambtenaar20.core.i18n import _
from ambtenaar20.core.number_text import decimal_text
from ambtenaar20.core.replies import reply_language
from ambtenaar20.gui.areas.first_content import announce_first_content
from ambtenaar20.gui.areas.writing.actions import WritingActions
from ambtenaar20.gui.areas.writing.draft_header import DraftHeaderSaving
from ambtenaar20.gui.areas.writing.draft_removal import DraftRemoval
from ambtenaar20.gui.areas.writing.draft_saving import DraftSaving
from ambtenaar20.gui.areas.writing.drafts_list import DraftsList
from ambtenaar20.gui.areas.writing.editor import DraftEditor
from ambtenaar20.gui.areas.writing.finding_actions import FindingActions
from ambtenaar20.gui.areas.writing.findings_panel import FindingsPanel
from ambtenaar20.gui.areas.writing.linked_item import LinkedItemPanel
from ambtenaar20.gui.areas.writing.platform_bar import PlatformBar, PlatformPreview
from ambtenaar20.gui.areas.writing.publishing import PublishingActions
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.workers import run_in_background

CHECK_DELAY_MS = 300
AUTOSAVE_DELAY_MS = 1500


class WritingArea(WritingActions, PublishingActions, FindingActions, DraftRemoval,
                  DraftHeaderSaving, DraftSaving, QSplitter):
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
        self._templates: list[Template] = []
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
            app.aboutToQuit.connect(self.flush_on_closing)
        self._watched_window: QObject | None = None
        #: Counts the drafts asked for (new or chosen): only the latest is opened, and once one
        #: was asked for, the first list load does not open another over it.
        self._open_request = 0
        self._lists_asked = 0
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
        self.drafts_list.remove_template_requested.connect(self.remove_template)
        self.drafts_list.delete_shown_requested.connect(self.delete_shown_draft)
        self.drafts_list.delete_requested.connect(self.delete_draft)
        self.drafts_list.copy_shown_requested.connect(self.copy_shown_draft)
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
        # Each on its own row: side by side, a long message ("Marked as published and added
        # to the log") squeezed the metrics into a narrow column and the editor shrank.
        self.metrics = QLabel()
        self.metrics.setWordWrap(True)
        column.addWidget(self.metrics)
        self.state = QLabel()
        self.state.setWordWrap(True)
        # One line kept free, so the first message does not push the editor up.
        self.state.setMinimumHeight(self.state.fontMetrics().lineSpacing())
        column.addWidget(self.state)
        # Four long Dutch labels: on two rows when the column is narrow, else they set the
        # width of the whole area and it scrolls sideways at a large font.
        bottom = FlowLayout()
        self.preferences_button = QPushButton(_("M&y lists…"))
        self.preferences_button.setAccessibleName(_("My lists for drafting"))
        self.preferences_button.clicked.connect(self.edit_preferences)
        self.install_pack_button = QPushButton(_("Install guideline &pack…"))
        self.install_pack_button.setAccessibleName(_("Install guideline pack"))
        self.install_pack_button.clicked.connect(self.install_pack)
        # "Copy text", not "Copy": the drafts list has "Make a copy" (a new draft) just above.
        self.copy_button = QPushButton(_("&Copy text"))
        self.copy_button.setAccessibleName(_("Copy the text to the clipboard"))
        self.copy_button.setToolTip(_("Copy the text to the clipboard"))
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
        # A finding made current by Tab or the arrows marks its words but keeps the focus (it
        # looped Tab back into the editor); a click or Enter goes to the words.
        self.panel.finding_selected.connect(lambda f: self.editor.select_finding(f, focus=False))
        self.panel.finding_opened.connect(self.editor.select_finding)
        self.panel.suggestion_chosen.connect(self.apply_suggestion)
        self.panel.dismiss_requested.connect(self.dismiss)
        self.panel.add_word_requested.connect(self.add_word)
        self.panel.undismiss_requested.connect(self.undismiss)
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
                          on_error=report, owner=self)

    def _show_error(self, error: Exception) -> None:
        if shiboken6.isValid(self):
            self.state.setText(str(error))

    # Drafts --------------------------------------------------------------------------------
    def refresh_list(self, open_first: bool = False) -> None:
        status, search = self.drafts_list.status_filter, self.drafts_list.search.text()
        # Two loads on two workers may finish in either order; an older one lacks the latest.
        self._lists_asked += 1
        asked = self._lists_asked

        def done(drafts: list[Draft]) -> None:
            if asked == self._lists_asked:
                self.drafts_list.set_drafts(drafts, self.draft.id if self.draft else None)
            if open_first:
                self._run(lambda: self.store.templates(), self.show_templates)
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

        Without content (the button, opening the area) nothing is stored: an empty draft
        nobody worked on is opened (the one shown, most often), else an unsaved one. With
        content (a template, a reply) it is stored at once. Typing goes into the editor
        (``focus``), not the field that had the focus; opening the area leaves it alone.
        """
        self.flush()
        request = self._next_open_request()
        shown = self.draft.id if self.draft else None
        typed = self.editor.toPlainText() if self.draft else ""
        # An autosave may still be on its way: the shown draft is not empty.
        keep = self._stored_id() if self.draft and typed.strip() else None
        content = has_content(text, topic, platforms) or feed_item_id is not None

        def start() -> Draft | None:
            if keep is not None:
                self.store.save_text(keep(), typed)
            if not content:
                return self.store.blank()  # None: an unsaved one
            language = reply_language(self.context, feed_item_id) if feed_item_id else None
            return self.store.create_or_reuse(text, topic, platforms, feed_item_id, language)

        def opened(draft: Draft | None) -> None:
            if request != self._open_request:
                return
            if draft is None and self.unsaved is not None and not has_content(
                    *self._screen_content()):
                draft = self.draft  # the shown one is new and empty: write in it
            elif draft is None:
                unsaved = UnsavedDraft(self.store)
                self.open_draft(unsaved.draft, unsaved)
            else:
                self.open_draft(draft)
            if focus:
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            if draft is not None and draft.id == shown and not text:
                self.state.setText(_("This draft is still empty: you can write in it."))
            self.refresh_list()

        self._run(start, opened)

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

    def open_draft(self, draft: Draft, unsaved: UnsavedDraft | None = None) -> None:
        """Show ``draft``; ``unsaved`` when it is a new one not stored yet (its ``draft``)."""
        self.draft = draft
        self.unsaved = unsaved
        # A list loaded while this draft was on its way marked the one shown before.
        self.drafts_list.select(draft.id)
        self._loading = True
        self.editor.setPlainText(draft.text)
        self.editor.document().clearUndoRedoStacks()
        self._loading = False
        self._dirty = False
        self.topic.setText(draft.topic)
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
        self.platform_bar.set_selected(draft.platforms)
        self.show_publication()
        self.state.setText(self.published_reason())
        if self._templates:
            self.show_templates(self._templates)
        self.linked_item.setVisible(draft.feed_item_id is not None)
        if draft.feed_item_id is not None:
            item_id = draft.feed_item_id
            self.linked_item.load(self.context.items, item_id, lambda: (
                self.draft is not None and self.draft.feed_item_id == item_id))
        self.dismissals = []
        self._ticks = set()
        self._questions_for = None
        draft_id = draft.id
        if unsaved is None:  # an unsaved draft has none
            self._run(lambda: (self.store.dismissals(draft_id), self.store.ticks(draft_id)),
                      lambda loaded: self._loaded_extras(draft_id, *loaded))
        self.run_check()
        self._watch_window()

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
        # A reply's language is the item's; else the text's own (None: detected).
        language = self.draft.language if self.draft else None
        self._run(lambda: self.service.check(text, language=language, platforms=platforms,
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
        ignored = [(finding, next(d for d in self.dismissals if d.covers(finding)))
                   for finding in result.findings if finding not in self.open_findings]
        self.panel.set_findings(self.open_findings, len(ignored))
        self.panel.set_ignored(ignored)
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

    def _watch_window(self) -> None:
        window = self.window()
        if window is not self and window is not self._watched_window:
            window.installEventFilter(self)
            self._watched_window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            self.flush_on_closing()
            # Let autosaves and checks in flight finish before the database is closed.
            QThreadPool.globalInstance().waitForDone(3000)
        return False
