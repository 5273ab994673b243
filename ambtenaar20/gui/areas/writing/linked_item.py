"""The feed item a reply draft answers, shown above the editor so the officer writes to it.

Only the stored plain text is shown (never the item's HTML), so nothing remote is loaded.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.local_time import full_moment
from ambtenaar20.gui.workers import run_in_background

#: Characters of the item's text shown; the reader in Volgen has the whole item.
EXCERPT = 600
#: At most this many lines high, so the editor keeps its room on a small screen; the rest
#: scrolls (with the mouse, or the arrow keys once Tab has reached the panel).
LINES = 4


class LinkedItemPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("The item this draft replies to"))
        self.document().setDocumentMargin(6)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.setVisible(False)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # the QLabel method it was
        self.setHtml(text)
        self._fit()

    def _fit(self, *_size) -> None:
        """As high as the text, but at most ``LINES`` lines."""
        document = self.document()
        most = self.fontMetrics().lineSpacing() * LINES + 2 * document.documentMargin()
        height = min(document.size().height(), most)
        self.setFixedHeight(int(height + 0.999) + 2 * self.frameWidth())

    def load(self, items: Any, item_id: int, still_wanted: Callable[[], bool]) -> None:
        """Show the item, read from ``items`` (the items service) off the GUI thread, if the
        draft still replies to it by then (``still_wanted``)."""
        self.show_pending(item_id)

        def read() -> dict[str, Any] | None:
            try:
                return items.item(item_id)
            except UsageError:  # removed by retention or with its feed
                return None

        def shown(item: dict[str, Any] | None) -> None:
            if not shiboken6.isValid(self) or not still_wanted():
                return
            if item is None:
                self.show_missing(item_id)
            else:
                self.show_item(item)

        run_in_background(lambda _token, _progress: read(), on_success=shown,
                          on_error=lambda _error: shown(None))

    def show_pending(self, item_id: int) -> None:
        self.setText(html.escape(_("Reply to item {id}").format(id=item_id)))
        self.setVisible(True)

    def show_item(self, item: dict[str, Any]) -> None:
        text = " ".join((item.get("text") or "").split())
        if len(text) > EXCERPT:
            text = text[:EXCERPT].rstrip() + "…"
        heading = _("Reply to: {title}").format(title=item.get("title") or "")
        source = " · ".join(part for part in (item.get("feed"), item.get("author"),
                                              full_moment(item.get("published") or "")) if part)
        self.setText(f"<b>{html.escape(heading)}</b><br><i>{html.escape(source)}</i>"
                     f"<br>{html.escape(text)}")
        self.setToolTip(item.get("link") or "")
        self.setVisible(True)

    def show_missing(self, item_id: int) -> None:
        self.setText(html.escape(
            _("Reply to item {id} (the item is no longer stored)").format(id=item_id)))
        self.setVisible(True)
