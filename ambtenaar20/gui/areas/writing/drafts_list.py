"""The list of drafts on the left: search, filter by status, new draft, templates, copy, delete.

Templates are offered in the draft's language: a reply to a Dutch item gets the Dutch ones,
also when the interface is English.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.drafting.drafts import STATUS_LABELS, STATUSES, Draft, Template
from ambtenaar20.core.drafting.platforms import platform
from ambtenaar20.core.i18n import _, current_language
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.local_time import full_moment


class DraftsList(QWidget):
    draft_chosen = Signal(int)
    new_requested = Signal()
    template_chosen = Signal(object)
    save_template_requested = Signal()
    #: An own template to remove (asked first by the area).
    remove_template_requested = Signal(object)
    filter_changed = Signal()
    #: Delete the draft shown in the editor (the button).
    delete_shown_requested = Signal()
    #: Delete this draft (the Delete key on a draft in the list).
    delete_requested = Signal(int)
    #: A new draft like the one shown ("Make a copy"), to publish it again.
    copy_shown_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search drafts"))
        self.search.setAccessibleName(_("Search drafts"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.status = QComboBox()
        self.status.setAccessibleName(_("Show drafts with status"))
        self.status.addItem(_("All statuses"), None)
        for status in STATUSES:
            self.status.addItem(_(STATUS_LABELS[status]), status)
        layout.addWidget(self.status)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Drafts"))
        # Long first lines are cut with "…" rather than scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        # An empty list says why, above it: a new draft is only listed once it has content.
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(False)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.list, 1)
        self.list.installEventFilter(self)  # the Delete key on a draft
        # Below each other when the list is narrow (a large font), not wider than the list.
        buttons = FlowLayout()
        self.new_button = QPushButton(_("&New draft"))
        # Fills the row beside "Templates", as it did in the row this replaced.
        self.new_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.new_button.setAccessibleName(_("New draft"))
        self.new_button.clicked.connect(self.new_requested)
        self.templates_button = QToolButton()
        self.templates_button.setText(_("&Templates"))
        self.templates_button.setAccessibleName(_("Templates"))
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_menu = QMenu(self)
        self.templates_button.setMenu(self.templates_menu)
        self.delete_button = QPushButton(_("&Delete draft"))
        self.delete_button.setAccessibleName(_("Delete draft"))
        self.delete_button.setToolTip(_("Delete the draft shown (Delete in the list deletes "
                                        "the highlighted one)"))
        self.delete_button.clicked.connect(self.delete_shown_requested)
        self.copy_button = QPushButton(_("Make a c&opy"))
        self.copy_button.setAccessibleName(_("Make a copy of the draft"))
        self.copy_button.setToolTip(_("A new draft with the same text, topic and platforms, "
                                      "to publish again (a published draft is published once)"))
        self.copy_button.clicked.connect(self.copy_shown_requested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.templates_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._drafts: dict[int, Draft] = {}
        self._order: list[int] = []
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.filter_changed)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.filter_changed)

    @property
    def status_filter(self) -> str | None:
        return self.status.currentData()

    def set_drafts(self, drafts: list[Draft], current_id: int | None) -> None:
        self.list.clear()
        self._drafts = {draft.id: draft for draft in drafts}
        self._order = [draft.id for draft in drafts]
        for draft in drafts:
            title = draft.title or _("(empty draft)")
            # The number tells a copy from its original (same text, status and minute); it is
            # the one the CLI and the messages use ("a copy of draft 1").
            details = [_("no. {id}").format(id=draft.id),
                       _(STATUS_LABELS.get(draft.status, draft.status))]
            if draft.topic:
                details.append(draft.topic)
            if draft.platforms:
                details.append(", ".join(_platform_name(key) for key in draft.platforms))
            details.append(full_moment(draft.updated_at))
            item = QListWidgetItem(f"{title}\n{' · '.join(details)}")
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.list.addItem(item)
            if draft.id == current_id:
                self.list.setCurrentItem(item)
        filtered = bool(self.search.text().strip()) or self.status_filter is not None
        self.empty_hint.setText(_("No drafts match the search or status.") if filtered else _(
            "No drafts yet. What you write is saved as a draft as soon as you start typing."))
        self.empty_hint.setVisible(not drafts)
        # A screen reader on the empty list hears it too.
        self.list.setAccessibleDescription("" if drafts else self.empty_hint.text())

    def select(self, draft_id: int) -> None:
        """Mark the draft shown in the editor; none when it is not listed (new, filtered)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == draft_id:
                self.list.setCurrentRow(row)
                return
        self.list.setCurrentRow(-1)

    def draft(self, draft_id: int) -> Draft | None:
        return self._drafts.get(draft_id)

    def neighbour_of(self, draft_id: int) -> int | None:
        """The draft below this one in the list, else the one above (None: it is alone)."""
        if draft_id not in self._order:
            return self._order[0] if self._order else None
        index = self._order.index(draft_id)
        others = self._order[index + 1:] + self._order[:index][::-1]
        return others[0] if others else None

    def set_templates(self, templates: list[Template], language: str | None = None) -> None:
        """The built-in templates in ``language`` (else the interface's), and all of the
        officer's own."""
        language = language or current_language()
        self.templates_menu.clear()
        for template in templates:
            if template.builtin and template.language != language:
                continue
            action = self.templates_menu.addAction(template.name)
            action.triggered.connect(lambda _c=False, t=template: self.template_chosen.emit(t))
        self.templates_menu.addSeparator()
        save = self.templates_menu.addAction(_("Save text as template…"))
        save.triggered.connect(self.save_template_requested)
        own = [template for template in templates if not template.builtin]
        if own:  # the built-in ones stay: they are the organisation's
            removing = self.templates_menu.addMenu(_("Remove own template"))
            for template in own:
                action = removing.addAction(template.name)
                action.triggered.connect(
                    lambda _c=False, t=template: self.remove_template_requested.emit(t))

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.draft_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Delete)):
            item = self.list.currentItem()
            if item is not None:
                self.delete_requested.emit(item.data(Qt.ItemDataRole.UserRole))
                return True
        return False


def _platform_name(key: str) -> str:
    """"X", as everywhere else, not the stored key "x"."""
    known = platform(key)
    return known.name if known else key
