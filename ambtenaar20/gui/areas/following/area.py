"""The "Volgen" area: topics and feeds | items of the selection | reader and trend.

Every database call and every fetch runs through ``run_in_background``; this widget only lays
out results. A refresh shows progress in the window's status bar with a cancel button that
returns at once (the worker stops at its next check; no one waits for it).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.gui.accessible import named_button
from ambtenaar20.gui.areas.empty_state import EmptyState
from ambtenaar20.gui.areas.first_content import announce_first_content
from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE, VALUE_ROLE, FeedActions
from ambtenaar20.gui.areas.following.item_model import ItemListModel
from ambtenaar20.gui.areas.following.item_table import ItemTable
from ambtenaar20.gui.areas.following.list_notices import NoticeLine, list_texts
from ambtenaar20.gui.areas.following.pane_layout import PaneLayout
from ambtenaar20.gui.areas.following.queries import (
    FirstScreen,
    Lists,
    Selection,
    load_lists,
    load_page,
)
from ambtenaar20.gui.areas.following.reader import ReaderPane
from ambtenaar20.gui.areas.following.reading_actions import ReadingActions
from ambtenaar20.gui.areas.following.refresh_control import RefreshControl
from ambtenaar20.gui.areas.following.source_tree import SourceTree
from ambtenaar20.gui.workers import BackgroundTask, run_in_background, while_alive

log = logging.getLogger(__name__)

#: The area looks for what other processes store (``store_follow``) from this long after its
#: first content is on screen, in ms: nothing of that slows the first screen.
FOLLOW_AFTER_MS = 3_000


class FollowingArea(FeedActions, ReadingActions, RefreshControl, QWidget):
    #: "Reageren" was chosen for this item (id, topic): the window opens a linked draft.
    reply_started = Signal(int, str)
    #: The first lists are on screen (or the empty state, or why they could not load).
    content_shown = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 first_screen: FirstScreen | None = None) -> None:
        """``first_screen``: the lists and first page, when start-up has loaded them already."""
        super().__init__(parent)
        self.context = context
        self.refresh_task: BackgroundTask | None = None
        self._lists_generation = 0
        #: The lists the tree shows (None before the first arrive).
        self.lists: Lists | None = None
        #: Said with the next list's item count (why the list changed by itself).
        self._list_note = ""
        self.store_follower = None
        self.model = ItemListModel(self._load_page, self)
        self._build()
        self.model.loaded.connect(self._after_items_loaded)
        self.model.failed.connect(self._show_error)
        self.auto_refresh = QTimer(self)
        self.auto_refresh.timeout.connect(self.refresh_on_timer)
        self.settings_changed()
        # The item list loads after the first list load, not at the same time: the first
        # database use may still open (and migrate) the store, which must happen once.
        self._items_started = False
        self.has_content = False
        if first_screen is None:
            self.reload_lists()
        else:
            self._items_started = True
            self._fill_tree(first_screen.lists)
            self.model.show_page(Selection(), first_screen.total, first_screen.rows)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.refresh_button = named_button(_("&Refresh"))
        self.add_feed_button = named_button(_("&Add feed"))
        self.add_topic_button = named_button(_("Add &topic"))
        self.import_button = named_button(_("&Import OPML"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search all items (same syntax as topics)"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        toolbar = QHBoxLayout()
        for button in (self.refresh_button, self.add_feed_button, self.add_topic_button,
                       self.import_button):
            toolbar.addWidget(button)
        toolbar.addWidget(self.search, 1)

        self.tree = SourceTree()
        self.table = ItemTable(self.model)
        self.reader = ReaderPane()
        # The chart (QtCharts) is built when the Trend tab is first opened, not at start-up;
        # from then on ``trend_follower`` keeps it on the stored figures.
        self.trend = None
        self.trend_follower = None
        self.trend_days = QComboBox()
        self.trend_days.setAccessibleName(_("Period"))
        self.trend_days.addItem(_("Last 30 days"), 30)
        self.trend_days.addItem(_("Last 90 days"), 90)
        self.trend_page = QWidget()
        self.trend_page.setAccessibleName(_("Trend"))
        trend_layout = QVBoxLayout(self.trend_page)
        trend_layout.addWidget(self.trend_days)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reader, _("Item"))
        self.tabs.addTab(self.trend_page, _("Trend"))
        self.tabs.tabBar().setAccessibleName(_("Item or trend"))

        self.panes = PaneLayout(self.tree, self.table, self.tabs, self.reader,
                                self.context.settings.window.reader_position)
        splitter = self.splitter = self.panes.outer
        working = QWidget()
        working_layout = QVBoxLayout(working)
        working_layout.setContentsMargins(0, 0, 0, 0)
        working_layout.addLayout(toolbar)
        self.notice = NoticeLine()
        working_layout.addWidget(self.notice)
        working_layout.addWidget(splitter, 1)

        self.empty = EmptyState(_("No feeds yet — add one or import an OPML file"),
                                _("Follow news sites, blogs, your intranet or social media "
                                  "through their feeds. Topics then collect what is said about "
                                  "your dossiers, with its tone."))
        # Not ``self.add_feed`` itself: ``clicked`` passes its "checked" flag, which
        # ``add_feed`` would take for the address typed before.
        self.empty.add_action_button(_("&Add feed"), lambda: self.add_feed())
        self.empty.add_action_button(_("&Import OPML"), self.import_opml)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(working)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName(_("Refresh progress"))
        self.cancel_button = named_button(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_refresh)
        self.progress.hide()
        self.cancel_button.hide()
        self._status_installed = False

        self.refresh_button.clicked.connect(self.refresh)
        self.add_feed_button.clicked.connect(lambda: self.add_feed())
        self.add_topic_button.clicked.connect(self.add_topic)
        self.import_button.clicked.connect(self.import_opml)
        self.search.returnPressed.connect(self._search)
        self.tree.currentItemChanged.connect(self._tree_selection_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.table.selectionModel().currentRowChanged.connect(self._item_selected)
        self.tabs.currentChanged.connect(lambda _index: self._open_trend())
        # Whatever changes the list's rows (a tone set or scored, marks, new items) may change
        # the trend's figures too.
        self.model.dataChanged.connect(lambda *_args: self._items_changed())
        self.model.items_changed.connect(self._items_changed)
        self.reader.flag_changed.connect(self._set_flag)
        self.reader.sentiment_changed.connect(self._set_sentiment)
        self.reader.reply_requested.connect(self._reply)
        self._name_clear_button()
        for keys, step in (("N", 1), ("J", 1), ("P", -1), ("K", -1)):
            for widget in (self.table, self.reader.browser):
                shortcut = QShortcut(QKeySequence(keys), widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda step=step: self.go_unread(step))
        self._add_area_keys()

    def _add_area_keys(self) -> None:
        """Ctrl+F (and Outlook's Ctrl+E) go to the search box, F5 refreshes: what mail users
        try first. Shortcuts of this area in the window's context: they work whichever pane
        (or the navigation) has the focus while Volgen is on screen, and not in other areas,
        which may give the same keys their own meaning."""
        for keys, action in (("Ctrl+F", self.focus_search), ("Ctrl+E", self.focus_search),
                             ("F5", self.refresh_button.click)):  # disabled while refreshing
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(action)

    def focus_search(self) -> None:
        """The search box, with its text selected so that typing replaces the last search."""
        if self.pages.currentIndex() != 1:
            return  # no feeds yet: the empty state has no search box
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _name_clear_button(self) -> None:
        """The search field's clear button is Qt's own; its name is the only one not set."""
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName(_("Clear"))

    def _run(self, work, **callbacks) -> BackgroundTask:
        """``run_in_background``, with callbacks dropped once this area has been deleted."""
        return run_in_background(work, **{name: while_alive(self, callback)
                                          for name, callback in callbacks.items()})

    # -- status bar --------------------------------------------------------------------------

    def _status_bar(self):
        window = self.window()
        return window.statusBar() if isinstance(window, QMainWindow) else None

    def _say(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "show_status"):
            window.show_status(message, self)
        elif (bar := self._status_bar()) is not None:
            bar.showMessage(message, 10_000)

    # -- lists -------------------------------------------------------------------------------

    def _load_page(self, selection: Selection, offset: int, limit: int):
        """Runs on a worker thread (called by the model through ``run_in_background``)."""
        return load_page(self.context, selection, offset, limit)

    def reload_lists(self) -> None:
        # Opening items quickly starts loads that may finish out of order; only the last counts.
        self._lists_generation += 1
        generation = self._lists_generation

        def loaded(lists: Lists) -> None:
            if generation == self._lists_generation:
                self._fill_tree(lists)

        self._run(lambda _cancel, _progress: load_lists(self.context),
                  on_success=loaded, on_error=self._show_error)

    def _fill_tree(self, lists: Lists) -> None:
        first_shown = bool(lists.feeds) and self.pages.currentIndex() == 0
        if first_shown:
            self.pages.setCurrentIndex(1)
        elif not lists.feeds:
            self.pages.setCurrentIndex(0)
            self._content_shown()
        self.lists = lists
        gone = self.tree.fill(lists)
        if gone is not None:  # removed here or by the command line: not its old rows
            self._list_note = _("“{name}” has been removed; all items are shown.").format(
                name=gone)
            self._show_selection(Selection())
        self._explain_list()  # a feed's problem may have come or gone
        if first_shown:  # after the fill: the tree's share depends on its texts
            self._split(lists)
        if not self._items_started:
            self._items_started = True
            self.model.set_selection(Selection())
        self._items_changed()  # the lists are read again after every change to the items

    def _split(self, lists: Lists) -> None:
        feeds = [feed["title"] or feed["url"] for feed in lists.feeds]
        self.panes.share_out(*self._panes_size(), feeds)

    def _panes_size(self) -> tuple[int, int]:
        """The area's width and the panes' height. Filled before the window is shown
        (start-up), the area has no size of its own yet: the window's, less the navigation
        rail, the menus, the toolbar and the status bar, is what it will get."""
        if self.isVisible():
            return self.width(), self.splitter.height()
        window = self.window()
        return max(window.width() - 150, 600), max(window.height() - 120, 300)

    def set_reader_position(self, position: str) -> None:
        """Beeld → Leesvenster: the reader beside the list, under it, or as the width allows."""
        self.panes.set_position(position, *self._panes_size())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.panes.resized(*self._panes_size())

    def _all_nodes(self):
        return self.tree.nodes()
    def _tree_selection_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        kind, value = current.data(0, KIND_ROLE), current.data(0, VALUE_ROLE)
        if kind is None:
            return
        self.search.clear()
        self._show_selection(Selection(topic=value if kind == "topic" else None,
                                       feed_id=value if kind == "feed" else None))

    def _show_selection(self, selection: Selection) -> None:
        self.table.set_placeholder("")  # said again once the new list has arrived
        self.notice.say(None)
        self.model.set_selection(selection)

    def _search(self) -> None:
        text = self.search.text().strip()
        if not text:
            if self.tree.currentItem() is None:  # the search had the list: back to all items
                self.tree.setCurrentItem(self.tree.topLevelItem(0))
            else:
                self._tree_selection_changed(self.tree.currentItem())
            return
        from ambtenaar20.core.feeds.query import QuerySyntaxError, compile_query

        # The list is the search's now, right or wrong: no topic or feed stays highlighted.
        self.tree.setCurrentItem(None)
        try:
            compile_query(text)
        except QuerySyntaxError as error:
            # An empty list that says why, not the previous rows (taken for the answer).
            self._say(str(error))
            self._show_selection(Selection(query=text, refused=str(error)))
            return
        self._show_selection(Selection(query=text))

    def _after_items_loaded(self) -> None:
        count = ngettext("{n} item", "{n} items", self.model.total).format(n=self.model.total)
        note, self._list_note = self._list_note, ""
        self._say(f"{note} · {count}" if note else count)
        shown = self.reader.item
        if shown is not None and self.model.row_of(shown["id"]) < 0:
            self.reader.show_item(None)  # not in this list: it would be read as part of it
        self._explain_list()
        self._content_shown()

    def _explain_list(self) -> None:
        """Say in the list area why the list is empty (a mistake in the search, no hits, a
        failing feed), or above its rows that their feed is failing."""
        selection, total = self.model.selection, self.model.total
        if self.model.busy and not total:
            return  # not known yet
        problem = self.tree.problem_of(selection.feed_id)
        empty, above = list_texts(selection, total, problem)
        self.table.set_placeholder(empty)
        self.notice.say(above)

    def _content_shown(self) -> None:
        if not self.has_content:
            QTimer.singleShot(FOLLOW_AFTER_MS, while_alive(self, self._follow_store))
        announce_first_content(self)

    def _follow_store(self) -> None:
        """From now on, what other processes store shows here too (``store_follow``)."""
        from ambtenaar20.gui.areas.following.store_follow import StoreFollower

        if self.store_follower is None:
            self.store_follower = StoreFollower(self)

    def settings_changed(self) -> None:
        """Apply the automatic refresh interval from the settings (also after Preferences)."""
        minutes = self.context.settings.feeds.refresh_minutes
        if minutes > 0:
            self.auto_refresh.start(minutes * 60_000)
        else:
            self.auto_refresh.stop()

    def _open_trend(self) -> None:
        """Build the chart when its tab is first opened; from then on its follower keeps it
        on the chosen topic and the stored figures."""
        if self.trend_follower is None and self.tabs.currentWidget() is self.trend_page:
            from ambtenaar20.gui.areas.following.trend_follow import TrendFollower

            self.trend_follower = TrendFollower(self.context, self.trend_page, self.tree,
                                                self.trend_days, self._show_error)
            self.trend = self.trend_follower.chart

    def _items_changed(self) -> None:
        if self.trend_follower is not None:
            self.trend_follower.changed()

    # -- actions -----------------------------------------------------------------------------

    def _show_error(self, error: Exception) -> None:
        """Plain messages (``Ambtenaar20Error``) in a dialog that does not block the window."""
        log.warning("follow area: %s: %s", type(error).__name__, error)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, _("Follow"), str(error),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._say(str(error))
        self._content_shown()

