"""The reader pane: one item's sanitised HTML, its flags, its tone, and "Reageren".

The HTML was sanitised before it was stored; the browser here still loads no resources at all
and opens only http, https and mailto links, in the system browser.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.analysis.sentiment import UNKNOWN, sentiment_name
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.accessible import name_after_text, named_button
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.local_time import full_moment

OPENABLE_SCHEMES = ("http", "https", "mailto")


def open_external(url: QUrl) -> bool:
    """Open ``url`` in the system browser or mail program, if its scheme is a safe one."""
    if url.scheme().lower() not in OPENABLE_SCHEMES:
        return False
    return QDesktopServices.openUrl(url)


def language_label(code: str | None) -> str:
    """The detected language as a word; the detector says "unknown" (in English) when unsure."""
    if not code or code == UNKNOWN:
        return _("unknown")
    return code


class SafeBrowser(QTextBrowser):
    """A text browser that never fetches anything (no images, no style sheets)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(open_external)

    def loadResource(self, type_: int, name: QUrl) -> Any:
        return None


class ReaderPane(QWidget):
    #: ``flag_changed(item_id, flag, value)`` for read / starred / needs_response.
    flag_changed = Signal(int, str, bool)
    sentiment_changed = Signal(int, object)
    reply_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: dict[str, Any] | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        # Titles and feed names are text: Qt would draw "Het <script>-element" as HTML.
        for label in (self.title, self.meta):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.browser = SafeBrowser()
        self.browser.setAccessibleName(_("Item text"))
        self.open_button = named_button(_("Open in &browser"))
        self.read_button = QPushButton()
        self.star_button = QPushButton()
        self.response_button = QPushButton()
        self.reply_button = named_button(_("Re&ply"))
        for button in (self.star_button, self.response_button, self.read_button):
            button.setCheckable(True)
        self.tone = QComboBox()
        self.tone.setAccessibleName(_("Tone"))
        for label, value in ((_("Tone: automatic"), None), (_("Tone: positive"), "positive"),
                             (_("Tone: neutral"), "neutral"), (_("Tone: negative"), "negative")):
            self.tone.addItem(label, value)
        # Two rows, so the pane stays narrow enough to leave the item list room; each wraps
        # when the pane is narrower still (a 1024-pixel screen, a 14 pt font), so the pane's
        # minimum is its widest control, not a row of three.
        buttons = QVBoxLayout()
        for row_widgets in ((self.open_button, self.reply_button, self.tone),
                            (self.read_button, self.star_button, self.response_button)):
            row = FlowLayout()
            for widget in row_widgets:
                row.addWidget(widget)
            row.addStretch(1)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        self.open_button.clicked.connect(self._open)
        self.read_button.toggled.connect(lambda on: self._flag("read", on))
        self.star_button.toggled.connect(lambda on: self._flag("starred", on))
        self.response_button.toggled.connect(lambda on: self._flag("needs_response", on))
        self.reply_button.clicked.connect(
            lambda: self.item is not None and self.reply_requested.emit(self.item["id"]))
        self.tone.activated.connect(self._tone_chosen)
        self.show_item(None)
        self._steady_widths()

    def show_item(self, item: dict[str, Any] | None) -> None:
        self.item = item
        for widget in (self.open_button, self.read_button, self.star_button,
                       self.response_button, self.reply_button, self.tone):
            widget.setEnabled(item is not None)
        if item is None:
            self.title.setText(_("No item selected"))
            self.meta.setText("")
            self.browser.setHtml("")
            self._sync_buttons()
            return
        self.title.setText(item["title"] or _("(no title)"))
        tone = sentiment_name(item.get("sentiment")) or _("not yet known")
        if item.get("sentiment_override"):
            tone += " " + _("(corrected by you)")
        elif item.get("tone_words"):  # why the computed tone is what it is
            tone += " " + _("(words: {words})").format(
                words=", ".join(f"‘{words}’" for words in item["tone_words"]))
        self.meta.setText(_("{feed} · {published} · language: {lang} · tone: {tone}").format(
            feed=item["feed"], published=full_moment(item["published"]),
            lang=language_label(item.get("lang")), tone=tone))
        self.browser.setHtml(item["html"] or "<p>" + _("(this item has no text)") + "</p>")
        self.open_button.setEnabled(bool(item["link"]))
        self._sync_buttons()

    def _flag_buttons(self) -> list[tuple[QPushButton, str, str, str]]:
        """Each flag's button, the flag, and the button's text when it is on and when off."""
        return [(self.read_button, "read", _("&Mark unread"), _("&Mark read")),
                (self.star_button, "starred", _("Un&star"), _("&Star")),
                (self.response_button, "needs_response", _("Response &not needed"),
                 _("&Needs response"))]

    def _steady_widths(self) -> None:
        """The read button as wide as the longer of its texts. Opening an item marks it read,
        and "Mark unread" is the pane's widest control: the pane's minimum grew as an item
        was opened, and the splitter took the room from the item list."""
        button, _flag, *texts = self._flag_buttons()[0]
        shown = button.text()
        widths = []
        for text in texts:
            button.setText(text)
            widths.append(button.sizeHint().width())
        button.setText(shown)
        button.setMinimumWidth(max(widths))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._steady_widths()

    def _sync_buttons(self) -> None:
        item = self.item or {}
        for button, flag, on_text, off_text in self._flag_buttons():
            button.blockSignals(True)
            button.setChecked(bool(item.get(flag)))
            button.setText(on_text if item.get(flag) else off_text)
            name_after_text(button)
            button.blockSignals(False)
        self.tone.setCurrentIndex(max(0, self.tone.findData(item.get("sentiment_override"))))

    def _flag(self, flag: str, value: bool) -> None:
        if self.item is None:
            return
        self.item[flag] = value
        self._sync_buttons()
        self.flag_changed.emit(self.item["id"], flag, value)

    def _tone_chosen(self, index: int) -> None:
        if self.item is not None:
            self.sentiment_changed.emit(self.item["id"], self.tone.itemData(index))

    def _open(self) -> None:
        if self.item and self.item["link"]:
            open_external(QUrl(self.item["link"]))
