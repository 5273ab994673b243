"""The reader pane: one item's sanitised HTML, its flags, its tone, and "Reageren".

The HTML was sanitised before it was stored; the browser here still loads no resources at all
and opens only http, https and mailto links, in the system browser.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFontMetricsF,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ambtenaar20.core.analysis.sentiment import UNKNOWN, sentiment_name
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.gui.accessible import named_button
from ambtenaar20.gui.areas.following.long_words import breakable
from ambtenaar20.gui.areas.following.two_line_labels import TwoLineLabels
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.local_time import full_moment

if TYPE_CHECKING:
    from ambtenaar20.core.feeds.query import Term

OPENABLE_SCHEMES = ("http", "https", "mailto")
#: The marking of a topic's words: a highlighter's yellow, with black text on it in a dark
#: palette too (the palette's own highlight is the selection's, and means "selected").
MARK_BACKGROUND, MARK_TEXT = "#ffe566", "#000000"
#: Qt's QWIDGETSIZE_MAX (not exported by PySide6): no maximum.
NO_MAXIMUM = (1 << 24) - 1


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
        #: The width the pane has for its texts and buttons; None until it is laid out.
        self._room: int | None = None
        #: The text each label shows, as given (``_show_text`` may add break opportunities).
        self._texts: dict[QLabel, str] = {}
        #: The words to mark: the topic's or the search's (``core.feeds.highlights``).
        self._terms: tuple[Term, ...] = ()
        #: How many places of the title are marked (``_show_text``).
        self._title_marks = 0
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        # Cut at the bottom when it must be (``_cap_title``), not at the top and bottom.
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Titles and feed names are text: Qt would draw "Het <script>-element" as HTML.
        for label in (self.title, self.meta):
            label.setTextFormat(Qt.TextFormat.PlainText)
            # A long word breaks where the pane ends (``_show_text``), so no minimum of its own.
            label.setMinimumWidth(1)
        self.browser = SafeBrowser()
        self.browser.setAccessibleName(_("Item text"))
        self.open_button = QPushButton()
        self.read_button = QPushButton()
        self.star_button = QPushButton()
        self.response_button = QPushButton()
        self.reply_button = named_button(_("Re&ply"))
        for button in (self.star_button, self.response_button, self.read_button):
            button.setCheckable(True)
        # On two lines when the pane is narrow (a 1024-pixel screen at 14 pt): see the module.
        self.labels = TwoLineLabels()
        self.labels.add(self.open_button, _("Open in &browser"))
        for button, _flag, on_text, off_text in self._flag_buttons():
            self.labels.add(button, off_text, on_text)
        self.tone = QComboBox()
        self.tone.setAccessibleName(_("Tone"))
        for label, value in ((_("Tone: automatic"), None), (_("Tone: positive"), "positive"),
                             (_("Tone: neutral"), "neutral"), (_("Tone: negative"), "negative")):
            self.tone.addItem(label, value)
        # Two rows, so the pane stays narrow enough to leave the item list room; each wraps
        # when the pane is narrower still (a 1024-pixel screen, a 14 pt font), so the pane's
        # minimum is its widest control, not a row of three.
        buttons = self._buttons = QVBoxLayout()
        for row_widgets in ((self.open_button, self.reply_button, self.tone),
                            (self.read_button, self.star_button, self.response_button)):
            row = FlowLayout()
            for widget in row_widgets:
                row.addWidget(widget)
            row.addStretch(1)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        # Beside the tabs' own frame, 6 pixels each side are room enough; the style's 9 made
        # "Markeer als ongelezen" and "Ster" one row too wide at 1024 pixels and 14 pt.
        margins = layout.contentsMargins()
        layout.setContentsMargins(6, margins.top(), 6, margins.bottom())
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
        self.labels.measure()

    def show_item(self, item: dict[str, Any] | None) -> None:
        self.item = item
        for widget in (self.open_button, self.read_button, self.star_button,
                       self.response_button, self.reply_button, self.tone):
            widget.setEnabled(item is not None)
        if item is None:
            self._show_text(self.title, _("No item selected"))
            self._show_text(self.meta, "")
            self._terms = ()
            self.browser.setHtml("")
            self._mark()
            self._sync_buttons()
            return
        self._terms = tuple(item.get("highlight", ()))
        self._show_text(self.title, item["title"] or _("(no title)"))
        self._show_meta(item)
        self.browser.setHtml(item["html"] or "<p>" + _("(this item has no text)") + "</p>")
        self._mark()
        self.open_button.setEnabled(bool(item["link"]))
        self._sync_buttons()

    def _show_meta(self, item: dict[str, Any]) -> None:
        tone = sentiment_name(item.get("sentiment")) or _("not yet known")
        if item.get("sentiment_override"):
            tone += " " + _("(corrected by you)")
        elif item.get("tone_words"):  # why the computed tone is what it is
            tone += " " + _("(words: {words})").format(
                words=", ".join(f"‘{words}’" for words in item["tone_words"]))
        self._show_text(self.meta, _("{feed} · {published} · language: {lang} · tone: {tone}")
                        .format(feed=item["feed"], published=full_moment(item["published"]),
                                lang=language_label(item.get("lang")), tone=tone))

    def _mark(self) -> None:
        """Mark where the topic's or the search's words occur in the text (the title marks
        them in ``_show_text``), in black on yellow in light and dark palettes alike."""
        document = self.browser.document()
        # Raw text: one character per cursor position, so the offsets are the document's.
        spans = _term_spans(document.toRawText(), self._terms)
        marked = QTextCharFormat()
        marked.setBackground(QColor(MARK_BACKGROUND))
        marked.setForeground(QColor(MARK_TEXT))
        selections = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(document)
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = marked
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        #: How many places are marked, in the title and the text (read out with the text).
        self.marked = self._title_marks + len(spans)
        self.browser.setAccessibleDescription(
            ngettext("{n} place marked: the words of the topic or the search",
                     "{n} places marked: the words of the topic or the search", self.marked)
            .format(n=self.marked) if self.marked else "")


    def _flag_buttons(self) -> list[tuple[QPushButton, str, str, str]]:
        """Each flag's button, the flag, and the button's text when it is on and when off."""
        return [(self.read_button, "read", _("&Mark unread"), _("&Mark read")),
                (self.star_button, "starred", _("Un&star"), _("&Star")),
                (self.response_button, "needs_response", _("Response &not needed"),
                 _("&Needs response"))]

    def least_one_line_width(self) -> int:
        """The pane's minimum with every label on one line (its ``minimumSizeHint`` has the
        labels that can on two)."""
        margins = self.layout().contentsMargins()
        widest = max(self.labels.one_line_width(), self.reply_button.sizeHint().width(),
                     self.tone.sizeHint().width())
        return max(widest + margins.left() + margins.right(), self.minimumSizeHint().width())

    def button_lines(self, width: int) -> int:
        """How many lines the buttons take in a pane ``width`` wide, every label on one line:
        2 in their rows of three; more when a row wraps (see ``reader_position``)."""
        margins = self.layout().contentsMargins()
        room = width - margins.left() - margins.right()
        spacing = max(self.layout().spacing(), 0)
        lines = 0
        for row in ((self.open_button, self.reply_button, self.tone),
                    (self.read_button, self.star_button, self.response_button)):
            used = None
            for widget in row:
                wide = self.labels.one_line_width_of(widget)
                if used is None or used + spacing + wide > room:
                    lines, used = lines + 1, wide
                else:
                    used += spacing + wide
        return lines

    def _show_text(self, label: QLabel, text: str) -> None:
        self._texts[label] = text
        shown = text if self._room is None else breakable(text, QFontMetricsF(label.font()),
                                                          self._room)
        spans = _term_spans(text, self._terms) if label is self.title else []
        if label is self.title:
            self._title_marks = len(spans)
        # Found in the text as given: a long word broken for the width is still one word.
        spans = _shown_spans(text, shown, spans)
        if spans:  # the title's marked words: in rich text, the rest escaped
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(marked_html(shown, spans))
        else:
            # Plain text: Qt would draw "Het <script>-element" as HTML.
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(shown)
        # Screen readers read the text as given, without the break opportunities or marks.
        label.setAccessibleName(text if shown != text or spans else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        margins = self.layout().contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        if room != self._room:
            self._room = room
            self.labels.set_room(room)
            for label, text in self._texts.items():
                self._show_text(label, text)
        self._cap_title()
        super().resizeEvent(event)

    def _cap_title(self) -> None:
        """The title no taller than the pane leaves it beside the rest, in whole lines; its
        tool tip has it whole when it is cut. On a low screen with a large font, a narrow
        pane and a long title (in long words, broken) took the buttons' height, and the
        layout drew the buttons and the text over each other."""
        if self._room is None:
            return
        layout = self.layout()
        margins = layout.contentsMargins()
        spare = (self.height() - margins.top() - margins.bottom() - 3 * layout.spacing()
                 - self.meta.heightForWidth(self._room) - self._buttons.heightForWidth(self._room)
                 - self.browser.minimumSizeHint().height())
        cut = self.title.heightForWidth(self._room) > spare
        line = self.title.fontMetrics().lineSpacing()
        self.title.setMaximumHeight(max(line, spare // line * line) if cut else NO_MAXIMUM)
        self.title.setToolTip(self._texts[self.title] if cut else "")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.labels.measure()

    def _sync_buttons(self) -> None:
        item = self.item or {}
        for button, flag, on_text, off_text in self._flag_buttons():
            button.blockSignals(True)
            button.setChecked(bool(item.get(flag)))
            self.labels.set_text(button, on_text if item.get(flag) else off_text)
            button.blockSignals(False)
        self._cap_title()  # the texts and the labels are new
        self.tone.setCurrentIndex(max(0, self.tone.findData(item.get("sentiment_override"))))

    def update_marks(self, stored: dict[str, Any]) -> None:
        """The shown item's marks and tone as ``stored`` has them (set elsewhere: ``items
        mark``, ``items tone``), without showing the item anew: its text keeps its place and
        what is selected in it."""
        if self.item is None or self.item["id"] != stored["id"]:
            return
        marks = {flag: stored[flag] for _button, flag, _on, _off in self._flag_buttons()}
        if any(bool(self.item.get(flag)) != value for flag, value in marks.items()):
            self.item.update(marks)
            self._sync_buttons()
        tone = {key: stored.get(key) for key in ("sentiment", "sentiment_override")}
        if any(self.item.get(key) != value for key, value in tone.items()):
            # A tone set elsewhere (``items tone``) or scored meanwhile: the words that drove
            # the old one no longer explain it.
            self.item.update(tone, tone_words=())
            self._show_meta(self.item)
            self._sync_buttons()

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


def _term_spans(text: str, terms: tuple[Term, ...]) -> list[tuple[int, int]]:
    if not terms:  # most items at start-up: the module is imported when first needed
        return []
    from ambtenaar20.core.feeds.highlights import term_spans

    return term_spans(text, terms)


def _shown_spans(text: str, shown: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of ``text`` as offsets in ``shown``: the same text with break opportunities
    (``long_words.BREAK``) put in."""
    if shown == text or not spans:
        return spans
    at: list[int] = []  # at[i]: where text[i] is in shown
    place = 0
    for char in text:
        while shown[place] != char:
            place += 1  # a break opportunity put in before this character
        at.append(place)
        place += 1
    return [(at[start], at[end - 1] + 1) for start, end in spans]


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` as rich text with ``spans`` marked as the reader marks its text."""
    parts, done = [], 0
    for start, end in spans:
        parts.append(html.escape(text[done:start]))
        parts.append(f'<span style="background-color:{MARK_BACKGROUND}; color:{MARK_TEXT}">'
                     f"{html.escape(text[start:end])}</span>")
        done = end
    parts.append(html.escape(text[done:]))
    return "".join(parts)
