"""An area tells once when its first data is on screen.

The smoke test (and so the start-up benchmark) waits for this rather than for the first paint
of an empty frame. Each area declares ``content_shown = Signal()`` and calls
``announce_first_content(self)`` where its first load has been laid out, or has failed.
"""

from __future__ import annotations

from typing import Any


def announce_first_content(area: Any) -> None:
    if not getattr(area, "has_content", False):
        area.has_content = True
        area.content_shown.emit()


def has_shown_content(area: Any) -> bool:
    """True when ``area`` has announced its data, or does not announce it at all."""
    return not hasattr(area, "content_shown") or getattr(area, "has_content", False)
