"""The one window: a navigation rail for the four areas, menus, status bar, remembered layout."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ambtenaar20 import APP_NAME
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.empty_state import OpeningNote
from ambtenaar20.gui.areas.following.reader_position import add_reader_position_menu
from ambtenaar20.gui.areas.registry import (
    AREAS,
    AreaSpec,
    area_index,
    area_shown_at_start,
    icon_path,
)
from ambtenaar20.gui.palette_watch import follow_palette
from ambtenaar20.gui.trust_actions import TrustActions
from ambtenaar20.gui.workers import run_in_background

log = logging.getLogger(__name__)

WARM_UP_DELAY_MS = 3000


class NavigationRail(QListWidget):
    """The list of areas on the left; arrow keys move, the selection switches the area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Areas"))
        self.setAccessibleDescription(_("Choose an area: Ctrl+1 to Ctrl+4"))
        self.setIconSize(QSize(24, 24))
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        self._width: int | None = None

    def sizeHint(self) -> QSize:
        # Layouts ask dozens of times while the window is built; measuring every label each
        # time cost ~5 ms of every start. Measured again when the font or the labels change.
        if self._width is None:
            self._width = max(self.sizeHintForColumn(0), 120) + 2 * self.frameWidth() + 24
        return QSize(self._width, super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._width = None
        super().changeEvent(event)

    def rowsInserted(self, parent, start: int, end: int) -> None:
        self._width = None
        super().rowsInserted(parent, start, end)

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        self._width = None
        super().dataChanged(top_left, bottom_right, roles)


def scrolling_page(area: QWidget) -> QScrollArea:
    """``area`` in a scroll area, so the window can be narrower than the area's minimum.

    With a large system font an area can need more room than a laptop screen has; the window
    would then not fit the screen. Now the area scrolls instead, and it fills the window as
    before whenever there is room. Scrolling sideways is the last resort: rows of controls wrap
    (``flow_layout``), so Schrijven and Logboek fit 1024 pixels at 14 pt.
    """
    page = QScrollArea()
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight into the area
    page.setWidget(area)
    return page


class MainWindow(QMainWindow):
    area_changed = Signal(str)
    areas_populated = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.rail = NavigationRail()
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(_("Work area"))
        self.areas: dict[str, QWidget] = {}
        #: What the stack shows for each area: the area in a scroll area (or its loading note).
        self._pages: dict[str, QWidget] = {}
        self._built: set[str] = set()
        self.populated = False
        #: Off for the smoke test, which must leave the officer's settings as they were.
        self.remember_state = True
        #: Idle time after start-up before the other areas' code is loaded (None: never).
        self.warm_up_delay_ms: int | None = WARM_UP_DELAY_MS
        self.area_actions: list[QAction] = []
        self._area_group = QActionGroup(self)
        for index, spec in enumerate(AREAS):
            self._add_area(index, spec)
        self.rail.currentRowChanged.connect(self._on_rail_row_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("MainSplitter")
        splitter.addWidget(self.rail)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([self.rail.sizeHint().width(), 900])
        self.setCentralWidget(splitter)

        self._build_menus()
        self.status_message = QLabel(_("Ready"))
        self._status_texts: dict[str, str] = {}
        self.status_message.setAccessibleName(_("Status"))
        self.statusBar().addWidget(self.status_message, 1)
        self.resize(self._first_size())
        self._restore_window_state()

    # -- areas ---------------------------------------------------------------------------------
    def _add_area(self, index: int, spec: AreaSpec) -> None:
        label = _(spec.label)
        icon = QIcon(str(icon_path(spec)))
        # White on the selection's colour, where the blue one would vanish.
        icon.addFile(str(icon_path(spec, selected=True)), QSize(), QIcon.Mode.Selected)
        item = QListWidgetItem(icon, label)
        item.setToolTip(f"{_(spec.description)} (Ctrl+{index + 1})")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _(spec.description))
        self.rail.addItem(item)
        # Until the database is open the area shows a loading note; populate_areas() swaps in
        # the real widget. This lets the window appear before the heavy libraries load.
        loading = OpeningNote(label, _("Opening your data…"))
        self.areas[spec.key] = loading
        self._pages[spec.key] = loading
        self.stack.addWidget(loading)
        action = QAction(icon, label, self)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.setStatusTip(_(spec.description))
        action.triggered.connect(lambda _checked=False, row=index: self.show_area_at(row))
        self._area_group.addAction(action)
        self.area_actions.append(action)

    def populate_areas(self, first_screen: dict[str, Any] | None = None) -> None:
        """The database is open: build the area on screen; the others when first shown.

        Building all four at once cost a third of a second at every start (each imports its
        own libraries and starts its own queries) for areas the officer may not open at all.
        ``first_screen`` maps an area's key to the data start-up already loaded for it.
        """
        if self.populated:
            return
        self.populated = True
        for action in self.window_actions:
            action.setEnabled(True)
        key = self.current_area_key()
        self.area(key, first_screen=(first_screen or {}).get(key))
        self.areas_populated.emit()
        if self.warm_up_delay_ms is not None:
            QTimer.singleShot(self.warm_up_delay_ms, self._warm_up_areas)

    def _warm_up_areas(self) -> None:
        """Import the other areas' code in the background, so their first opening is quick.

        Most of the time of building an area the first time is importing its modules (the
        Schrijven area: about 80 of 110 ms); imported ahead, the switch only builds widgets.
        """
        modules = [spec.module for spec in AREAS if not self.is_built(spec.key)]

        def work(cancel, _progress):
            for module in modules:
                cancel.raise_if_cancelled()
                importlib.import_module(module)

        run_in_background(work)

    def area(self, key: str, first_screen: Any = None) -> QWidget:
        """The widget of area ``key``, built now if it was not yet (needs the open database).

        ``first_screen``: data already loaded for it (see ``AreaSpec.first_screen``).
        """
        widget = self.areas[key]
        if key not in self._built:
            widget = self._build_area(key, first_screen)
        return widget

    def is_built(self, key: str) -> bool:
        return key in self._built

    def _build_area(self, key: str, first_screen: Any = None) -> QWidget:
        index = area_index(key)
        spec = AREAS[index]
        current = self.stack.currentIndex()
        widget = spec.factory(self.context, self, first_screen)
        widget.setObjectName(f"area-{spec.key}")
        if not widget.accessibleName():
            widget.setAccessibleName(_(spec.label))
        placeholder = self._pages[key]
        page = scrolling_page(widget)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.areas[key] = widget
        self._pages[key] = page
        self._built.add(key)
        self.stack.setCurrentIndex(current)
        if key == "follow" and hasattr(widget, "reply_started"):
            widget.reply_started.connect(self.start_reply)
        return widget

    def rebuild_areas(self) -> None:
        """Replace the built areas by new ones on the (restored) data; the rest stay lazy."""
        for key in list(self._built):
            self._built.discard(key)
            self._build_area(key)

    def build_all_areas(self) -> None:
        for spec in AREAS:
            self.area(spec.key)

    def start_reply(self, item_id: int, topic: str = "") -> None:
        """"Reageren" on a feed item: a new draft linked to it, in the Schrijven area."""
        self.show_area("write")
        self.area("write").new_draft(topic=topic, feed_item_id=item_id)

    def show_area(self, key: str) -> None:
        self.show_area_at(area_index(key))

    def show_area_at(self, row: int) -> None:
        self.rail.setCurrentRow(row)

    def current_area_key(self) -> str:
        return AREAS[self.stack.currentIndex()].key

    def _on_rail_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self.populated:
            self.area(AREAS[row].key)
        self.stack.setCurrentIndex(row)
        self.area_actions[row].setChecked(True)
        # Each area's own last message ("20000 berichten" belongs to Volgen alone).
        self.status_message.setText(self._status_texts.get(AREAS[row].key, _("Ready")))
        self.area_changed.emit(AREAS[row].key)

    def show_status(self, message: str, area: QWidget) -> None:
        """``area``'s message for the status bar, shown while that area is on screen."""
        # An area still being built is not in ``areas`` yet; it is built to be shown.
        key = next((key for key, widget in self.areas.items() if widget is area),
                   self.current_area_key())
        self._status_texts[key] = message
        if key == self.current_area_key():
            self.status_message.setText(message)

    # -- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self.preferences_action = file_menu.addAction(_("&Preferences…"))
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.triggered.connect(self.open_preferences)
        file_menu.addSeparator()
        open_data = file_menu.addAction(_("&Open data folder"))
        open_data.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.data_dir)))
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(_("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        edit_menu = bar.addMenu(_("&Edit"))
        for text, key, slot in (
            (_("&Undo"), QKeySequence.StandardKey.Undo, "undo"),
            (_("&Redo"), QKeySequence.StandardKey.Redo, "redo"),
            (_("Cu&t"), QKeySequence.StandardKey.Cut, "cut"),
            (_("&Copy"), QKeySequence.StandardKey.Copy, "copy"),
            (_("&Paste"), QKeySequence.StandardKey.Paste, "paste"),
            (_("Select &all"), QKeySequence.StandardKey.SelectAll, "selectAll"),
        ):
            action = edit_menu.addAction(text)
            action.setShortcut(key)
            # Only the menu entry: the focused editor handles the key itself.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, name=slot: _send_to_focus(name))
        self.edit_menu = edit_menu
        self._add_window_commands(edit_menu)

        view_menu = bar.addMenu(_("&View"))
        view_menu.addActions(self.area_actions)
        view_menu.addSeparator()
        self.reader_position_actions = add_reader_position_menu(
            self, view_menu, self.context.settings.window.reader_position,
            self._reader_position_chosen)
        self.view_menu = view_menu

        help_menu = bar.addMenu(_("&Help"))
        self.getting_started_action = help_menu.addAction(_("&Getting started"))
        self.getting_started_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.getting_started_action.setStatusTip(
            _("What each area is for, the first steps and the keyboard shortcuts"))
        self.getting_started_action.triggered.connect(self.open_getting_started)
        open_log = help_menu.addAction(_("Open &log file folder"))
        open_log.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.logs_dir)))
        )
        help_menu.addSeparator()
        about = help_menu.addAction(_("&About Ambtenaar 2.0"))
        about.triggered.connect(self.open_about)
        self.help_menu = help_menu
        self.trust_actions = TrustActions(self, file_menu, help_menu)

    def _reader_position_chosen(self, position: str) -> None:
        self.context.settings.window.reader_position = position
        try:
            self.context.save_settings()
        except Exception:
            log.exception("saving the reading pane's position failed")
        for area in self.areas.values():  # Volgen, when built; it reads the setting otherwise
            if hasattr(area, "set_reader_position"):
                area.set_reader_position(position)

    def _add_window_commands(self, menu) -> None:
        """Commands of an area that work from every area (Ctrl+L), before it is even built."""
        self.window_actions: list[QAction] = []
        for spec in AREAS:
            for command in spec.window_commands:
                action = QAction(_(command.label), self)
                action.setShortcut(QKeySequence(command.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.setEnabled(False)  # until the database is open
                action.triggered.connect(
                    lambda _checked=False, key=spec.key, method=command.method:
                    getattr(self.area(key), method)())
                self.window_actions.append(action)
        if self.window_actions:
            menu.addSeparator()
            menu.addActions(self.window_actions)
            self.addActions(self.window_actions)

    def open_preferences(self) -> None:
        from ambtenaar20.gui.dialogs.preferences_dialog import PreferencesDialog

        # Filled with what is saved now, also by the command line meanwhile.
        if self.context.refresh_settings():
            self.settings_changed()
        dialog = PreferencesDialog(self.context, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.settings_changed()
            # Stored items holding a word added to or removed from "Words without tone".
            if dialog.tone_preferences.changed_words:
                from ambtenaar20.gui.dialogs.tone_preferences import rescore_in_background

                rescore_in_background(self, dialog.tone_preferences.changed_words)

    def settings_changed(self) -> None:
        """Areas that hold on to settings (the refresh interval, the names to hide) pick up
        the new values."""
        for area in self.areas.values():
            if hasattr(area, "settings_changed"):
                area.settings_changed()

    def open_getting_started(self) -> None:
        # Imported here, not with the window: the guide is read rarely and costs start-up time.
        from ambtenaar20.gui.dialogs.getting_started_dialog import GettingStartedDialog

        GettingStartedDialog(self.context, self).exec()

    def open_about(self) -> None:
        from ambtenaar20.gui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.context, self).exec()

    # -- state ---------------------------------------------------------------------------------
    def _first_size(self) -> QSize:
        """Until the officer sizes the window: most of the screen, up to 1360 x 860."""
        screen = self.screen()
        if screen is None:
            return QSize(1100, 720)
        available = screen.availableGeometry()
        return QSize(max(900, min(1360, available.width() * 9 // 10)),
                     max(600, min(860, available.height() * 9 // 10)))

    def _restore_window_state(self) -> None:
        state = self.context.settings.window
        if state.geometry:
            self.restoreGeometry(QByteArray.fromBase64(state.geometry.encode("ascii")))
        if state.state:
            self.restoreState(QByteArray.fromBase64(state.state.encode("ascii")))
        self.show_area_at(area_index(area_shown_at_start(state.area).key))

    def save_window_state(self) -> None:
        if not self.remember_state:
            return
        state = self.context.settings.window
        state.geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        state.state = bytes(self.saveState().toBase64().data()).decode("ascii")
        state.area = self.stack.currentIndex()
        try:
            self.context.save_settings()
        except Exception:
            log.exception("saving the window state failed")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            follow_palette(QApplication.instance())  # the system switched to dark mode
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)


def _send_to_focus(slot_name: str) -> None:
    widget = QApplication.focusWidget()
    slot = getattr(widget, slot_name, None) if widget is not None else None
    if callable(slot):
        slot()
