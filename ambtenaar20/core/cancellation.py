"""Cooperative cancellation and progress for long work, usable from any front end.

Core services take a ``CancelToken`` and a ``ProgressCallback``; the GUI's cancel button sets the
token and returns at once, the service stops at its next check.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: ``progress(done, total, what)``; ``total`` 0 means unknown.
ProgressCallback = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The work was cancelled by the user; not an error."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled


def no_progress(done: int, total: int, what: str) -> None:
    """A ``ProgressCallback`` that ignores progress."""
