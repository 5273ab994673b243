"""Platform chips with live counters, and the preview of how each platform will show the post.

What is too long is red, in a red that is readable in the palette, light or dark
(``readable_colour``), also after the system switches between them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QTextBrowser, QWidget

from ambtenaar20.core.drafting.model import CheckResult
from ambtenaar20.core.drafting.platforms import platforms
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.flow_layout import FlowLayout
from ambtenaar20.gui.readable_colour import TOO_LONG_RED, TextColour, readable_on

#: At most; fewer when the editor column is narrow (a large font, a small screen).
COLUMNS = 4


class PlatformBar(QWidget):
    """One checkbox per platform; a ticked one shows "count/limit" and turns red when over."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self, columns=COLUMNS)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        self._colours: dict[str, TextColour] = {}
        for target in platforms().values():
            box = QCheckBox(target.name)
            box.setAccessibleName(_("Platform {name}").format(name=target.name))
            box.toggled.connect(self._on_toggled)
            layout.addWidget(box)
            self.boxes[target.id] = box
            self._colours[target.id] = TextColour(box)

    def selected(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.boxes.items() if box.isChecked())

    def set_selected(self, chosen: tuple[str, ...]) -> None:
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in chosen)
            box.blockSignals(False)
        self.show_counts(None)

    def show_counts(self, result: CheckResult | None) -> None:
        for key, box in self.boxes.items():
            name = platforms()[key].name
            length = result.lengths.get(key) if result else None
            over = length is not None and length.over
            box.setText(name if length is None else f"{name} {length.count}/{length.limit}")
            self._colours[key].set_colour(TOO_LONG_RED if over else None, bold=over)

    def _on_toggled(self, _checked: bool) -> None:
        self.changed.emit()


class PlatformPreview(QTextBrowser):
    """The preview of the last check; written again when the palette changes, for its red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: CheckResult | None = None

    def show_result(self, result: CheckResult) -> None:
        self.result = result
        cut = readable_on(TOO_LONG_RED, self.palette().color(QPalette.ColorRole.Base))
        self.setHtml(preview_html(result, cut))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.result is not None:
            self.show_result(self.result)


def preview_html(result: CheckResult, cut_colour: QColor = TOO_LONG_RED) -> str:
    """Per selected platform: the count, and the text with the part that would be cut marked
    (struck through, in ``cut_colour``)."""
    if not result.lengths:
        return "<p>" + html.escape(_("Choose one or more platforms to see a preview.")) + "</p>"
    blocks = []
    for key, length in result.lengths.items():
        name = platforms()[key].name
        cut = length.fits if length.over and length.fits is not None else len(result.text)
        kept = html.escape(result.text[:cut]).replace("\n", "<br>")
        lost = html.escape(result.text[cut:]).replace("\n", "<br>")
        state = (_("{count} of {limit}: too long, the red part would be cut off")
                 if length.over else _("{count} of {limit}: fits")).format(
            count=length.count, limit=length.limit)
        body = kept + (f'<span style="color:{cut_colour.name()}; text-decoration: '
                       f'line-through;">{lost}</span>' if lost else "")
        blocks.append(f"<h3>{html.escape(name)}</h3><p><i>{html.escape(state)}</i></p>"
                      f'<p style="border:1px solid #ccc; padding:6px;">{body}</p>')
    return "".join(blocks)
