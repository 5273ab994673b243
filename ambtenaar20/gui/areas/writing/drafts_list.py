"""The list of drafts on the left: search, filter by status, new draft, templates."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from ambtenaar20.core.i18n import _, current_language
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.local_time import full_moment


class DraftsList(QWidget):
    draft_chosen = Signal(int)
    new_requested = Signal()
    template_chosen = Signal(object)
    save_template_requested = Signal()
    filter_changed = Signal()

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
        layout.addWidget(self.list, 1)
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
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.templates_button)
        layout.addLayout(buttons)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.filter_changed)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.filter_changed)

    @property
    def status_filter(self) -> str | None:
        return self.status.currentData()

    def set_drafts(self, drafts: list[Draft], current_id: int | None) -> None:
        self.list.clear()
        for draft in drafts:
            title = draft.title or _("(empty draft)")
            details = [_(STATUS_LABELS.get(draft.status, draft.status))]
            if draft.topic:
                details.append(draft.topic)
            if draft.platforms:
                details.append(", ".join(draft.platforms))
            details.append(full_moment(draft.updated_at))
            item = QListWidgetItem(f"{title}\n{' · '.join(details)}")
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.list.addItem(item)
            if draft.id == current_id:
                self.list.setCurrentItem(item)

    def set_templates(self, templates: list[Template]) -> None:
        """The built-in templates in the interface language, and all of the officer's own."""
        language = current_language()
        self.templates_menu.clear()
        for template in templates:
            if template.builtin and template.language != language:
                continue
            action = self.templates_menu.addAction(template.name)
            action.triggered.connect(lambda _c=False, t=template: self.template_chosen.emit(t))
        self.templates_menu.addSeparator()
        save = self.templates_menu.addAction(_("Save text as template…"))
        save.triggered.connect(self.save_template_requested)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.draft_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
