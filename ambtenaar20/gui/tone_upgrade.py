"""Scoring the stored items again under new tone rules, in the background after the first paint.

A new version of the app can score tone differently (``TONE_RULES_VERSION``); the items stored
before are then scored again once (``core.feeds.tone_rules_upgrade``). With tens of thousands
of items that takes a while, so it starts only once the first screen is shown, as the daily
backup does, and gives way when the app quits: the next start goes on where it stopped. The rows
on screen keep showing their previous tone and take the new one as the pass proceeds, as they do
after a refresh.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ambtenaar20.gui.workers import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from ambtenaar20.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Seconds between two re-reads of the rows on screen while the pass runs.
REREAD_EVERY_S = 2.0


def start_tone_rules_upgrade(window: MainWindow) -> BackgroundTask:
    """Off the GUI thread: score the items whose tone follows older rules again (at once done
    when there are none, as on every start after the first)."""
    from ambtenaar20.core.feeds.tone_rules_upgrade import rescore_outdated

    context = window.context
    last_reread = [0.0]

    def reread_rows() -> None:
        following = window.area("follow") if window.is_built("follow") else None
        if following is not None and hasattr(following, "model"):
            following.model.reread_rows()

    def progressed(_done: int, _total: int, _what: str) -> None:
        # The newest items come first: the first batch holds the rows on screen.
        if time.monotonic() - last_reread[0] >= REREAD_EVERY_S:
            last_reread[0] = time.monotonic()
            reread_rows()

    def done(scored: int) -> None:
        if scored:
            reread_rows()

    def failed(error: Exception) -> None:
        log.error("scoring the items under the new tone rules failed: %s", error)

    task = run_in_background(lambda cancel, progress: rescore_outdated(context.items, cancel,
                                                                       progress),
                             on_success=done, on_progress=progressed, on_error=failed,
                             owner=window)
    app = QCoreApplication.instance()
    if app is not None:
        # Quitting waits for the worker threads: this pass stops at its next batch instead.
        app.aboutToQuit.connect(task.cancel)
    return task
