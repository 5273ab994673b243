"""Opening the Schrijven area in a test the way the window does: shown, with its first draft."""

from __future__ import annotations

from ambtenaar20.gui.areas.writing.area import WritingArea


def open_area(qtbot, context) -> WritingArea:
    area = WritingArea(context)  # the app's own recorder: the real interaction log
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    qtbot.waitUntil(lambda: area.draft is not None, timeout=5000)
    return area
