"""The one way the screenshot scripts wait for the window before they take a picture.

Each script had its own loop (a fixed number of rounds, or until something shows with a limit of
its own); in one place the pause per round is the same everywhere and a script that gives up
waiting says so, instead of silently saving a half-drawn window.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

#: Each round handles the waiting events, then sleeps this long for workers and timers.
PAUSE_SECONDS = 0.02


def settle(until: Callable[[], bool] | None = None, rounds: int = 200) -> bool:
    """Let the window work until ``until()`` holds, at most ``rounds`` rounds (~20 ms each).

    Without ``until`` all rounds run: time for the last paint, animations and late layouts.
    Returns whether the condition was met (always True without one).
    """
    app = QApplication.instance()
    for _round in range(rounds):
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(PAUSE_SECONDS)
    if until is None:
        return True
    print(f"screenshot: still not ready after {rounds} rounds; taking it anyway",
          file=sys.stderr)
    return False
