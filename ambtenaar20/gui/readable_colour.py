"""Signal colours (red for an error, a follow-up that is due, a post that is too long) that stay
readable in the palette the system gives us, light or dark.

They were fixed dark reds, chosen against a light window: on a dark window they were faint
(#8a1c1c on #2b2b2b is about 1.6:1, where WCAG asks 4.5:1 for text). Now the chosen colour
is kept wherever it is readable, so a light palette looks as before, and elsewhere the same hue
is made lighter (or darker, on a light but tinted background) until it is. A widget's text
follows a palette change at runtime through ``TextColour``.

Only QtGui and QtCore, which are loaded anyway: nothing here costs start-up time, and the
modules of the first screen (Volgen) do not import it.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

from ambtenaar20.gui.palette_watch import is_dark

#: WCAG 2 AA for normal text.
MIN_CONTRAST = 4.5
#: The steps in which a colour's lightness is moved towards readable.
_STEP = 0.02

ERROR_RED = QColor("#a40000")
FOLLOW_UP_RED = QColor("#8a1c1c")
#: A post longer than a platform allows (the platform bar and its preview).
TOO_LONG_RED = QColor("#c0392b")


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(colour: QColor, background: QColor) -> QColor:
    """``colour`` when it is readable on ``background``, else its hue made lighter on a dark
    background (darker on a light one) until it is."""
    if contrast(colour, background) >= MIN_CONTRAST:
        return QColor(colour)
    hue, saturation, lightness, alpha = colour.getHslF()
    direction = 1 if luminance(background) < 0.18 else -1  # 0.18: equal contrast to both ends
    candidate = QColor(colour)
    while 0 <= lightness <= 1:
        lightness += direction * _STEP
        candidate = QColor.fromHslF(hue, saturation, min(1.0, max(0.0, lightness)), alpha)
        if contrast(candidate, background) >= MIN_CONTRAST:
            break
    return candidate


def readable_in(colour: QColor, palette: QPalette,
                role: QPalette.ColorRole = QPalette.ColorRole.Base) -> QColor:
    """``colour`` made readable on ``role`` of ``palette``, light or dark.

    For colours that mark a kind (the findings' red, orange and blue): the same hue, so every
    kind keeps its look, only as dark or light as reading it asks (the orange, 2.8:1 on white,
    becomes a darker orange).
    """
    return readable_on(colour, palette.color(role))


def row_tint(tint: QColor, palette: QPalette) -> QColor:
    """A light background tint for a row (a follow-up that is due): as chosen when the base is
    light; when it is dark, the tint's hue mixed into the base, so that the palette's light
    text stays readable on it (a pastel row under light text was nearly blank)."""
    if not is_dark(palette):
        return QColor(tint)
    return QColor.fromRgba(_dark_tint(tint.rgba(), palette.color(QPalette.ColorRole.Base).rgba(),
                                      palette.color(QPalette.ColorRole.Text).rgba()))


@lru_cache(maxsize=16)
def _dark_tint(tint: int, base: int, text: int) -> int:
    # Cached: a table asks for every cell's background at every paint.
    hue = max(0.0, QColor.fromRgba(tint).hslHueF())
    strong = QColor.fromHslF(hue, 0.7, 0.45).getRgbF()[:3]
    under, ink = QColor.fromRgba(base), QColor.fromRgba(text)
    for share in (0.35, 0.3, 0.25, 0.2, 0.15, 0.1):
        mixed = QColor.fromRgbF(*(b + (s - b) * share
                                  for b, s in zip(under.getRgbF()[:3], strong, strict=True)))
        if contrast(mixed, ink) >= MIN_CONTRAST:
            return mixed.rgba()
    return under.rgba()


def _role_bits(role: QPalette.ColorRole) -> int:
    """The bits of ``role`` in a palette's resolve mask, one per colour group (asked of Qt:
    their layout differs between Qt versions)."""
    probe = QPalette()
    probe.setColor(role, QColor())
    return probe.resolveMask()


class TextColour(QObject):
    """Keeps a widget's text in a signal colour (and bold, if asked) that is readable on the
    widget's background, also after the palette changes while the window is open.

    Through the widget's palette, not a style sheet: a style sheet would not see the palette
    change, and it puts the widget under Qt's style sheet style.
    """

    def __init__(self, widget: QWidget, colour: QColor | None = None, *,
                 bold: bool = False) -> None:
        super().__init__(widget)
        self._widget = widget
        self._colour: QColor | None = None
        self._bold = bold
        widget.installEventFilter(self)
        self.set_colour(colour)

    def set_colour(self, colour: QColor | None, *, bold: bool | None = None) -> None:
        """``None``: the palette's own text colour again."""
        self._colour = QColor(colour) if colour is not None else None
        if bold is not None:
            self._bold = bold
        self._apply()

    def colour(self) -> QColor | None:
        """The colour the text has now; ``None`` when it is the palette's own."""
        if self._colour is None:
            return None
        return self._widget.palette().color(self._widget.foregroundRole())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.PaletteChange:
            self._apply()
        return False

    def _apply(self) -> None:
        widget = self._widget
        role = widget.foregroundRole()
        palette = widget.palette()
        if self._colour is None:
            # Only what this set: the widget takes the text colour from its parent again.
            if palette.isBrushSet(QPalette.ColorGroup.Active, role):
                palette.setResolveMask(palette.resolveMask() & ~_role_bits(role))
                widget.setPalette(palette)
        else:
            wanted = readable_on(self._colour, palette.color(widget.backgroundRole()))
            # Setting it sends another palette change: only when it differs, or it loops.
            if palette.color(role) != wanted or not palette.isBrushSet(
                    QPalette.ColorGroup.Active, role):
                palette.setColor(role, wanted)
                widget.setPalette(palette)
        bold = self._bold and self._colour is not None
        if widget.font().bold() != bold:
            font = QFont(widget.font())
            font.setBold(bold)
            widget.setFont(font)
