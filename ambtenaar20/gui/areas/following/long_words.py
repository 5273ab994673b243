"""Words longer than a label is wide break where the label ends, instead of being cut off.

A label wraps at spaces only: a word wider than the reader ("Omgevingsvergunningaanvraag" at
the title's size) was cut off at the pane's edge, or, as the label's minimum, made the reader
wider than its buttons need and took the room from the item list. Such a word gets a break
opportunity (a zero-width space) between each of its characters; the other words are kept.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

#: U+200B: a line may break here; nothing is drawn.
BREAK = "\u200b"


def breakable(text: str, metrics: QFontMetricsF, room: int) -> str:
    """``text`` with the words wider than ``room`` breakable anywhere."""
    words = text.split(" ")
    if all(metrics.horizontalAdvance(word) <= room for word in words):
        return text
    return " ".join(BREAK.join(word) if metrics.horizontalAdvance(word) > room else word
                    for word in words)
